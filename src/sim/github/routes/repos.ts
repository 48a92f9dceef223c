// Repositories, branches and commits.
import { GitHubError, notFound } from '../http/errors';
import type { Route, RouteContext } from '../router';
import { history, type Commit, type Repository } from '../world/model';
import { branchShort, branchWithProtection, commit, repository } from '../wire/repos';
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
