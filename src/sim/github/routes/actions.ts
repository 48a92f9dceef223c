// Actions: workflows, runs (repo-wide and per workflow, with filters), a run,
// its jobs, a job, re-run (all or failed jobs) and cancel.
import { GitHubError, notFound, requiresAuthentication } from '../http/errors';
import type { Route, RouteContext } from '../router';
import { latestAttempt, type Repository, type RunAttempt, type Workflow, type WorkflowRun } from '../world/model';
import { cancel, rerun } from '../world/runs';
import { evaluateAttempt } from '../world/timeline';
import { job, workflow, workflowRun, type RunOnWire } from '../wire/actions';
import { intParam, ok, pagedObject, repoOf, runOf } from './common';
import { jobLogRedirect } from './logs';

const runsDocs = 'https://docs.github.com/rest/actions/workflow-runs';

function workflowOf(ctx: RouteContext, repo: Repository): Workflow {
  const key = ctx.params.workflow_id ?? '';
  const found = repo.workflows.find((w) => String(w.id) === key || w.path.endsWith(`/${key}`));
  if (!found) throw notFound();
  return found;
}

/** A run as the wire shows it: its latest attempt, or the attempt a path names. */
function onWire(
  ctx: RouteContext,
  repo: Repository,
  run: WorkflowRun,
  attempt: RunAttempt = latestAttempt(run),
): RunOnWire {
  const w = repo.workflows.find((x) => x.id === run.workflowId);
  if (!w) throw new Error(`run ${run.id} names no workflow`);
  const view = evaluateAttempt(attempt, ctx.world.environmentsOf(repo), ctx.world.now());
  return { repo, run, workflow: w, attempt, view };
}

function attemptOf(ctx: RouteContext, run: WorkflowRun): RunAttempt {
  const attempt = run.attempts.find((a) => a.number === intParam(ctx, 'attempt_number'));
  if (!attempt) throw notFound();
  return attempt;
}

/** The filters GitHub documents for listing runs; `status` also accepts a conclusion. */
function listRuns(ctx: RouteContext, repo: Repository, only?: Workflow): ReturnType<typeof pagedObject> {
  const q = ctx.url.searchParams;
  const status = q.get('status');
  const runs = ctx.world
    .visibleRuns(repo)
    .filter((r) => only === undefined || r.workflowId === only.id)
    .filter((r) => q.get('branch') === null || r.headBranch === q.get('branch'))
    .filter((r) => q.get('event') === null || r.event === q.get('event'))
    .filter((r) => q.get('head_sha') === null || r.headSha === q.get('head_sha'))
    .filter((r) => q.get('actor') === null || r.attempts[0]?.actor.login === q.get('actor'))
    .map((r) => onWire(ctx, repo, r))
    .filter((w) => status === null || w.view.status === status || w.view.conclusion === status);
  return pagedObject(ctx, 'workflow_runs', runs, (w) => workflowRun(ctx.links, w));
}

function rerunRoute(path: string, operation: string, failedOnly: boolean): Route {
  return {
    method: 'POST',
    path,
    operation,
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      if (!ctx.viewer) throw requiresAuthentication();
      const outcome = rerun(ctx.world, repo, run, ctx.viewer, failedOnly);
      // GitHub refuses both cases with 403; the exact wording is the simulator's.
      if (outcome === 'not-completed') throw new GitHubError(403, 'This workflow run is not completed yet.', runsDocs);
      if (outcome === 'nothing-failed')
        throw new GitHubError(403, 'This workflow run has no failed jobs to re-run.', runsDocs);
      return { status: 201, body: {} };
    },
  };
}

export const actionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows',
    operation: 'actions/list-repo-workflows',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return pagedObject(ctx, 'workflows', repo.workflows, (w) => workflow(ctx.links, repo, w));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    operation: 'actions/get-workflow',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return ok(workflow(ctx.links, repo, workflowOf(ctx, repo)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs',
    operation: 'actions/list-workflow-runs-for-repo',
    handle: (ctx) => listRuns(ctx, repoOf(ctx)),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    operation: 'actions/list-workflow-runs',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return listRuns(ctx, repo, workflowOf(ctx, repo));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}',
    operation: 'actions/get-workflow-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return ok(workflowRun(ctx.links, onWire(ctx, repo, runOf(ctx, repo))));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    operation: 'actions/list-jobs-for-workflow-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const filter = ctx.url.searchParams.get('filter') ?? 'latest';
      // `filter=all` lists every attempt's jobs, the latest attempt first.
      const attempts = filter === 'all' ? [...run.attempts].reverse() : [latestAttempt(run)];
      const jobs = attempts.flatMap((attempt) => {
        const w = onWire(ctx, repo, run, attempt);
        return w.view.jobs.map((j) => ({ w, j }));
      });
      return pagedObject(ctx, 'jobs', jobs, ({ w, j }) => job(ctx.links, w, j));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
    operation: 'actions/get-workflow-run-attempt',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      return ok(workflowRun(ctx.links, onWire(ctx, repo, run, attemptOf(ctx, run))));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
    operation: 'actions/list-jobs-for-workflow-run-attempt',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const w = onWire(ctx, repo, run, attemptOf(ctx, run));
      return pagedObject(ctx, 'jobs', w.view.jobs, (j) => job(ctx.links, w, j));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/jobs/{job_id}',
    operation: 'actions/get-job-for-workflow-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const found = ctx.world.findJob(repo, intParam(ctx, 'job_id'));
      if (!found) throw notFound();
      const w = onWire(ctx, repo, found.run, found.attempt);
      return ok(job(ctx.links, w, found.job));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    operation: 'actions/download-job-logs-for-workflow-run',
    handle: (ctx) => jobLogRedirect(ctx, repoOf(ctx), intParam(ctx, 'job_id')),
  },
  rerunRoute('/repos/{owner}/{repo}/actions/runs/{run_id}/rerun', 'actions/re-run-workflow', false),
  rerunRoute(
    '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
    'actions/re-run-workflow-failed-jobs',
    true,
  ),
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
    operation: 'actions/cancel-workflow-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      if (!ctx.viewer) throw requiresAuthentication();
      if (!cancel(ctx.world, repo, run))
        throw new GitHubError(409, 'Cannot cancel a workflow run that is completed.', runsDocs);
      return { status: 202, body: {} };
    },
  },
];
