// The action runs of one execution (ListActionExecutions), read when the user
// opens the execution: status, times, what each said, its error, its logs.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Snapshot, SnapshotResource } from '../../../../shared/snapshot';
import { useClient } from '../../api/client';
import { actionExecutionsOptions } from '../../api/pipelines';
import { durationText, elapsed } from '../../time';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from '../project/ExternalLink';
import { QueryError } from '../QueryError';
import { actionLink, shortId, statusWord } from './pipeline-detail';
import { actionRunStatus } from './StageGraph';

/** In the order they ran (ListActionExecutions answers newest first). */
const inOrder = <T extends { startTime?: string }>(runs: readonly T[]): T[] =>
  [...runs].sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));

export function ActionRuns({
  resource,
  snapshot,
  executionId,
  now,
}: {
  resource: SnapshotResource<'pipeline'>;
  snapshot: Snapshot;
  executionId: string;
  now: number;
}): React.JSX.Element {
  const client = useClient();
  const runs = useQuery(actionExecutionsOptions(client, resource.id, executionId));
  const section = useRef<HTMLElement>(null);
  // Opened from the history above (or a link): bring the runs into view, the history stays a scroll away.
  useEffect(() => section.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <section
      ref={section}
      className="tile pipeline-section"
      aria-labelledby="action-runs-title"
      data-testid="action-runs"
    >
      <h2 id="action-runs-title" className="tile-title">
        Action runs of execution <code>{shortId(executionId)}</code>
      </h2>
      {runs.error && <QueryError error={runs.error} what="the action runs of this execution" />}
      {runs.isPending && <p className="muted">Loading…</p>}
      {runs.data && runs.data.actions.length === 0 && <p className="muted">No action of this execution has run.</p>}
      {runs.data && runs.data.actions.length > 0 && (
        <div className="pipeline-table-wrap">
          <table className="pipeline-table" aria-label={`Action runs of execution ${shortId(executionId)}`}>
            <thead>
              <tr>
                <th scope="col">Stage / action</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">Summary</th>
                <th scope="col">Links</th>
              </tr>
            </thead>
            <tbody>
              {inOrder(runs.data.actions).map((run) => {
                const status = actionRunStatus(run.status);
                const ms = elapsed(run.startTime, status === 'running' ? undefined : run.lastUpdateTime, now);
                const link = actionLink(
                  { category: run.category, provider: run.provider, ...run.output },
                  resource.data.summary.location,
                  snapshot,
                );
                return (
                  <tr key={run.actionExecutionId} data-testid={`action-run-${run.actionName}`}>
                    <td>
                      <span className="muted small">{run.stageName} / </span>
                      <strong>{run.actionName}</strong>
                      {run.provider !== undefined && <span className="muted small"> · {run.provider}</span>}
                    </td>
                    <td>
                      <RunStatusBadge status={status} label={statusWord(run.status)} />
                    </td>
                    <td className="small">{run.startTime ? <TimeAgo iso={run.startTime} now={now} /> : '—'}</td>
                    <td className="small">{ms === undefined ? '—' : durationText(ms)}</td>
                    <td className="small">
                      {run.output.summary}
                      {run.output.errorDetails?.message !== undefined && (
                        <p className="pipeline-action-error">
                          {run.output.errorDetails.code !== undefined && (
                            <strong>{run.output.errorDetails.code}: </strong>
                          )}
                          {run.output.errorDetails.message}
                        </p>
                      )}
                    </td>
                    <td className="small">
                      <span className="pipeline-links">
                        {link &&
                          (link.internal ? (
                            <a href={link.href}>Open {link.label.toLowerCase()}</a>
                          ) : (
                            <ExternalLink href={link.href}>{link.label}</ExternalLink>
                          ))}
                        {run.logLinks.map((log) => (
                          <ExternalLink key={log.url} href={log.url}>
                            {log.label}
                          </ExternalLink>
                        ))}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {runs.data && (
        <p className="muted small">
          Read <TimeAgo iso={runs.data.fetchedAt} now={now} />
        </p>
      )}
    </section>
  );
}
