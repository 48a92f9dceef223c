import { useMemo } from 'react';
import { useDashboardData } from '../api/dashboard';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { useNow } from '../components/dashboard/use-now';
import { BeanstalkTargetView } from '../components/deployments/BeanstalkTargetView';
import { CodeDeployGroupView } from '../components/deployments/CodeDeployGroupView';
import { DeploymentsBreadcrumb } from '../components/deployments/DeploymentsBreadcrumb';
import { EcsTargetView } from '../components/deployments/EcsTargetView';
import { PipelineTrace } from '../components/deployments/PipelineTrace';
import { StackTargetView } from '../components/deployments/StackTargetView';
import { QueryError } from '../components/QueryError';
import { environmentMatrix, type EnvironmentCell } from '../../../shared/environments';
import { projectHolding, type ProjectResources } from '../../../shared/project-resources';
import type { AnyResource } from '../../../shared/snapshot';
import { resourceStaleness } from '../../../shared/staleness';
import '../components/deployments/deployments.css';
import '../components/deployments/deploy-target.css';

type TargetResource = Extract<
  AnyResource,
  { kind: 'codedeploy-group' | 'beanstalk-environment' | 'cloudformation-stack' | 'ecs-service' }
>;

function isDeployTarget(resource: AnyResource | undefined): resource is TargetResource {
  return (
    resource?.kind === 'codedeploy-group' ||
    resource?.kind === 'beanstalk-environment' ||
    resource?.kind === 'cloudformation-stack' ||
    resource?.kind === 'ecs-service'
  );
}

/**
 * The target's cell as the Deployments matrix computes it (health, its words,
 * the console link), so the page and the matrix can never disagree.
 */
function cellOf(resource: TargetResource): EnvironmentCell | undefined {
  const none: Omit<ProjectResources, 'pipelines' | 'builds' | 'repositories'> = {
    codedeployGroups: [],
    beanstalkEnvironments: [],
    cloudformationStacks: [],
    ecsServices: [],
    githubRepositories: [],
  };
  const one = (() => {
    switch (resource.kind) {
      case 'codedeploy-group':
        return { ...none, codedeployGroups: [resource] };
      case 'beanstalk-environment':
        return { ...none, beanstalkEnvironments: [resource] };
      case 'cloudformation-stack':
        return { ...none, cloudformationStacks: [resource] };
      case 'ecs-service':
        return { ...none, ecsServices: [resource] };
    }
  })();
  return environmentMatrix(one).rows[0]?.cells[0];
}

/** #/deployments/targets/<resource id>: one deploy target — a Beanstalk environment, a stack, an ECS service or a CodeDeploy group. */
export function DeployTargetPage({ resourceId }: { resourceId: string }): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const resource = snapshot.data?.resources[resourceId];
  const target = isDeployTarget(resource) ? resource : undefined;
  const cell = useMemo(() => (target ? cellOf(target) : undefined), [target]);
  const projectId = useMemo(
    () => (target && projects.data ? projectHolding(target, projects.data.projects) : undefined),
    [target, projects.data],
  );
  return (
    <section aria-labelledby={target && cell ? 'target-title' : 'target-missing-title'} className="deployments-page">
      <DeploymentsBreadcrumb />
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!snapshot.data && !snapshot.error && <p className="muted">Loading…</p>}
      {snapshot.data && (!target || !cell) && <NotInSnapshot resourceId={resourceId} />}
      {snapshot.data && target && cell && (
        <article className="codedeploy-detail target-detail" aria-labelledby="target-title">
          <TargetView
            resource={target}
            cell={cell}
            now={now}
            underTitle={
              <>
                <FreshnessNote staleness={resourceStaleness(target, snapshot.data, refresh.data, now)} now={now} />
                <PipelineTrace
                  resourceId={target.id}
                  resources={snapshot.data.resources}
                  {...(projectId !== undefined ? { projectId } : {})}
                  now={now}
                />
              </>
            }
          />
        </article>
      )}
    </section>
  );
}

function TargetView(props: {
  resource: TargetResource;
  cell: EnvironmentCell;
  now: number;
  underTitle: React.ReactNode;
}): React.JSX.Element {
  const { resource, ...rest } = props;
  switch (resource.kind) {
    case 'beanstalk-environment':
      return <BeanstalkTargetView resource={resource} {...rest} />;
    case 'cloudformation-stack':
      return <StackTargetView resource={resource} {...rest} />;
    case 'ecs-service':
      return <EcsTargetView resource={resource} {...rest} />;
    case 'codedeploy-group':
      return <CodeDeployGroupView resource={resource} {...rest} />;
  }
}

function NotInSnapshot({ resourceId }: { resourceId: string }): React.JSX.Element {
  return (
    <div className="target-missing">
      <h1 id="target-missing-title">Not in the snapshot</h1>
      <p className="muted">
        Starboard does not watch a deploy target <code>{resourceId}</code>. It may have been deleted, or its account or
        region may no longer be watched.
      </p>
      <p>
        <a href="#/deployments">Back to Deployments</a>
      </p>
    </div>
  );
}
