// Helpers the route modules share: resolving the repository a path names
// (404 when the viewer cannot see it, as GitHub hides private repositories),
// numeric path parameters, and paginated JSON answers.
import { notFound } from '../http/errors';
import { paginate } from '../http/pagination';
import type { RouteContext, RouteResult } from '../router';
import type { Repository, WorkflowRun } from '../world/model';

export function repoOf(ctx: RouteContext): Repository {
  const repo = ctx.world.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
  if (!repo || !ctx.world.canSee(ctx.viewer, repo)) throw notFound();
  return repo;
}

export function intParam(ctx: RouteContext, name: string): number {
  const value = ctx.params[name] ?? '';
  if (!/^\d+$/.test(value)) throw notFound();
  return Number(value);
}

export function runOf(ctx: RouteContext, repo: Repository): WorkflowRun {
  const run = ctx.world.findRun(repo, intParam(ctx, 'run_id'));
  if (!run) throw notFound();
  return run;
}

/** A JSON array answer, one page of it, with the Link header. */
export function pagedArray<T>(ctx: RouteContext, items: readonly T[], toWire: (item: T) => unknown): RouteResult {
  const page = paginate(items, ctx.url);
  return { status: 200, body: page.items.map(toWire), headers: page.link ? { link: page.link } : {} };
}

/** A `{ total_count, <key>: [...] }` answer (Actions, checks, environments), one page of it. */
export function pagedObject<T>(
  ctx: RouteContext,
  key: string,
  items: readonly T[],
  toWire: (item: T) => unknown,
): RouteResult {
  const page = paginate(items, ctx.url);
  return {
    status: 200,
    body: { total_count: items.length, [key]: page.items.map(toWire) },
    headers: page.link ? { link: page.link } : {},
  };
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
