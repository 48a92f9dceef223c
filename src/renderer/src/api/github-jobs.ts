// A workflow run's jobs and a job's log, read on demand (the hub does not
// keep them in the snapshot). While something still runs they are read
// again every few seconds; TanStack Query pauses that while the window is hidden.
import { queryOptions } from '@tanstack/react-query';
import type { StarboardClient } from '../../../shared/client';
import type { QueryInput } from '../../../shared/contract';
import type { GitHubJob, GitHubWorkflowRun } from '../../../shared/github';
import { unwrap } from './contract-error';

export type RunJobsTarget = QueryInput<'github.runs.jobs'>;
export type JobLogTarget = QueryInput<'github.jobs.log'>;

/** How often a run or log in progress is read again. */
export const inProgressRefetchMs = 5_000;

/** True while the run or any of its jobs has not completed. */
export function runInProgress(
  run: Pick<GitHubWorkflowRun, 'status'> | undefined,
  jobs: GitHubJob[] | undefined,
): boolean {
  if (run !== undefined && run.status !== 'completed' && run.status !== 'unknown') return true;
  return jobs?.some((job) => job.status !== 'completed' && job.status !== 'unknown') ?? false;
}

export const runJobsOptions = (client: StarboardClient, target: RunJobsTarget) =>
  queryOptions({
    queryKey: ['github.runs.jobs', target] as const,
    queryFn: () => unwrap(client.query('github.runs.jobs', target)),
    staleTime: 10_000,
  });

export const jobLogOptions = (client: StarboardClient, target: JobLogTarget) =>
  queryOptions({
    queryKey: ['github.jobs.log', target] as const,
    queryFn: () => unwrap(client.query('github.jobs.log', target)),
    // A finished job's log does not change; the viewer's Refresh reads it again on demand.
    staleTime: Infinity,
  });
