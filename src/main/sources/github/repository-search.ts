// Finding repositories an account can read, for the user to choose which to
// watch: the account's own, an owner's (organisation or user), or a search,
// one page at a time. Searches go through a client of their own, because
// GitHub limits them in a window of their own (30 a minute): running out of
// searches must not stop the account's other reads.
import type { RestEndpointMethodTypes as Methods } from '@octokit/rest';
import type { GitHubRepositoryChoice } from '../../../shared/github-accounts';
import type { SourceProblem } from '../../../shared/sources';
import { nextPage, type GitHubClient, type Params } from './client';
import { GitHubProblemError, malformedProblem } from './problems';
import { optional } from './wire-values';

type WireListedRepository = Methods['repos']['listForUser']['response']['data'][number];
type WireSearchAnswer = Methods['search']['repos']['response']['data'];
/** What a picker reads of a repository, in a list, a search or alone. */
type WireRepositoryFacts = Pick<
  WireListedRepository,
  'full_name' | 'html_url' | 'private' | 'archived' | 'fork' | 'description' | 'pushed_at'
>;

/** A repository as GitHub lists it, before the hub adds the projects that hold it. */
export type RepositoryCandidate = Omit<GitHubRepositoryChoice, 'projects' | 'watchedBy'>;

export interface RepositoryPage {
  repositories: RepositoryCandidate[];
  hasMore: boolean;
  /** Searches only. */
  totalCount?: number;
}

export interface RepositoryQuery {
  /** A user or organisation login. */
  owner?: string;
  /** Words to search names and descriptions for. */
  query?: string;
  page?: number;
}

/** The account's client for ordinary reads, and one for searches alone. */
export interface RepositoryClients {
  core: GitHubClient;
  search: GitHubClient;
}

const listPageSize = 50;
const searchPageSize = 30;

/** The page GitHub would answer for this choice: a search when there are words, else an owner's or the account's own. */
export function findRepositories(clients: RepositoryClients, query: RepositoryQuery): Promise<RepositoryPage> {
  const page = query.page ?? 1;
  if (query.query !== undefined) return searchRepositories(clients.search, query.query, query.owner, page);
  if (query.owner !== undefined) return listOwnerRepositories(clients.core, query.owner, page);
  return listOwnRepositories(clients.core, page);
}

/** Repositories the account owns, collaborates on or reaches through an organisation, last pushed first. */
export function listOwnRepositories(client: GitHubClient, page = 1): Promise<RepositoryPage> {
  const params = {
    sort: 'pushed',
    affiliation: 'owner,collaborator,organization_member',
    per_page: listPageSize,
    page,
  };
  return listed(client, 'GET /user/repos', params, 'your repositories');
}

/**
 * An owner's repositories. An organisation's list includes the private ones
 * the token may read (GET /users/{owner}/repos answers only public ones), so
 * the organisation route is asked first and a user's after its 404.
 */
export async function listOwnerRepositories(client: GitHubClient, owner: string, page = 1): Promise<RepositoryPage> {
  const common = { sort: 'pushed', per_page: listPageSize, page };
  try {
    return await listed(client, 'GET /orgs/{org}/repos', { org: owner, type: 'all', ...common }, owner);
  } catch (error) {
    if (!(error instanceof GitHubProblemError) || error.status !== 404) throw error;
  }
  return listed(client, 'GET /users/{username}/repos', { username: owner, type: 'owner', ...common }, owner);
}

/** A repository search (forks included), within one owner's repositories when named. */
export async function searchRepositories(
  client: GitHubClient,
  words: string,
  owner: string | undefined,
  page = 1,
): Promise<RepositoryPage> {
  const q = [words, 'fork:true', ...(owner === undefined ? [] : [`user:${owner}`])].join(' ');
  try {
    const answer = await client.getWithHeaders<unknown>(
      'GET /search/repositories',
      { q, per_page: searchPageSize, page },
      'repository search',
    );
    const body = searchAnswer(answer.data);
    return {
      repositories: body.items.map(toCandidate),
      hasMore: nextPage(answer.headers.link) !== undefined,
      totalCount: body.total_count,
    };
  } catch (error) {
    throw searchProblem(error);
  }
}

/** Whether the account can read the repository: its canonical name (GitHub's letter case), else a problem. */
export async function readableRepository(client: GitHubClient, fullName: string): Promise<RepositoryCandidate> {
  const [owner = '', repo = ''] = fullName.split('/');
  const answer = await client.getWithHeaders<unknown>('GET /repos/{owner}/{repo}', { owner, repo }, fullName);
  return mapped(() => toCandidate(answer.data as WireListedRepository), fullName);
}

async function listed(client: GitHubClient, route: string, params: Params, resource: string): Promise<RepositoryPage> {
  const answer = await client.getWithHeaders<unknown>(route, params, resource);
  const repositories = mapped(() => {
    if (!Array.isArray(answer.data)) throw new Error('not a list');
    return (answer.data as WireListedRepository[]).map(toCandidate);
  }, resource);
  return { repositories, hasMore: nextPage(answer.headers.link) !== undefined };
}

function mapped<T>(read: () => T, resource: string): T {
  try {
    return read();
  } catch {
    throw new GitHubProblemError(malformedProblem(resource), 200);
  }
}

function searchAnswer(body: unknown): WireSearchAnswer {
  return mapped(() => {
    const answer = body as WireSearchAnswer;
    if (typeof answer.total_count !== 'number' || !Array.isArray(answer.items)) throw new Error('not a search answer');
    return answer;
  }, 'repository search');
}

const fullNamePattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** The fields a picker shows, checked: GitHub's JSON is read as untrusted data. */
export function toCandidate(repo: WireRepositoryFacts): RepositoryCandidate {
  if (typeof repo.full_name !== 'string' || !fullNamePattern.test(repo.full_name)) throw new Error('no full_name');
  if (typeof repo.html_url !== 'string' || typeof repo.private !== 'boolean') throw new Error('no html_url');
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const flag = (value: unknown): boolean => value === true;
  return {
    fullName: repo.full_name,
    private: repo.private,
    archived: flag(repo.archived),
    fork: flag(repo.fork),
    htmlUrl: repo.html_url,
    ...optional('description', text(repo.description)),
    ...optional('pushedAt', text(repo.pushed_at)),
  };
}

/** A spent search window says so in the words of searches, not of the hourly limit. */
function searchProblem(error: unknown): unknown {
  if (!(error instanceof GitHubProblemError) || error.problem.code !== 'throttled') return error;
  const problem: SourceProblem = {
    ...error.problem,
    message: 'GitHub allows 30 searches a minute; Starboard waits before searching again.',
  };
  return new GitHubProblemError(problem, error.status, error.githubMessage, error.sent);
}
