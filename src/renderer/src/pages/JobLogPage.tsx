import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useClient } from '../api/client';
import { inProgressRefetchMs, jobLogOptions, runInProgress, runJobsOptions } from '../api/github-jobs';
import { TimeAgo } from '../components/dashboard/TimeAgo';
import { RunStatusBadge } from '../components/dashboard/RunStatus';
import { useNow } from '../components/dashboard/use-now';
import { GitHubReadError } from '../components/logs/GitHubReadError';
import { LogViewer } from '../components/logs/LogViewer';
import { ExternalLink } from '../components/project/ExternalLink';
import { GitHubBreadcrumb } from '../components/project/RunDetailHeader';
import { githubRunLabel, githubRunStatus } from '../../../shared/github-health';
import { jobLogHref, runHref, type GitHubRepositoryTarget } from '../routes';
import { useRepositoryProject, useSnapshotRun } from './RunPage';

/**
 * One job's log (#/github/<account>/<owner>/<repo>/jobs/<id>/log). With the
 * run's id (`?run=`) the page knows the job's name and status, and re-reads
 * the log every 5 s while the job runs.
 */
export function JobLogPage({
  target,
}: {
  target: GitHubRepositoryTarget & { jobId: number; line?: number; runId?: number };
}): React.JSX.Element {
  const client = useClient();
  const now = useNow();
  const { accountKey, repository, jobId, runId } = target;
  const project = useRepositoryProject(repository);
  const run = useSnapshotRun({ accountKey, repository, runId: runId ?? 0 });
  const jobs = useQuery({
    ...runJobsOptions(client, { accountKey, repository, runId: runId ?? 0 }),
    enabled: runId !== undefined,
    refetchInterval: (query) => (runInProgress(run, query.state.data?.jobs) ? inProgressRefetchMs : false),
  });
  const job = jobs.data?.jobs.find((j) => j.id === jobId);
  const live = job !== undefined && job.status !== 'completed' && job.status !== 'unknown';
  const log = useQuery({
    ...jobLogOptions(client, { accountKey, repository, jobId }),
    refetchInterval: live ? inProgressRefetchMs : false,
  });
  const lineHref = useCallback(
    (line: number) => jobLogHref({ accountKey, repository, jobId, line, ...(runId === undefined ? {} : { runId }) }),
    [accountKey, repository, jobId, runId],
  );
  const jobName = job?.name ?? `Job ${jobId}`;
  const trail = [
    { label: repository },
    ...(runId === undefined
      ? []
      : [
          {
            label: run ? `${run.name} #${run.runNumber}` : `Run ${runId}`,
            href: runHref({ accountKey, repository, runId }),
          },
        ]),
    { label: jobName },
  ];

  return (
    <section aria-labelledby="log-title" className="job-log-page">
      <GitHubBreadcrumb project={project} trail={trail} />
      <header className="page-header job-log-header">
        <div className="run-title-row">
          {job && <RunStatusBadge status={githubRunStatus(job)} label={githubRunLabel(job)} />}
          <h1 id="log-title">{jobName}</h1>
          {job && (
            <ExternalLink href={job.htmlUrl} className="button button-small run-github" label="Open the job on GitHub">
              Open on GitHub
            </ExternalLink>
          )}
        </div>
        {log.data && (
          <p className="muted small">
            Log read <TimeAgo iso={log.data.fetchedAt} now={now} />
            {live && ' · the job is running: re-read every 5 s'}
          </p>
        )}
      </header>
      {log.error ? (
        <GitHubReadError
          error={log.error}
          repository={repository}
          what="log"
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      ) : log.data ? (
        <LogViewer
          log={log.data}
          label={`Log of ${jobName}`}
          live={live}
          onRefresh={() => void log.refetch()}
          refreshing={log.isFetching}
          lineHref={lineHref}
          {...(target.line === undefined ? {} : { initialLine: target.line })}
        />
      ) : (
        <p className="muted">Downloading the log…</p>
      )}
    </section>
  );
}
