// The pipeline's recent executions (newest first): id, outcome, what
// triggered it, which revisions it carried, when it started and how long it
// took. Choosing one opens its action runs below (?execution=<id>).
import { enumLabel, type PipelineExecution } from '../../../../shared/pipelines';
import { executionRunStatus } from '../../../../shared/project-health';
import { pipelineHref } from '../../route-paths';
import { durationText } from '../../time';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { TimeAgo } from '../dashboard/TimeAgo';
import { executionDurationMs, shortId, statusWord } from './pipeline-detail';

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';

const triggerWords: Record<string, string> = {
  StartPipelineExecution: 'Started by hand',
  Webhook: 'Webhook',
  WebhookV2: 'Webhook',
  CloudWatchEvent: 'EventBridge rule',
  PollForSourceChanges: 'Source change',
  PutActionRevision: 'New revision',
  CreatePipeline: 'Pipeline created',
  AutomatedRollback: 'Automatic rollback',
  ManualRollback: 'Rollback',
};

export function triggerText(trigger: PipelineExecution['trigger']): string {
  const type = trigger?.type;
  if (type === undefined) return 'Unknown';
  return typeof type === 'string' ? (triggerWords[type] ?? type) : enumLabel(type);
}

export function ExecutionHistory({
  pipelineId,
  executions,
  selected,
  now,
}: {
  pipelineId: string;
  executions: PipelineExecution[] | undefined;
  selected: string | undefined;
  now: number;
}): React.JSX.Element {
  if (executions === undefined) return <p className="muted">The executions appear after the next refresh.</p>;
  if (executions.length === 0) return <p className="muted">This pipeline has not run yet.</p>;
  return (
    <div className="pipeline-table-wrap">
      <table className="pipeline-table" aria-label="Execution history">
        <thead>
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Status</th>
            <th scope="col">Trigger</th>
            <th scope="col">Source revisions</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {executions.map((execution) => {
            const id = execution.pipelineExecutionId;
            const duration = executionDurationMs(execution, now);
            const current = id === selected;
            return (
              <tr
                key={id}
                className={current ? 'pipeline-row-selected' : undefined}
                data-testid={`execution-${id}`}
                aria-current={current ? 'true' : undefined}
              >
                <td>
                  <a href={pipelineHref(pipelineId, id)} aria-label={`Execution ${shortId(id)}: show its action runs`}>
                    <code>{shortId(id)}</code>
                  </a>
                </td>
                <td>
                  <RunStatusBadge status={executionRunStatus(execution.status)} label={statusWord(execution.status)} />
                  {execution.stopReason !== undefined && <span className="muted small"> · {execution.stopReason}</span>}
                </td>
                <td className="small">{triggerText(execution.trigger)}</td>
                <td className="small">
                  {execution.sourceRevisions.length === 0 && <span className="muted">None read</span>}
                  {execution.sourceRevisions.map((revision) => (
                    <span key={revision.actionName} className="pipeline-revision">
                      {revision.revisionId !== undefined && <code>{shortId(revision.revisionId)}</code>}{' '}
                      <span className="pipeline-revision-message">{firstLine(revision.commitMessage ?? '')}</span>
                    </span>
                  ))}
                </td>
                <td className="small">{execution.startTime ? <TimeAgo iso={execution.startTime} now={now} /> : '—'}</td>
                <td className="small">{duration === undefined ? '—' : durationText(duration)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
