import {
  cellsIn,
  deployTargetKindLabels,
  type EnvironmentCell,
  type EnvironmentMatrix as Matrix,
  stackRootFailure,
} from '../../../../shared/environments';
import { enumLabel } from '../../../../shared/pipelines';
import type { AnyResource, SnapshotResource } from '../../../../shared/snapshot';
import { codeDeployDeploymentHref, deployTargetHref } from '../../routes';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from '../project/ExternalLink';
import { CommitText, DeployedByText } from './DeployedBy';
import { HealthBadge, InProgressNote } from './HealthBadge';
import './deployments.css';

/** Services × environment stages: what is live in each, since when, and how healthy. */
export function EnvironmentMatrix({
  matrix,
  label,
  resources,
  now,
  projectId,
}: {
  matrix: Matrix;
  label: string;
  /** The project the matrix belongs to: a pipeline that deployed links to its page. */
  projectId?: string;
  /** The snapshot's resources by id, for each cell's details. */
  resources: Record<string, AnyResource>;
  now: number;
}): React.JSX.Element {
  return (
    <div className="deploy-matrix-scroll">
      <table className="deploy-matrix" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="deploy-matrix-corner">
              Service
            </th>
            {matrix.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {/* A grid inside the cell: a table cell that is itself a grid loses its row's height and border. */}
                <div className="deploy-service">
                  <span className="deploy-kind">{deployTargetKindLabels[row.kind]}</span>
                  <span className="deploy-service-name">{row.name}</span>
                </div>
              </th>
              {matrix.columns.map((column) => {
                const cells = cellsIn(row, column);
                return (
                  <td key={column.key}>
                    {cells.length === 0 ? (
                      <span className="deploy-none">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">Not deployed here</span>
                      </span>
                    ) : (
                      cells.map((cell) => (
                        <Cell
                          key={`${cell.resourceId}|${cell.name}`}
                          cell={cell}
                          resource={resources[cell.resourceId]}
                          now={now}
                          {...(projectId !== undefined ? { projectId } : {})}
                        />
                      ))
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({
  cell,
  resource,
  now,
  projectId,
}: {
  cell: EnvironmentCell;
  resource: AnyResource | undefined;
  now: number;
  projectId?: string;
}): React.JSX.Element {
  const showBadge = !(cell.health === 'in-progress' && cell.inProgress);
  return (
    <div className="deploy-cell" data-testid={`deploy-cell-${cell.kind}-${cell.name}`}>
      <div className="deploy-cell-head">
        <TargetName cell={cell} />
      </div>
      <div className="deploy-live">
        {cell.live ? (
          <code className="deploy-revision" title={cell.live.full}>
            {cell.live.text}
          </code>
        ) : (
          <span className="muted">{cell.kind === 'cloudformation' ? 'Stack' : 'Nothing live yet'}</span>
        )}
        {cell.deployedAt !== undefined && (
          <span className="muted">
            <TimeAgo iso={cell.deployedAt} now={now} />
          </span>
        )}
      </div>
      {(cell.commit || cell.deployedBy) && (
        <div className="deploy-trace small">
          {cell.commit && <CommitText commit={cell.commit} {...(cell.live ? { shownSha: cell.live.text } : {})} />}
          {cell.deployedBy && (
            <DeployedByText by={cell.deployedBy} {...(projectId !== undefined ? { projectId } : {})} />
          )}
        </div>
      )}
      <div className="deploy-cell-status">
        {showBadge && <HealthBadge health={cell.health} text={cell.healthText} />}
        {cell.inProgress && (
          <InProgressNote status={cell.inProgress.status}>
            {cell.inProgress.revision && (
              <>
                {' '}
                <code className="deploy-revision">{cell.inProgress.revision.text}</code>
              </>
            )}
          </InProgressNote>
        )}
        {cell.waitingForReview && (
          <a className="count count-waiting small" href="#/approvals">
            <Icon name="pause" />
            Waiting for review
          </a>
        )}
      </div>
      {resource && <CellDetail resource={resource} now={now} />}
    </div>
  );
}

/**
 * An AWS target's name opens its page in Starboard, the icon beside it the
 * console; a GitHub environment (no page of its own here) opens on GitHub.
 */
function TargetName({ cell }: { cell: EnvironmentCell }): React.JSX.Element {
  if (cell.kind === 'github')
    return cell.url !== undefined ? (
      <ExternalLink href={cell.url} className="deploy-target" label={`${cell.name} on GitHub`}>
        {cell.name}
      </ExternalLink>
    ) : (
      <span className="deploy-target">{cell.name}</span>
    );
  return (
    <>
      <a href={deployTargetHref(cell.resourceId)} className="deploy-target">
        {cell.name}
      </a>
      {cell.url !== undefined && (
        <ExternalLink href={cell.url} className="deploy-console" label={`${cell.name} in the AWS console`}>
          {null}
        </ExternalLink>
      )}
    </>
  );
}

/** What each kind can add: the latest CodeDeploy deployment, Beanstalk's causes and events, a stack's failures. */
function CellDetail({ resource, now }: { resource: AnyResource; now: number }): React.JSX.Element | null {
  switch (resource.kind) {
    case 'codedeploy-group':
      return <CodeDeployLink resource={resource} />;
    case 'beanstalk-environment':
      return <BeanstalkDetail resource={resource} now={now} />;
    case 'cloudformation-stack': {
      const { stack } = resource.data;
      const reason = stackRootFailure(stack)?.reason ?? stack.reason;
      return reason !== undefined && reason !== '' ? <p className="deploy-reason small">{reason}</p> : null;
    }
    case 'ecs-service': {
      const reason = resource.data.service.rollout?.reason;
      return reason !== undefined && reason !== '' ? <p className="deploy-reason small">{reason}</p> : null;
    }
    default:
      return null;
  }
}

function CodeDeployLink({ resource }: { resource: SnapshotResource<'codedeploy-group'> }): React.JSX.Element | null {
  const latest = resource.data.deployments[0];
  if (!latest) return null;
  return (
    <a className="deploy-detail-link small" href={codeDeployDeploymentHref(latest.id)}>
      Deployment <code>{latest.id}</code> · {enumLabel(latest.status)}
      <Icon name="back" className="deploy-chevron" />
    </a>
  );
}

function BeanstalkDetail({
  resource,
  now,
}: {
  resource: SnapshotResource<'beanstalk-environment'>;
  now: number;
}): React.JSX.Element | null {
  const { environment, events } = resource.data;
  const causes = environment.causes;
  if (causes.length === 0 && events.length === 0) return null;
  return (
    <>
      {causes[0] !== undefined && <p className="deploy-reason small">{causes[0]}</p>}
      <details className="deploy-details small">
        <summary>
          {causes.length > 0 && `${causes.length} ${causes.length === 1 ? 'cause' : 'causes'}`}
          {causes.length > 0 && events.length > 0 && ' · '}
          {events.length > 0 && `${events.length} recent ${events.length === 1 ? 'event' : 'events'}`}
        </summary>
        {causes.length > 0 && (
          <ul className="deploy-causes" aria-label={`Causes of ${environment.name}'s health`}>
            {causes.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
        )}
        {events.length > 0 && (
          <ol className="deploy-events" aria-label={`Recent events of ${environment.name}`}>
            {events.slice(0, 10).map((event, i) => (
              <li key={`${event.at}|${i}`} className={`deploy-event deploy-event-${severityClass(event.severity)}`}>
                <span className="deploy-event-head">
                  <span className="deploy-event-severity">{enumLabel(event.severity)}</span>
                  <TimeAgo iso={event.at} now={now} />
                </span>
                <span className="deploy-event-message">{event.message}</span>
              </li>
            ))}
          </ol>
        )}
      </details>
    </>
  );
}

function severityClass(
  severity: SnapshotResource<'beanstalk-environment'>['data']['events'][number]['severity'],
): string {
  if (severity === 'ERROR' || severity === 'FATAL') return 'error';
  if (severity === 'WARN') return 'warn';
  return 'info';
}
