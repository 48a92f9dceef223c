// Deployments and their statuses (derived from Actions jobs that target an environment).
import { notFound } from '../http/errors';
import type { Route, RouteContext } from '../router';
import { deploymentsOf, type DeploymentView } from '../world/deployments';
import type { Repository } from '../world/model';
import { deployment, deploymentStatus } from '../wire/deployments';
import { intParam, ok, pagedArray, repoOf } from './common';

function deploymentOf(ctx: RouteContext, repo: Repository): DeploymentView {
  const id = intParam(ctx, 'deployment_id');
  const found = deploymentsOf(ctx.world, repo).find((d) => d.id === id);
  if (!found) throw notFound();
  return found;
}

export const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments',
    operation: 'repos/list-deployments',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const q = ctx.url.searchParams;
      const matches = (key: string, value: string): boolean => q.get(key) === null || q.get(key) === value;
      const list = deploymentsOf(ctx.world, repo).filter(
        (d) =>
          matches('sha', d.sha) &&
          matches('ref', d.ref) &&
          matches('task', 'deploy') &&
          matches('environment', d.environment),
      );
      return pagedArray(ctx, list, (d) => deployment(ctx.links, repo, d));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}',
    operation: 'repos/get-deployment',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return ok(deployment(ctx.links, repo, deploymentOf(ctx, repo)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    operation: 'repos/list-deployment-statuses',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const d = deploymentOf(ctx, repo);
      const newestFirst = [...d.statuses].reverse();
      return pagedArray(ctx, newestFirst, (s) => deploymentStatus(ctx.links, repo, d, s));
    },
  },
];
