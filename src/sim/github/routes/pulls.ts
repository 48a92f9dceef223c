// Pull requests, their reviews, and what a commit's checks say: the combined
// legacy status and the check runs Actions reports for it.
import { GitHubError, notFound } from '../http/errors';
import type { Route, RouteContext } from '../router';
import { latestAttempt, type PullRequest, type Repository } from '../world/model';
import { checkRun, type RunOnWire } from '../wire/actions';
import { combinedStatus, pullRequest, review } from '../wire/pulls';
import { ok, pagedArray, pagedObject, repoOf } from './common';
import { noCommitFound, resolveRef } from './repos';

function pullOf(ctx: RouteContext, repo: Repository): PullRequest {
  const pull = repo.pulls.find((p) => String(p.number) === ctx.params.pull_number);
  if (!pull) throw notFound();
  return pull;
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    operation: 'pulls/list',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const state = ctx.url.searchParams.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) {
        throw new GitHubError(422, 'Validation Failed', 'https://docs.github.com/rest/pulls/pulls#list-pull-requests');
      }
      // Every simulated pull request is open.
      const pulls = state === 'closed' ? [] : [...repo.pulls].sort((a, b) => b.createdAt - a.createdAt);
      return pagedArray(ctx, pulls, (p) => pullRequest(ctx.links, repo, p, false));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    operation: 'pulls/get',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return ok(pullRequest(ctx.links, repo, pullOf(ctx, repo), true));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    operation: 'pulls/list-reviews',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const pull = pullOf(ctx, repo);
      return pagedArray(ctx, pull.reviews, (r) => review(ctx.links, repo, pull, r));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/status',
    operation: 'repos/get-combined-status-for-ref',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const found = resolveRef(repo, ctx.params.ref ?? '');
      if (!found) throw notFound();
      return ok(combinedStatus(ctx.links, repo, found.sha, repo.statuses.get(found.sha) ?? []));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    operation: 'checks/list-for-ref',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const ref = ctx.params.ref ?? '';
      const found = resolveRef(repo, ref);
      if (!found) throw noCommitFound(ref);
      const status = ctx.url.searchParams.get('status');
      const name = ctx.url.searchParams.get('check_name');
      const checks = ctx.world
        .visibleRuns(repo)
        .filter((run) => run.headSha === found.sha)
        .flatMap((run) => {
          const workflow = repo.workflows.find((w) => w.id === run.workflowId);
          if (!workflow) return [];
          const wire: RunOnWire = { repo, run, workflow, attempt: latestAttempt(run), view: ctx.world.view(repo, run) };
          return wire.view.jobs.map((job) => ({ wire, job }));
        })
        .filter(({ job }) => (status === null || job.status === status) && (name === null || job.plan.name === name));
      return pagedObject(ctx, 'check_runs', checks, ({ wire, job }) => checkRun(ctx.links, wire, job));
    },
  },
];
