// CodeCommit repositories of one account and region. The repository list and
// metadata are read on the slow timer (ListRepositories pages, then
// BatchGetRepositories per 100 names); watched repositories are refreshed
// every cycle at 2 calls each when nothing changed (GetBranch +
// ListPullRequests): CodeCommit has no batch read for branches or pull requests.
import {
  BatchGetRepositoriesCommand,
  type CodeCommitClient,
  paginateListRepositories,
} from '@aws-sdk/client-codecommit';
import type { RepositoriesRead, Repository, WatchedRepository } from '../../../../shared/repositories';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { chunks, collectPages, mapLimit } from '../batching';
import { attempt, problemOf } from '../calls';
import { toRepository } from './repository-mapping';
import { RepositoryWatch } from './repository-watch';

export interface WatchTarget {
  repository: string;
  /** Branches to watch besides the default one, e.g. the branch a pipeline's source action names. */
  branches?: string[];
}

export interface RepositorySourceOptions {
  now?: () => Date;
  /** Commits of the default branch kept in `recentCommits`. */
  commitDepth?: number;
  /** Repositories refreshed at once. */
  concurrency?: number;
}

export class RepositorySource {
  #repositories: RepositoriesRead = { fetchedAt: '', problems: [], repositories: [] };
  readonly #metadata = new Map<string, Repository>();
  /** Watched names AWS said do not exist; not asked again until the slow timer lists repositories. */
  readonly #missing = new Set<string>();
  #watches = new Map<string, RepositoryWatch>();
  readonly #now: () => Date;
  readonly #commitDepth: number;
  readonly #concurrency: number;

  constructor(
    private readonly client: CodeCommitClient,
    readonly location: AwsLocation,
    options: RepositorySourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#commitDepth = options.commitDepth ?? 10;
    this.#concurrency = options.concurrency ?? 4;
  }

  get repositories(): RepositoriesRead {
    return this.#repositories;
  }

  /** The watched repositories as last read, without calling AWS. */
  get watched(): WatchedRepository[] {
    return [...this.#watches.values()].map((w) => w.view(this.#metadata.get(w.repository)?.defaultBranch));
  }

  /** Sets what to watch; what is kept of a repository already watched (caches) survives. */
  watch(targets: readonly WatchTarget[]): void {
    const extra = new Map<string, Set<string>>();
    for (const { repository, branches = [] } of targets) {
      extra.set(repository, new Set([...(extra.get(repository) ?? []), ...branches]));
    }
    this.#watches = new Map(
      [...extra].map(([repository, branches]) => {
        const watch =
          this.#watches.get(repository) ??
          new RepositoryWatch(this.client, repository, this.location, [], this.#commitDepth, this.#now);
        watch.extraBranches = [...branches];
        return [repository, watch];
      }),
    );
  }

  /** Slow timer: every repository's metadata. Names not found or refused become per-item problems. */
  async refreshRepositories(): Promise<RepositoriesRead> {
    try {
      const pages = await attempt('codecommit:ListRepositories', undefined, () =>
        collectPages((startingToken) => paginateListRepositories({ client: this.client, startingToken }, {})),
      );
      const names = pages.flatMap((p) => p.repositories?.flatMap((r) => r.repositoryName ?? []) ?? []);
      const { repositories, problems } = await this.#readMetadata(names);
      this.#metadata.clear();
      this.#missing.clear();
      for (const r of repositories) this.#metadata.set(r.name, r);
      this.#repositories = { fetchedAt: this.#now().toISOString(), problems, repositories };
    } catch (error) {
      this.#repositories = {
        ...this.#repositories,
        problem: problemOf(error, 'codecommit:ListRepositories', this.#now),
      };
    }
    return this.#repositories;
  }

  /**
   * Every refresh: the heads of watched branches, new commits when a head
   * moved, and open pull requests (details only for new ones).
   */
  async refresh(): Promise<WatchedRepository[]> {
    await this.#ensureMetadata();
    await mapLimit([...this.#watches.values()], this.#concurrency, (w) =>
      w.refresh(this.#metadata.get(w.repository)?.defaultBranch),
    );
    return this.watched;
  }

  /** Slow timer: the branch names of every watched repository. */
  async refreshBranches(): Promise<WatchedRepository[]> {
    await mapLimit([...this.#watches.values()], this.#concurrency, (w) => w.listBranches());
    return this.watched;
  }

  /** Slow timer: re-reads every open pull request (GetPullRequest + approval states each). */
  async refreshPullRequestDetails(): Promise<WatchedRepository[]> {
    await mapLimit([...this.#watches.values()], this.#concurrency, (w) => w.rereadPullRequests());
    return this.watched;
  }

  /** A watched repository needs its default branch name: read the metadata missing, once. */
  async #ensureMetadata(): Promise<void> {
    const unread = [...this.#watches.keys()].filter((name) => !this.#metadata.has(name) && !this.#missing.has(name));
    if (unread.length === 0) return;
    try {
      const { repositories, problems } = await this.#readMetadata(unread);
      for (const r of repositories) this.#metadata.set(r.name, r);
      for (const p of problems) if (p.code === 'not-found' && p.resource) this.#missing.add(p.resource);
      if (problems.length > 0) this.#repositories = { ...this.#repositories, problems };
    } catch (error) {
      // Each watch still reads its pull requests; without a default branch it reads no head.
      this.#repositories = {
        ...this.#repositories,
        problem: problemOf(error, 'codecommit:BatchGetRepositories', this.#now),
      };
    }
  }

  async #readMetadata(names: readonly string[]): Promise<{ repositories: Repository[]; problems: SourceProblem[] }> {
    const batches = await mapLimit(chunks(names), 2, (batch) =>
      attempt('codecommit:BatchGetRepositories', undefined, () =>
        this.client.send(new BatchGetRepositoriesCommand({ repositoryNames: batch })),
      ),
    );
    const repositories: Repository[] = [];
    const problems: SourceProblem[] = [];
    for (const out of batches) {
      repositories.push(...(out.repositories ?? []).map((r) => toRepository(r, this.location)));
      const reported = new Set<string>();
      for (const e of out.errors ?? []) {
        const name = e.repositoryName ?? '';
        reported.add(name);
        const code =
          e.errorCode === 'RepositoryDoesNotExistException'
            ? 'not-found'
            : /AccessDenied/.test(e.errorCode ?? '')
              ? 'access-denied'
              : 'internal';
        problems.push({ code, message: e.errorMessage ?? `${name}: ${e.errorCode ?? 'error'}`, resource: name });
      }
      for (const name of out.repositoriesNotFound ?? []) {
        if (!reported.has(name))
          problems.push({ code: 'not-found', message: `${name} does not exist`, resource: name });
      }
    }
    return { repositories, problems };
  }
}
