// Environments and environment approvals: the pending deployments of a run
// and the review (approve/reject) of the ones the caller names.
import { GitHubError, invalidRequest, notFound, requiresAuthentication } from '../http/errors';
import type { Route } from '../router';
import { deploymentsOf } from '../world/deployments';
import { latestAttempt } from '../world/model';
import { canApprove, review } from '../world/runs';
import { deployment, environment, pendingDeployment } from '../wire/deployments';
import { ok, pagedObject, repoOf, runOf } from './common';

const reviewDocs = 'https://docs.github.com/rest/actions/workflow-runs#review-pending-deployments-for-a-workflow-run';

export interface ReviewBody {
  environment_ids: number[];
  state: 'approved' | 'rejected';
  comment: string;
}

/** The request-body validation GitHub applies (its OpenAPI schema), with its error wording. */
export function parseReviewBody(body: unknown): ReviewBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest(`${JSON.stringify(body)} is not an object.`, reviewDocs);
  }
  const input = body as Record<string, unknown>;
  for (const key of ['environment_ids', 'state', 'comment']) {
    if (!(key in input)) throw invalidRequest(`"${key}" wasn't supplied.`, reviewDocs);
  }
  const { environment_ids: ids, state, comment } = input;
  if (!Array.isArray(ids))
    throw invalidRequest(`For 'properties/environment_ids', ${JSON.stringify(ids)} is not an array.`, reviewDocs);
  for (const id of ids as unknown[]) {
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw invalidRequest(`For 'items', ${JSON.stringify(id)} is not an integer.`, reviewDocs);
    if (id < 1) throw invalidRequest(`For 'items', ${id} is less than the minimum of 1.`, reviewDocs);
  }
  if (state !== 'approved' && state !== 'rejected') {
    throw invalidRequest(
      `For 'properties/state', ${JSON.stringify(state)} is not a member of ["approved", "rejected"].`,
      reviewDocs,
    );
  }
  if (typeof comment !== 'string')
    throw invalidRequest(`For 'properties/comment', ${JSON.stringify(comment)} is not a string.`, reviewDocs);
  return { environment_ids: ids as number[], state, comment };
}

export const environmentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments',
    operation: 'repos/get-all-environments',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const sorted = [...repo.environments].sort((a, b) => a.name.localeCompare(b.name));
      return pagedObject(ctx, 'environments', sorted, (e) => environment(ctx.links, repo, e));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    operation: 'repos/get-environment',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const found = repo.environments.find((e) => e.name === ctx.params.environment_name);
      if (!found) throw notFound();
      return ok(environment(ctx.links, repo, found));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
    operation: 'actions/get-pending-deployments-for-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      const attempt = latestAttempt(run);
      const viewer = ctx.viewer;
      const pending = ctx.world
        .view(repo, run)
        .jobs.flatMap((j) => (j.status === 'waiting' && j.gate ? [j.gate] : []))
        .map((gate) => {
          const allowed = viewer !== undefined && canApprove(viewer, attempt, gate.environment);
          return pendingDeployment(ctx.links, repo, gate.environment, gate.openedAt, allowed);
        });
      return ok(pending);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
    operation: 'actions/review-pending-deployments-for-run',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      if (!ctx.viewer) throw requiresAuthentication();
      const body = parseReviewBody(ctx.body);
      const outcome = review(ctx.world, repo, run, ctx.viewer, body.environment_ids, body.state, body.comment);
      if (outcome.kind === 'not-pending')
        throw new GitHubError(422, 'No pending deployment requests to approve or reject', reviewDocs);
      if (outcome.kind === 'not-a-reviewer') {
        // A documented choice (GitHub's exact answer is not documented): 403 naming the environment.
        throw new GitHubError(
          403,
          `You are not allowed to review deployments to the '${outcome.environment}' environment.`,
          reviewDocs,
        );
      }
      const deployments = deploymentsOf(ctx.world, repo).filter((d) => outcome.deploymentIds.includes(d.id));
      return ok(deployments.map((d) => deployment(ctx.links, repo, d)));
    },
  },
];
