import type { CodeDeployDeployment, CodeDeployGroupDeploymentRef } from '../../../../shared/deployments';
import { codeDeployHealth, codeDeployRevisionText } from '../../../../shared/environments';
import { enumLabel } from '../../../../shared/pipelines';
import { codeDeployDeploymentHref } from '../../routes';
import { durationText, elapsed } from '../../time';
import { TimeAgo } from '../dashboard/TimeAgo';
import { Maybe, TargetHeader, type TargetViewProps } from './TargetHeader';
import { StatusText } from './StatusText';
import './deploy-target.css';

/** A CodeDeploy deployment group: its settings, and its recent deployments with a way into each. */
export function CodeDeployGroupView({
  resource,
  cell,
  now,
  underTitle,
}: TargetViewProps<'codedeploy-group'>): React.JSX.Element {
  const { location, group, deployments, deploymentsReadAt } = resource.data;
  const target = group.targetRevision ? codeDeployRevisionText(group.targetRevision) : undefined;
  // Only deployments the snapshot keeps have a page; an older one is named without a link.
  const known = new Set(deployments.map((d) => d.id));
  return (
    <>
      <TargetHeader
        cell={cell}
        location={location}
        context={group.application}
        underTitle={underTitle}
        copy={{ label: 'Copy group ARN', value: group.arn }}
        facts={[
          { label: 'Compute platform', value: enumLabel(group.computePlatform) },
          { label: 'Deployment config', value: <Maybe value={group.deploymentConfigName} /> },
          {
            label: 'Target revision',
            value: target ? <code title={target.full}>{target.text}</code> : <Maybe value={undefined} />,
          },
          {
            label: 'Last attempted',
            value: <DeploymentRef deployment={group.lastAttempted} known={known} now={now} />,
          },
          {
            label: 'Last successful',
            value: <DeploymentRef deployment={group.lastSuccessful} known={known} now={now} />,
          },
        ]}
      />
      <section className="tile" aria-labelledby="history-title">
        <h2 id="history-title" className="tile-title">
          Recent deployments
        </h2>
        {deploymentsReadAt === undefined ? (
          <p className="muted">
            Starboard has not listed this group&apos;s deployments yet; they appear after the next refresh.
          </p>
        ) : deployments.length === 0 ? (
          <p className="muted">This group has no recent deployments.</p>
        ) : (
          <div className="target-table-scroll">
            <table className="target-table" aria-label={`Deployments of ${group.name}`}>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col">Deployment</th>
                  <th scope="col">Revision</th>
                  <th scope="col">Started by</th>
                  <th scope="col">Created</th>
                  <th scope="col">Took</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst(deployments).map((deployment) => (
                  <HistoryRow key={deployment.id} deployment={deployment} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The snapshot keeps them newest first; sorting again keeps the page right if a source ever does not. */
function newestFirst(deployments: readonly CodeDeployDeployment[]): CodeDeployDeployment[] {
  return [...deployments].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function HistoryRow({ deployment, now }: { deployment: CodeDeployDeployment; now: number }): React.JSX.Element {
  const revision = deployment.revision ? codeDeployRevisionText(deployment.revision) : undefined;
  const took = elapsed(deployment.startedAt ?? deployment.createdAt, deployment.completedAt, now);
  return (
    <tr>
      <td>
        <StatusText health={codeDeployHealth(deployment.status)} text={enumLabel(deployment.status)} />
      </td>
      <td>
        <a href={codeDeployDeploymentHref(deployment.id)}>
          <code>{deployment.id}</code>
        </a>
      </td>
      <td>{revision ? <code title={revision.full}>{revision.text}</code> : <Maybe value={undefined} />}</td>
      <td>
        <Maybe value={deployment.creator} />
      </td>
      <td className="target-nowrap">
        <TimeAgo iso={deployment.createdAt} now={now} />
      </td>
      <td className="target-nowrap">
        {took === undefined ? (
          <span className="muted">not started</span>
        ) : deployment.completedAt === undefined ? (
          <span>running for {durationText(took)}</span>
        ) : (
          durationText(took)
        )}
      </td>
    </tr>
  );
}

function DeploymentRef({
  deployment,
  known,
  now,
}: {
  deployment: CodeDeployGroupDeploymentRef | undefined;
  known: ReadonlySet<string>;
  now: number;
}): React.JSX.Element {
  if (!deployment) return <span className="muted">none</span>;
  const when = deployment.endTime ?? deployment.createTime;
  const id = <code>{deployment.deploymentId}</code>;
  return (
    <span className="target-ref">
      {known.has(deployment.deploymentId) ? <a href={codeDeployDeploymentHref(deployment.deploymentId)}>{id}</a> : id}{' '}
      <span className="muted">
        {enumLabel(deployment.status)}
        {when !== undefined && (
          <>
            {', '}
            <TimeAgo iso={when} now={now} />
          </>
        )}
      </span>
    </span>
  );
}
