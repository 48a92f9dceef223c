// GET /user and GET /rate_limit.
import { requiresAuthentication } from '../http/errors';
import type { Route } from '../router';
import { privateUser } from '../wire/users';
import { ok } from './common';

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    operation: 'users/get-authenticated',
    handle: (ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) throw requiresAuthentication();
      const mine = ctx.world.repos.filter((r) => r.owner.login === viewer.login);
      return ok(
        privateUser(ctx.links, viewer, {
          publicRepos: mine.filter((r) => !r.private).length,
          privateRepos: mine.filter((r) => r.private).length,
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/rate_limit',
    operation: 'rate-limit/get',
    handle: (ctx) => {
      const core = ctx.rateLimit;
      const other = (limit: number): typeof core => ({ limit, used: 0, remaining: limit, reset: core.reset });
      return ok({
        resources: { core, search: other(30), graphql: other(core.limit), integration_manifest: other(5000) },
        rate: core,
      });
    },
  },
];
