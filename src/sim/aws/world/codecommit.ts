// CodeCommit repositories: branches pointing at commits, and pull requests
// with approval rules and approvals.
import type { WorldContext } from './context';

export interface Person {
  name: string;
  email: string;
}

export interface Commit {
  commitId: string;
  treeId: string;
  parents: string[];
  message: string;
  author: Person;
  date: number;
}

export interface PullRequest {
  id: string;
  title: string;
  description: string;
  authorArn: string;
  status: 'OPEN' | 'CLOSED';
  sourceBranch: string;
  destinationBranch: string;
  sourceCommit: string;
  destinationCommit: string;
  created: number;
  lastActivity: number;
  revisionId: string;
  requiredApprovals: number;
  approvals: Map<string, 'APPROVE' | 'REVOKE'>;
}

export interface Repository {
  name: string;
  id: string;
  arn: string;
  description: string;
  defaultBranch: string;
  created: number;
  lastModified: number;
  branches: Map<string, string>;
  commits: Map<string, Commit>;
  pullRequests: PullRequest[];
  tags: Record<string, string>;
}

export class CodeCommitWorld {
  readonly repositories = new Map<string, Repository>();
  #pullRequestSeq = 0;

  constructor(private readonly ctx: WorldContext) {}

  addRepository(name: string, description: string, tags: Record<string, string> = {}): Repository {
    const now = this.ctx.scheduler.now();
    const repo: Repository = {
      name,
      id: this.ctx.random.uuid(),
      arn: `arn:aws:codecommit:${this.ctx.region}:${this.ctx.account}:${name}`,
      description,
      defaultBranch: 'main',
      created: now,
      lastModified: now,
      branches: new Map(),
      commits: new Map(),
      pullRequests: [],
      tags,
    };
    this.repositories.set(name, repo);
    return repo;
  }

  /** Adds a commit on top of `branch` (creating the branch from `from` if new). */
  commit(repo: Repository, branch: string, message: string, author: Person, from?: string): Commit {
    const parent = repo.branches.get(branch) ?? (from !== undefined ? repo.branches.get(from) : undefined);
    const commit: Commit = {
      commitId: this.ctx.random.hex(40),
      treeId: this.ctx.random.hex(40),
      parents: parent ? [parent] : [],
      message,
      author,
      date: this.ctx.scheduler.now(),
    };
    repo.commits.set(commit.commitId, commit);
    repo.branches.set(branch, commit.commitId);
    repo.lastModified = commit.date;
    return commit;
  }

  openPullRequest(
    repo: Repository,
    init: { title: string; description: string; authorArn: string; source: string },
  ): PullRequest {
    const now = this.ctx.scheduler.now();
    const pr: PullRequest = {
      id: String(++this.#pullRequestSeq),
      title: init.title,
      description: init.description,
      authorArn: init.authorArn,
      status: 'OPEN',
      sourceBranch: init.source,
      destinationBranch: repo.defaultBranch,
      sourceCommit: repo.branches.get(init.source) ?? '',
      destinationCommit: repo.branches.get(repo.defaultBranch) ?? '',
      created: now,
      lastActivity: now,
      revisionId: this.ctx.random.hex(64),
      requiredApprovals: 1,
      approvals: new Map(),
    };
    repo.pullRequests.push(pr);
    return pr;
  }

  findPullRequest(id: string): { repo: Repository; pr: PullRequest } | undefined {
    for (const repo of this.repositories.values()) {
      const pr = repo.pullRequests.find((p) => p.id === id);
      if (pr) return { repo, pr };
    }
    return undefined;
  }
}
