import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GitHubWorkflowRun } from '../../../shared/github';
import { githubRepositoryId } from '../../../shared/snapshot';
import { useClient } from '../api/client';
import { inProgressRefetchMs, runInProgress, runJobsOptions, type RunJobsTarget } from '../api/github-jobs';
import { projectsOptions, snapshotOptions } from '../api/queries';
import { useNow } from '../components/dashboard/use-now';
import { GitHubReadError } from '../components/logs/GitHubReadError';
import { JobTimeline } from '../components/project/JobTimeline';
import { GitHubBreadcrumb, RunDetailHeader } from '../components/project/RunDetailHeader';
import { TimeAgo } from '../components/dashboard/TimeAgo';

/** One workflow run (#/github/<account>/<owner>/<repo>/runs/<id>): its header and its jobs with their steps. */
export function RunPage({ target }: { target: RunJobsTarget }): React.JSX.Element {
  const client = useClient();
  const now = useNow(1_000);
  const run = useSnapshotRun(target);
  const project = useRepositoryProject(target.repository);
  const jobs = useQuery({
    ...runJobsOptions(client, target),
    refetchInterval: (query) => (runInProgress(run, query.state.data?.jobs) ? inProgressRefetchMs : false),
  });
  // The job links point at the run's page on GitHub; without the run in the snapshot, they still lead there.
  const runUrl = run?.htmlUrl ?? jobs.data?.jobs[0]?.htmlUrl.replace(/\/job\/\d+$/, '');
  const title = run ? `${run.name} #${run.runNumber}` : `Run ${target.runId}`;

  return (
    <section aria-labelledby="run-title" className="run-page">
      <GitHubBreadcrumb project={project} trail={[{ label: target.repository }, { label: title }]} />
      <RunDetailHeader run={run} target={target} runUrl={runUrl} now={now} />
      <section className="tile run-jobs" aria-labelledby="jobs-title">
        <h2 id="jobs-title" className="tile-title run-jobs-title">
          Jobs
          {jobs.data && (
            <span className="muted small run-jobs-fetched">
              {runInProgress(run, jobs.data.jobs) ? 'updating every 5 s · ' : ''}as of{' '}
              <TimeAgo iso={jobs.data.fetchedAt} now={now} />
            </span>
          )}
        </h2>
        {jobs.error ? (
          <GitHubReadError
            error={jobs.error}
            repository={target.repository}
            what="jobs"
            onRetry={() => void jobs.refetch()}
            retrying={jobs.isFetching}
          />
        ) : jobs.data ? (
          <JobTimeline jobs={jobs.data.jobs} target={target} now={now} />
        ) : (
          <p className="muted">Loading the jobs…</p>
        )}
      </section>
    </section>
  );
}

/** The run as the latest snapshot holds it (recent runs, or runs waiting for review). */
export function useSnapshotRun(target: RunJobsTarget): GitHubWorkflowRun | undefined {
  const client = useClient();
  const snapshot = useQuery(snapshotOptions(client));
  return useMemo(() => {
    const resource = snapshot.data?.resources[githubRepositoryId(target.accountKey, target.repository)];
    if (resource?.kind !== 'github-repository') return undefined;
    const read = resource.data;
    return (
      read.runs.find((r) => r.id === target.runId) ?? read.waiting.map((w) => w.run).find((r) => r.id === target.runId)
    );
  }, [snapshot.data, target.accountKey, target.repository, target.runId]);
}

/** The first project that holds the repository, for the breadcrumb. */
export function useRepositoryProject(repository: string): { id: string; name: string } | undefined {
  const client = useClient();
  const projects = useQuery(projectsOptions(client));
  return useMemo(() => {
    const name = repository.toLowerCase();
    const project = projects.data?.projects.find((p) => p.members.some((m) => m.ref.toLowerCase() === name));
    return project && { id: project.id, name: project.name };
  }, [projects.data, repository]);
}
