// The contract's github.repositories.* messages: finding repositories an
// account can read (marked with the projects that hold them and the account
// that watches them), and watching one with a chosen account in an existing
// or a new project. Watching checks the account can read the repository,
// then changes the account's choices and the projects in one workspace save.
import type { GitHubRepositoryChoice, WatchGitHubRepository } from '../../shared/github-accounts';
import type { GitHubAccount, Workspace } from '../../shared/model';
import type { ProjectCommand, ProjectEdits, ProjectsView } from '../../shared/projects';
import { fail, ok, type Result } from '../../shared/result';
import { GitHubClient } from '../sources/github/client';
import { problemOf } from '../sources/github/problems';
import {
  findRepositories,
  readableRepository,
  type RepositoryCandidate,
  type RepositoryClients,
} from '../sources/github/repository-search';
import type { CommandHandlers, QueryHandlers } from './dispatch';
import { assignRepositories } from './live/github-assignment';
import { applyCommand } from './projects/edit-commands';

export interface GitHubRepositoryHandlerDeps {
  /** The workspace shown: the demo's while it runs, the user's otherwise. */
  workspace: () => Workspace;
  /** Saves the workspace shown and lets the live workspace follow (projects view, watch plan). */
  saveWorkspace: (next: Workspace) => void;
  /** The live projects view; undefined while Starboard switches workspaces. */
  projects: () => ProjectsView | undefined;
  /** Each account's API URL and token, asked before every request. */
  github: {
    apiBaseUrl(accountId: string): string | undefined;
    token(accountId: string): Promise<string | undefined>;
  };
  now?: () => Date;
}

type Queries = Pick<QueryHandlers, 'github.repositories.find'>;
type Commands = Pick<CommandHandlers, 'github.repositories.watch'>;

const switching = () => fail('conflict', 'Starboard is switching workspaces. Try again in a moment.');

export function githubRepositoryHandlers(deps: GitHubRepositoryHandlerDeps): { queries: Queries; commands: Commands } {
  const clients = new RepositoryClientPool(deps);
  const accountOf = (accountKey: string): GitHubAccount | undefined =>
    deps.workspace().githubAccounts.find((account) => account.id === accountKey);

  return {
    queries: {
      'github.repositories.find': async ({ accountKey, ...query }) => {
        const account = accountOf(accountKey);
        const pair = account && clients.get(account.id);
        if (!account || !pair) return fail('not-found', `No GitHub account ${accountKey} in this workspace.`);
        const view = deps.projects();
        if (!view) return switching();
        try {
          const page = await findRepositories(pair, query);
          const marks = holdings(view, deps.workspace().githubAccounts);
          return ok({ ...page, repositories: page.repositories.map((repo) => marks(repo)) });
        } catch (error) {
          return problemResult(error);
        }
      },
    },
    commands: {
      'github.repositories.watch': async (input) => {
        const account = accountOf(input.accountKey);
        const pair = account && clients.get(account.id);
        if (!account || !pair) return fail('not-found', `No GitHub account ${input.accountKey} in this workspace.`);
        if (!deps.projects()) return switching();
        let repository: RepositoryCandidate;
        try {
          repository = await readableRepository(pair.core, input.repository);
        } catch (error) {
          const problem = problemOf(error, input.repository);
          if (problem.code === 'not-found')
            return fail(
              'not-found',
              `${input.repository}: not found, or the token of ${account.label} cannot read it.`,
            );
          return problemResult(error);
        }
        // The workspace may have changed while GitHub answered: edit what is there now.
        const view = deps.projects();
        if (!view) return switching();
        const workspace = deps.workspace();
        if (!workspace.githubAccounts.some((a) => a.id === account.id))
          return fail('not-found', `No GitHub account ${input.accountKey} in this workspace.`);
        const projects = projectEdits(workspace.projects, view, input, repository.fullName);
        if (!projects.ok) return projects;
        const githubAccounts = chooseAccount(workspace.githubAccounts, account.id, repository.fullName);
        deps.saveWorkspace({ ...workspace, githubAccounts, projects: projects.value });
        return ok(deps.projects() ?? view);
      },
    },
  };
}

/**
 * One pair of clients per account, made again when its API URL changes. They
 * are the picker's own: searches run in their own window, and the picker's
 * reads never queue behind (or block) the live refresh.
 */
class RepositoryClientPool {
  readonly #pairs = new Map<string, { baseUrl: string; clients: RepositoryClients }>();

  constructor(private readonly deps: GitHubRepositoryHandlerDeps) {}

  get(accountId: string): RepositoryClients | undefined {
    const baseUrl = this.deps.github.apiBaseUrl(accountId);
    if (baseUrl === undefined) return undefined;
    const known = this.#pairs.get(accountId);
    if (known?.baseUrl === baseUrl) return known.clients;
    const make = () =>
      new GitHubClient({
        baseUrl,
        token: async () => (await this.deps.github.token(accountId)) ?? '',
        ...(this.deps.now ? { now: this.deps.now } : {}),
      });
    const clients = { core: make(), search: make() };
    this.#pairs.set(accountId, { baseUrl, clients });
    return clients;
  }
}

/** Marks a repository with the projects that hold it and the account that watches it (names compare without case). */
function holdings(
  view: ProjectsView,
  accounts: readonly GitHubAccount[],
): (repo: RepositoryCandidate) => GitHubRepositoryChoice {
  const held = new Map<string, { id: string; name: string }[]>();
  for (const project of view.projects) {
    for (const member of project.members) {
      if (member.kind !== 'github-repository') continue;
      const key = member.ref.toLowerCase();
      const list = held.get(key) ?? [];
      if (!list.some((p) => p.id === project.id)) list.push({ id: project.id, name: project.name });
      held.set(key, list);
    }
  }
  const watcher = new Map<string, string>();
  for (const [accountId, names] of assignRepositories([...held.keys()], accounts))
    for (const name of names) watcher.set(name.toLowerCase(), accountId);
  return (repo) => {
    const key = repo.fullName.toLowerCase();
    const watchedBy = watcher.get(key);
    return { ...repo, projects: held.get(key) ?? [], ...(watchedBy === undefined ? {} : { watchedBy }) };
  };
}

/** The account chose the repository; no other account keeps it among its choices. */
export function chooseAccount(
  accounts: readonly GitHubAccount[],
  accountId: string,
  fullName: string,
): GitHubAccount[] {
  const key = fullName.toLowerCase();
  return accounts.map((account) => {
    const others = (account.repositories ?? []).filter((name) => name.toLowerCase() !== key);
    const repositories = account.id === accountId ? [...others, fullName] : others;
    const rest = { ...account };
    delete rest.repositories;
    return repositories.length > 0 ? { ...rest, repositories } : rest;
  });
}

/** The project edits that put the repository in the chosen project, creating it first when asked to. */
function projectEdits(
  edits: ProjectEdits,
  view: ProjectsView,
  input: WatchGitHubRepository,
  fullName: string,
): Result<ProjectEdits> {
  const target = input.project;
  if ('id' in target) return applyCommand(edits, { kind: 'add-member', project: target.id, resource: fullName }, view);
  const id = freeProjectId(view, target.create);
  const created = applyCommand(edits, { kind: 'create', project: id, name: target.create }, view);
  if (!created.ok) return created;
  const add: ProjectCommand = { kind: 'add-member', project: id, resource: fullName };
  return applyCommand(created.value, add);
}

/** An id for a new project from its name, unused by any project shown or dismissed. */
function freeProjectId(view: ProjectsView, name: string): string {
  const taken = new Set([...view.projects, ...view.dismissed].flatMap((p) => [p.id, ...p.mergedFrom]));
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 48) || 'project';
  const base = `user-${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A GitHub problem as the contract's error, with its retry time or missing permission. */
function problemResult(error: unknown): Result<never> {
  const problem = problemOf(error);
  return fail(problem.code, problem.message, {
    ...(problem.retryAt === undefined ? {} : { retryAt: problem.retryAt }),
    ...(problem.missingPermission === undefined ? {} : { missingPermission: problem.missingPermission }),
  });
}
