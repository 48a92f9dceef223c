// The Repositories page's rows: every CodeCommit and GitHub repository in the
// snapshot as one shape (name, provider, project, default branch, newest
// commit, open pull requests and what they wait for), and the filter over
// them. Pure, so Node tests can run it.
import { githubAccessGaps } from '../../../../shared/github-access';
import { defaultBranchHead, openPullRequests } from '../../../../shared/project-health';
import { projectHolding } from '../../../../shared/project-resources';
import type { ProjectView } from '../../../../shared/projects';
import type { AnyResource, Snapshot, SnapshotResource } from '../../../../shared/snapshot';

export type RepositoryProvider = 'codecommit' | 'github';

export const providerLabels: Record<RepositoryProvider, string> = {
  codecommit: 'CodeCommit',
  github: 'GitHub',
};

export interface LatestCommit {
  sha: string;
  subject: string;
  author: string;
  date?: string;
  url: string;
}

export interface RepositoryRow {
  /** The snapshot resource id (the page's route). */
  id: string;
  provider: RepositoryProvider;
  /** `owner/repo` or the CodeCommit name. */
  name: string;
  /** Account and region (CodeCommit) or the GitHub account key: where it was read. */
  where: string;
  project?: { id: string; name: string };
  defaultBranch?: string;
  latestCommit?: LatestCommit;
  openPulls: number;
  /** GitHub pull requests whose checks failed (CodeCommit has no checks). */
  failingChecks: number;
  /** Pull requests waiting for a review or approval. */
  needingReview: number;
  /** Areas the GitHub token cannot read (0 for CodeCommit). */
  accessGaps: number;
  /** Where the provider shows it. */
  url: string;
}

export type RepositoryResource = SnapshotResource<'repository'> | SnapshotResource<'github-repository'>;

export const isRepository = (r: AnyResource): r is RepositoryResource =>
  r.kind === 'repository' || r.kind === 'github-repository';

/** The repository's page on GitHub; before its metadata was read, github.com's address for the name. */
export const githubUrl = (r: SnapshotResource<'github-repository'>): string =>
  r.data.repository?.htmlUrl ?? `https://github.com/${r.data.fullName}`;

/** "priya" from `arn:aws:iam::1111:user/priya`; the ARN itself when it names no user. */
export function arnUser(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const tail = arn.split(':').pop() ?? arn;
  return tail.split('/').pop() || arn;
}

function codecommitRow(r: SnapshotResource<'repository'>): Omit<RepositoryRow, 'project'> {
  const data = r.data;
  const head = defaultBranchHead(r);
  const pulls = openPullRequests(r);
  return {
    id: r.id,
    provider: 'codecommit',
    name: data.repository,
    where: `${data.location.accountKey} · ${data.location.region}`,
    ...(data.defaultBranch === undefined ? {} : { defaultBranch: data.defaultBranch }),
    ...(head?.commit
      ? {
          latestCommit: {
            sha: head.commit.id,
            subject: head.commit.subject,
            author: head.commit.author.name,
            ...(head.commit.date === undefined ? {} : { date: head.commit.date }),
            url: head.commit.consoleUrl,
          },
        }
      : {}),
    openPulls: pulls.length,
    failingChecks: 0,
    needingReview: pulls.filter((pr) => pr.approval.state === 'pending').length,
    accessGaps: 0,
    url: data.consoleUrl,
  };
}

function githubRow(r: SnapshotResource<'github-repository'>): Omit<RepositoryRow, 'project'> {
  const data = r.data;
  const commit = data.commits[0];
  const branch = data.repository?.defaultBranch;
  return {
    id: r.id,
    provider: 'github',
    name: data.fullName,
    where: data.accountKey,
    ...(branch === undefined ? {} : { defaultBranch: branch }),
    ...(commit
      ? {
          latestCommit: {
            sha: commit.sha,
            subject: commit.subject,
            author: commit.author,
            ...(commit.authoredAt === undefined ? {} : { date: commit.authoredAt }),
            url: commit.htmlUrl,
          },
        }
      : {}),
    openPulls: data.pulls.length,
    failingChecks: data.pulls.filter((pr) => pr.checks?.state === 'failure').length,
    needingReview: data.pulls.filter((pr) => !pr.draft && pr.review === 'review-required').length,
    accessGaps: githubAccessGaps(data).length,
    url: githubUrl(r),
  };
}

/** One row per repository of the snapshot, by name (case-insensitive), then id. */
export function repositoryRows(
  snapshot: Pick<Snapshot, 'resources'>,
  projects: readonly Pick<ProjectView, 'id' | 'name' | 'state' | 'members'>[],
): RepositoryRow[] {
  const rows = Object.values(snapshot.resources)
    .filter(isRepository)
    .map((r): RepositoryRow => {
      const row = r.kind === 'repository' ? codecommitRow(r) : githubRow(r);
      const projectId = projectHolding(r, projects);
      const project = projects.find((p) => p.id === projectId);
      return project ? { ...row, project: { id: project.id, name: project.name } } : row;
    });
  return rows.sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type ProviderFilter = 'all' | RepositoryProvider;

/** The rows whose name, project, branch, newest commit or author hold every word of `text`, of the provider. */
export function filterRepositoryRows(
  rows: readonly RepositoryRow[],
  text: string,
  provider: ProviderFilter,
): RepositoryRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (provider !== 'all' && row.provider !== provider) return false;
    if (words.length === 0) return true;
    const haystack = [
      row.name,
      row.project?.name,
      row.defaultBranch,
      row.latestCommit?.subject,
      row.latestCommit?.author,
      providerLabels[row.provider],
    ]
      .filter((part): part is string => part !== undefined)
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
