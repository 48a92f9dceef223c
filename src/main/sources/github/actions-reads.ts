// Reads of a repository's Actions: workflows, recent runs (all, or those
// waiting for review), one run, a run's jobs with their steps, and a job's
// log text. Lists and runs are conditional; logs are downloaded on demand.
import type { GitHubJob, GitHubWorkflow, GitHubWorkflowRun } from '../../../shared/github';
import { toJob, toRun, toWorkflow } from './actions-mapping';
import { shape, type Fetched, type GitHubClient } from './client';
import { routeParams, type RepoRef } from './repo-ref';
import type { WireJobs, WireRun, WireRuns, WireWorkflows } from './wire';

const workflows = shape('workflows', (page: WireWorkflows) => page.workflows.map(toWorkflow));
const runs = shape('runs', (page: WireRuns) => page.workflow_runs.map(toRun));
const run = shape('run', (body: WireRun) => toRun(body));
const jobs = shape('jobs', (page: WireJobs) => page.jobs.map(toJob));

export async function readWorkflows(client: GitHubClient, ref: RepoRef): Promise<Fetched<GitHubWorkflow[]>> {
  return client.getAll(
    'GET /repos/{owner}/{repo}/actions/workflows',
    { ...routeParams(ref), per_page: 100 },
    workflows,
    { resource: `${ref.fullName} workflows`, maxPages: 3 },
  );
}

export interface RunsQuery {
  /** Runs per page (at most 100). */
  perPage: number;
  /** Pages to read (default 1: the newest runs only). */
  pages?: number;
  /** e.g. 'waiting', 'in_progress', or a conclusion such as 'failure'. */
  status?: string;
  branch?: string;
  /** Only this workflow's runs. */
  workflowId?: number;
}

/** Runs newest first; one page unless `pages` asks for more. */
export async function readRuns(
  client: GitHubClient,
  ref: RepoRef,
  query: RunsQuery,
): Promise<Fetched<GitHubWorkflowRun[]>> {
  const route =
    query.workflowId === undefined
      ? 'GET /repos/{owner}/{repo}/actions/runs'
      : 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
  const params = {
    ...routeParams(ref),
    per_page: Math.min(100, query.perPage),
    ...(query.status ? { status: query.status } : {}),
    ...(query.branch ? { branch: query.branch } : {}),
    ...(query.workflowId === undefined ? {} : { workflow_id: query.workflowId }),
  };
  return client.getAll(route, params, runs, {
    resource: `${ref.fullName} runs`,
    maxPages: query.pages ?? 1,
  });
}

export async function readRun(client: GitHubClient, ref: RepoRef, runId: number): Promise<Fetched<GitHubWorkflowRun>> {
  return client.get(
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
    { ...routeParams(ref), run_id: runId },
    run,
    `${ref.fullName} run ${runId}`,
  );
}

/** The jobs of a run's latest attempt (or of `attempt`), with steps and timings. */
export async function readJobs(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
  attempt?: number,
): Promise<Fetched<GitHubJob[]>> {
  const route =
    attempt === undefined
      ? 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs'
      : 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs';
  const params = {
    ...routeParams(ref),
    run_id: runId,
    per_page: 100,
    ...(attempt === undefined ? {} : { attempt_number: attempt }),
  };
  return client.getAll(route, params, jobs, {
    resource: `${ref.fullName} run ${runId}`,
    maxPages: 5,
  });
}

/** A job's log as text, through the short-lived link GitHub redirects to. */
export function readJobLog(client: GitHubClient, ref: RepoRef, jobId: number): Promise<string> {
  return client.download(
    'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    { ...routeParams(ref), job_id: jobId },
    `${ref.fullName} job ${jobId}`,
  );
}
