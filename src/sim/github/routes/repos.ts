// Repositories, branches and commits; finding repositories (an owner's, a search).
import { GitHubError, notFound } from '../http/errors';
import { paginate } from '../http/pagination';
import type { Route, RouteContext } from '../router';
import { history, type Commit, type Repository } from '../world/model';
import type { World } from '../world/world';
import { branchShort, branchWithProtection, commit, pushedAt, repository, searchResultItem } from '../wire/repos';
import { ok, pagedArray, repoOf } from './common';

const byCreatedDesc = (a: Repository, b: Repository): number => b.createdAt - a.createdAt || b.id - a.id;

/** A branch name, a full sha or an abbreviated sha of at least 7 characters. */
export function resolveRef(repo: Repository, ref: string): Commit | undefined {
  const branchHead = repo.branches.get(ref);
  if (branchHead !== undefined) return repo.commits.get(branchHead);
  if (ref.length < 7 || !/^[0-9a-f]+$/i.test(ref)) return undefined;
  const exact = repo.commits.get(ref);
  if (exact) return exact;
  return [...repo.commits.values()].find((c) => c.sha.startsWith(ref.toLowerCase()));
}

export const noCommitFound = (ref: string): GitHubError =>
  new GitHubError(422, `No commit found for SHA: ${ref}`, 'https://docs.github.com/rest/commits/commits#get-a-commit');

function branchHead(ctx: RouteContext, repo: Repository): Commit {
  const sha = repo.branches.get(ctx.params.branch ?? '');
  const head = sha === undefined ? undefined : repo.commits.get(sha);
  if (!head)
    throw new GitHubError(404, 'Branch not found', 'https://docs.github.com/rest/branches/branches#get-a-branch');
  return head;
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    operation: 'repos/get',
    handle: (ctx) => ok(repository(ctx.links, repoOf(ctx))),
  },
  {
    method: 'GET',
    path: '/user/repos',
    operation: 'repos/list-for-authenticated-user',
    handle: (ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) throw new GitHubError(401, 'Requires authentication');
      const repos = ctx.world.repos
        .filter((r) => r.owner.login === viewer.login || ctx.world.members.get(r.owner.login)?.has(viewer.login))
        .sort((a, b) => `${a.owner.login}/${a.name}`.localeCompare(`${b.owner.login}/${b.name}`));
      return pagedArray(ctx, repos, (r) => repository(ctx.links, r));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/repos',
    operation: 'repos/list-for-org',
    handle: (ctx) => {
      const org = ctx.world.users.get(ctx.params.org ?? '');
      if (org?.type !== 'Organization') throw notFound();
      const type = ctx.url.searchParams.get('type') ?? 'all';
      const repos = ctx.world.repos
        .filter((r) => r.owner.login === org.login && ctx.world.canSee(ctx.viewer, r))
        .filter((r) => (type === 'public' ? !r.private : type === 'private' ? r.private : true))
        .sort(byCreatedDesc);
      return pagedArray(ctx, repos, (r) => repository(ctx.links, r));
    },
  },
  {
    method: 'GET',
    path: '/users/{username}/repos',
    operation: 'repos/list-for-user',
    // GitHub serves organisations here too; public repositories only, whoever asks.
    handle: (ctx) => {
      const owner = ctx.world.users.get(ctx.params.username ?? '');
      if (!owner) throw notFound();
      const repos = ctx.world.repos
        .filter((r) => r.owner.login === owner.login && !r.private)
        .sort(bySort(ctx.url.searchParams.get('sort') ?? 'full_name', ctx.url.searchParams.get('direction')));
      return pagedArray(ctx, repos, (r) => repository(ctx.links, r));
    },
  },
  {
    method: 'GET',
    path: '/search/repositories',
    operation: 'search/repos',
    handle: (ctx) => searchRepositories(ctx),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches',
    operation: 'repos/list-branches',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const branches = [...repo.branches.entries()].sort(([a], [b]) => a.localeCompare(b));
      return pagedArray(ctx, branches, ([name, sha]) => branchShort(ctx.links, repo, name, sha));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches/{branch}',
    operation: 'repos/get-branch',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      return ok(branchWithProtection(ctx.links, repo, ctx.params.branch ?? '', branchHead(ctx, repo)));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits',
    operation: 'repos/list-commits',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const ref = ctx.url.searchParams.get('sha') ?? repo.defaultBranch;
      const head = resolveRef(repo, ref);
      if (!head) throw notFound();
      const author = ctx.url.searchParams.get('author');
      const commits = history(repo, head.sha).filter((c) => author === null || c.author.login === author);
      return pagedArray(ctx, commits, (c) => commit(ctx.links, repo, c));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}',
    operation: 'repos/get-commit',
    handle: (ctx) => {
      const repo = repoOf(ctx);
      const ref = ctx.params.ref ?? '';
      const found = resolveRef(repo, ref);
      if (!found) throw noCommitFound(ref);
      return ok(commit(ctx.links, repo, found));
    },
  },
];

function bySort(sort: string, direction: string | null): (a: Repository, b: Repository) => number {
  const name = (r: Repository): string => `${r.owner.login}/${r.name}`.toLowerCase();
  // GitHub sorts names ascending and times descending unless told otherwise.
  const sign = direction === 'asc' ? 1 : direction === 'desc' ? -1 : sort === 'full_name' ? 1 : -1;
  const key: (r: Repository) => number | string =
    sort === 'created' ? (r) => r.createdAt : sort === 'full_name' ? name : (r) => pushedAt(r);
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : 0) * sign || name(a).localeCompare(name(b));
  };
}

/** GitHub's search window: 30 requests a minute per user (10 per address without a token). */
const searchWindowMs = 60_000;
const searchWindows = new WeakMap<World, Map<string, { resetAtMs: number; used: number }>>();

/** Counts one search against the caller's window; the rate-limit headers of the search resource. */
function spendSearch(ctx: RouteContext): Record<string, string> {
  const key = ctx.viewer ? `user:${ctx.viewer.login}` : 'anonymous';
  const limit = ctx.viewer ? 30 : 10;
  const now = ctx.world.now();
  const windows = searchWindows.get(ctx.world) ?? new Map<string, { resetAtMs: number; used: number }>();
  searchWindows.set(ctx.world, windows);
  let window = windows.get(key);
  if (!window || now >= window.resetAtMs) {
    window = { resetAtMs: now + searchWindowMs, used: 0 };
    windows.set(key, window);
  }
  const exceeded = window.used >= limit;
  if (!exceeded) window.used += 1;
  const headers = {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(limit - window.used),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-reset': String(Math.ceil(window.resetAtMs / 1000)),
    'x-ratelimit-resource': 'search',
  };
  if (exceeded) {
    const who = ctx.viewer ? `for user ID ${ctx.viewer.id}` : 'for your IP address';
    throw new GitHubError(
      403,
      `API rate limit exceeded ${who}.`,
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      headers,
    );
  }
  return headers;
}

interface SearchQuery {
  words: string[];
  owners: string[];
  fork: 'true' | 'only' | 'false';
  archived: boolean | undefined;
}

/** `q`: words that must each appear in the name or description, and the qualifiers the simulator knows. */
function parseQuery(q: string): SearchQuery {
  const query: SearchQuery = { words: [], owners: [], fork: 'false', archived: undefined };
  for (const term of q.split(/\s+/).filter((t) => t !== '')) {
    const qualifier = /^(user|org|fork|archived):(.+)$/i.exec(term);
    const [, name = '', value = ''] = qualifier ?? [];
    if (name === 'user' || name === 'org') query.owners.push(value.toLowerCase());
    else if (name === 'fork') query.fork = value === 'only' ? 'only' : value === 'true' ? 'true' : 'false';
    else if (name === 'archived') query.archived = value === 'true';
    else query.words.push(term.toLowerCase());
  }
  return query;
}

function searchRepositories(ctx: RouteContext): ReturnType<Route['handle']> {
  const rateHeaders = spendSearch(ctx);
  const q = ctx.url.searchParams.get('q')?.trim() ?? '';
  if (q === '')
    throw new GitHubError(422, 'Validation Failed', 'https://docs.github.com/rest/search/search#search-repositories');
  const query = parseQuery(q);
  // Simulated repositories are never forks nor archived.
  const found = ctx.world.repos
    .filter((r) => ctx.world.canSee(ctx.viewer, r))
    .filter((r) => query.owners.length === 0 || query.owners.includes(r.owner.login.toLowerCase()))
    .filter(() => query.fork !== 'only' && query.archived !== true)
    .filter((r) => {
      const text = `${r.name} ${r.description ?? ''}`.toLowerCase();
      return query.words.every((word) => text.includes(word));
    })
    .sort(bySort('pushed', null));
  const page = paginate(found, ctx.url);
  return {
    status: 200,
    body: {
      total_count: found.length,
      incomplete_results: false,
      items: page.items.map((r) => searchResultItem(ctx.links, r)),
    },
    headers: { ...rateHeaders, ...(page.link ? { link: page.link } : {}) },
  };
}
