// A CodeBuild build's log in the shared log viewer: read from the hub as
// lines, streaming while the build runs (the hub follows it and says when
// lines arrive; the viewer follows the tail), with links to lines (?line=N).
import { useCallback, useMemo } from 'react';
import type { Build } from '../../../../shared/builds';
import type { GitHubJobLog } from '../../../../shared/github-accounts';
import { useBuildLog } from '../../api/builds';
import { ContractFailure } from '../../api/contract-error';
import { buildHref } from '../../route-paths';
import { ExternalLink } from '../project/ExternalLink';
import { LogViewer } from '../logs/LogViewer';
import { buildLabel } from './BuildActionDialog';
import { logText } from './build-log-data';

function problemText(code: string, message: string, permission?: string): string {
  if (code === 'access-denied') {
    return `Your AWS identity may not read this log: it lacks ${permission ?? 'logs:GetLogEvents'}.`;
  }
  if (code === 'throttled') return 'CloudWatch Logs is slowing Starboard down; the log goes on in a moment.';
  if (code === 'offline') return 'AWS cannot be reached right now; the lines read so far are shown.';
  return message;
}

export function BuildLogPanel({
  resourceId,
  build,
  line,
}: {
  resourceId: string;
  build: Build;
  line?: number;
}): React.JSX.Element {
  const log = useBuildLog(build.arn);
  const data = log.data;
  const text = useMemo(() => (data ? logText(data.lines) : ''), [data]);
  const viewed = useMemo(
    (): GitHubJobLog => ({ jobId: 0, text, truncatedBytes: 0, fetchedAt: new Date().toISOString() }),
    [text],
  );
  const lineHref = useCallback((n: number) => buildHref(resourceId, n), [resourceId]);
  const live = !build.complete || (data !== undefined && data.state !== 'ended' && data.state !== 'no-log-yet');
  const failure = log.error instanceof ContractFailure ? log.error.detail : undefined;

  return (
    <section className="tile build-log" aria-labelledby="build-log-title">
      <header className="build-log-head">
        <h2 id="build-log-title" className="tile-title">
          Log
        </h2>
        <span className="small muted">
          {data && data.state === 'open' && !build.complete && 'Streaming while the build runs'}
          {build.log && (
            <>
              {' '}
              <ExternalLink href={build.log.consoleUrl} label="Open the log in CloudWatch">
                Open in CloudWatch
              </ExternalLink>
            </>
          )}
        </span>
      </header>
      {log.error && (
        <div className="notice notice-error" role="alert">
          <p>
            {failure
              ? problemText(failure.code, failure.message, failure.missingPermission)
              : `The log could not be read: ${log.error.message}`}
          </p>
          <button type="button" className="button button-small" onClick={() => void log.refetch()}>
            Try again
          </button>
        </div>
      )}
      {!data && !log.error && <p className="muted">Reading the log…</p>}
      {data?.problem && (
        <p className="notice notice-warning small" role="note">
          {problemText(data.problem.code, data.problem.message, data.problem.missingPermission)}
        </p>
      )}
      {data && data.droppedLines > 0 && (
        <p className="notice notice-info small" role="note">
          The first {data.droppedLines.toLocaleString()} lines are not kept; this is the end of the log (line numbers
          count from the first line kept).
        </p>
      )}
      {data && data.lines.length === 0 && data.state === 'no-log-yet' ? (
        <p className="muted">
          {build.complete
            ? 'This build wrote no log.'
            : 'CodeBuild has not written any log yet; it shows here as it starts.'}
        </p>
      ) : (
        data && (
          <LogViewer
            log={viewed}
            label={`Log of build ${buildLabel(build)}`}
            live={live}
            onRefresh={() => void log.refetch()}
            refreshing={log.isFetching}
            lineHref={lineHref}
            {...(line === undefined ? {} : { initialLine: line })}
          />
        )
      )}
    </section>
  );
}
