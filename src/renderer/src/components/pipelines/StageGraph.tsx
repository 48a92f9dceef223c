// The pipeline's stages left to right, each with its actions as cards: what
// ran, how it ended, when, what it said and where to look further. A failed
// or stopped stage offers "Retry stage…"; a disabled transition is shown.
import type { ActionDetail, ActionStatus, Known } from '../../../../shared/pipelines';
import { enumLabel } from '../../../../shared/pipelines';
import { type RunStatus, stageRunStatus } from '../../../../shared/project-health';
import type { Snapshot, SnapshotResource } from '../../../../shared/snapshot';
import { Icon } from '../dashboard/Icon';
import { ExternalLink } from '../project/ExternalLink';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { stageStatusText } from '../dashboard/StageStrip';
import { TimeAgo } from '../dashboard/TimeAgo';
import { RetryStageButton } from './PipelineCommands';
import { actionLink, retryableExecution, shortId, statusWord } from './pipeline-detail';

export function actionRunStatus(status: Known<ActionStatus> | undefined): RunStatus {
  switch (status) {
    case undefined:
      return 'not-run';
    case 'InProgress':
      return 'running';
    case 'Failed':
      return 'failed';
    case 'Succeeded':
      return 'succeeded';
    case 'Abandoned':
      return 'stopped';
    default:
      return 'unknown';
  }
}

const categoryLabel = (action: ActionDetail): string =>
  [enumLabel(action.category), action.provider].filter((part) => part !== undefined && part !== 'unknown').join(' · ');

function ActionCard({
  action,
  resource,
  snapshot,
  now,
}: {
  action: ActionDetail;
  resource: SnapshotResource<'pipeline'>;
  snapshot: Snapshot;
  now: number;
}): React.JSX.Element {
  const status = actionRunStatus(action.status);
  const link = actionLink(action, resource.data.summary.location, snapshot);
  return (
    <li className={`pipeline-action run-${status}`} data-testid={`action-${action.name}`}>
      <div className="pipeline-action-head">
        <span className="pipeline-action-category muted small">{categoryLabel(action) || 'Action'}</span>
        <RunStatusBadge status={status} label={action.status === undefined ? 'Not run' : statusWord(action.status)} />
      </div>
      <strong className="pipeline-action-name">{action.name}</strong>
      {action.lastStatusChange !== undefined && (
        <span className="muted small">
          <TimeAgo iso={action.lastStatusChange} now={now} />
        </span>
      )}
      {action.currentRevisionId !== undefined && (
        <span className="small">
          Revision <code>{shortId(action.currentRevisionId)}</code>
        </span>
      )}
      {action.summary !== undefined && action.summary !== '' && (
        <p className="pipeline-action-summary small">{action.summary}</p>
      )}
      {action.errorDetails?.message !== undefined && (
        <p className="pipeline-action-error small" role="note">
          {action.errorDetails.code !== undefined && <strong>{action.errorDetails.code}: </strong>}
          {action.errorDetails.message}
        </p>
      )}
      {link &&
        (link.internal ? (
          <a className="small" href={link.href}>
            Open {link.label.toLowerCase()}
          </a>
        ) : (
          <ExternalLink className="small" href={link.href} label={`${action.name} in ${link.label}`}>
            {link.label}
          </ExternalLink>
        ))}
    </li>
  );
}

export function StageGraph({
  resource,
  snapshot,
  now,
}: {
  resource: SnapshotResource<'pipeline'>;
  snapshot: Snapshot;
  now: number;
}): React.JSX.Element {
  const state = resource.data.state;
  const name = resource.data.summary.name;
  if (!state) return <p className="muted">The stages appear after the first refresh of this pipeline.</p>;
  return (
    <ol className="pipeline-graph" aria-label={`Stages of ${name}`}>
      {state.stages.map((stage, index) => {
        const status = stageRunStatus(stage.latestExecution?.status);
        const retryFor = retryableExecution(stage);
        const label = stage.latestExecution ? enumLabel(stage.latestExecution.status) : 'Not run yet';
        const text = stageStatusText({
          name: stage.name,
          status,
          label,
          previousRun: false,
          waitingApproval: false,
          inbound: 0,
        });
        return (
          <li key={stage.name} className={`pipeline-stage run-${status}`} data-testid={`stage-${stage.name}`}>
            {index > 0 && stage.transitionEnabled === false && (
              <p className="pipeline-transition small" role="note">
                <Icon name="warning" /> Transition into {stage.name} disabled
              </p>
            )}
            <div className="pipeline-stage-head">
              <h3 className="pipeline-stage-name">{stage.name}</h3>
              <RunStatusBadge status={status} label={text} />
            </div>
            {stage.latestExecution && (
              <p className="muted small">
                Execution <code>{shortId(stage.latestExecution.pipelineExecutionId)}</code>
                {stage.inboundExecutions.length > 0 && ` · ${stage.inboundExecutions.length} waiting to enter`}
              </p>
            )}
            {retryFor !== undefined && (
              <RetryStageButton
                pipelineId={resource.id}
                name={name}
                stageName={stage.name}
                pipelineExecutionId={retryFor}
              />
            )}
            <ul className="pipeline-actions" aria-label={`Actions of ${stage.name}`}>
              {stage.actions.map((action) => (
                <ActionCard key={action.name} action={action} resource={resource} snapshot={snapshot} now={now} />
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
