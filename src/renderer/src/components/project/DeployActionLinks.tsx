// A pipeline's deploy actions, each linking to what it deployed: the
// CodeDeploy deployment its latest run started, else the target's page.
import { useMemo } from 'react';
import { useDashboardData } from '../../api/dashboard';
import { deployActions, snapshotDeployTargets, targetLabel, type DeployAction } from '../../../../shared/deploy-trace';
import type { SnapshotResource } from '../../../../shared/snapshot';
import { codeDeployDeploymentHref, deployTargetHref } from '../../routes';
import '../deployments/deployments.css';

function hrefOf(action: DeployAction): string | undefined {
  if (action.target.kind === 'codedeploy' && action.externalExecutionId !== undefined)
    return codeDeployDeploymentHref(action.externalExecutionId);
  return action.resourceId !== undefined ? deployTargetHref(action.resourceId) : undefined;
}

export function DeployActionLinks({ pipeline }: { pipeline: SnapshotResource<'pipeline'> }): React.JSX.Element | null {
  // The snapshot is the page's own query: this reads the cached copy.
  const { snapshot } = useDashboardData();
  const actions = useMemo(
    () => (snapshot.data ? deployActions([pipeline], snapshotDeployTargets(snapshot.data.resources)) : []),
    [pipeline, snapshot.data],
  );
  if (actions.length === 0) return null;
  const name = pipeline.data.summary.name;
  return (
    <ul className="deploy-action-links small" aria-label={`Deploy actions of ${name}`}>
      {actions.map((action) => {
        const href = hrefOf(action);
        const target = targetLabel(action.target);
        const deployment =
          href !== undefined && action.target.kind === 'codedeploy' ? action.externalExecutionId : undefined;
        return (
          <li key={`${action.stage}/${action.action}`}>
            <span className="muted">
              {action.stage} / {action.action} →{' '}
            </span>
            {href !== undefined ? (
              <a href={href}>
                {target}
                {deployment !== undefined && (
                  <>
                    {' · deployment '}
                    <code>{deployment}</code>
                  </>
                )}
              </a>
            ) : (
              <span>{target}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
