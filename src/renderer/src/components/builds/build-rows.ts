// CodeBuild builds and GitHub Actions runs as the rows of one list, newest
// first, and the filters over them (project, status, branch, source). Pure:
// the page feeds it the snapshot and the projects.
import { buildStatusLabel, type BuildStatusValue } from '../../../../shared/builds';
import { githubRunLabel, githubRunStatus } from '../../../../shared/github-health';
import { buildRunStatus, type RunStatus } from '../../../../shared/project-health';
import { projectsOfResource } from '../../../../shared/project-resources';
import type { ProjectView } from '../../../../shared/projects';
import { resourcesOfKind, type Snapshot } from '../../../../shared/snapshot';
import { buildHref, runHref } from '../../route-paths';

export type BuildSourceKind = 'codebuild' | 'github';

export const sourceLabels: Record<BuildSourceKind, string> = {
  codebuild: 'CodeBuild',
  github: 'GitHub Actions',
};

export interface BuildRow {
  /** Unique across both sources. */
  key: string;
  source: BuildSourceKind;
  href: string;
  status: RunStatus;
  statusLabel: string;
  /** The CodeBuild project or the workflow. */
  name: string;
  number?: number;
  branch?: string;
  /** The commit, shortened. */
  commit?: string;
  startedAt?: string;
  endedAt?: string;
  running: boolean;
  initiator?: string;
  /** The Starboard projects that hold the build's CodeBuild project or the run's repository. */
  projectIds: string[];
  /** The snapshot resource the row comes from (its freshness). */
  resourceId: string;
}

const commitPattern = /^[0-9a-f]{40}$/i;

/** CodeBuild's word in sentence case ("TIMED_OUT" → "Timed out"), as RunStatus.tsx's buildStatusWord. */
function statusWord(build: Partial<BuildStatusValue>): string {
  const label = buildStatusLabel(build);
  if (label.startsWith('unknown')) return label;
  const words = label.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The branch a CodeBuild source version names, if it names one (not a commit, an S3 object or a pull request). */
export function codeBuildBranch(sourceVersion: string | undefined): string | undefined {
  if (sourceVersion === undefined || sourceVersion === '' || commitPattern.test(sourceVersion)) return undefined;
  if (sourceVersion.startsWith('arn:')) return undefined;
  if (/^(pr\/\d+|refs\/pull\/)/.test(sourceVersion)) return undefined;
  return sourceVersion.replace(/^refs\/heads\//, '').replace(/\^\{.*\}$/, '');
}

function shortCommit(value: string | undefined): string | undefined {
  return value !== undefined && commitPattern.test(value) ? value.slice(0, 7) : undefined;
}

/** Every build and run the snapshot holds, newest first. */
export function buildRows(snapshot: Snapshot, projects: readonly Pick<ProjectView, 'id' | 'members'>[]): BuildRow[] {
  const rows: BuildRow[] = [];
  for (const resource of resourcesOfKind(snapshot, 'build')) {
    const build = resource.data;
    const commit = shortCommit(build.resolvedSourceVersion) ?? shortCommit(build.sourceVersion);
    const branch = codeBuildBranch(build.sourceVersion);
    rows.push({
      key: resource.id,
      source: 'codebuild',
      href: buildHref(resource.id),
      status: buildRunStatus(build),
      statusLabel: statusWord(build),
      name: build.project,
      ...(build.number !== undefined ? { number: build.number } : {}),
      ...(branch !== undefined ? { branch } : {}),
      ...(commit !== undefined ? { commit } : {}),
      ...(build.startTime !== undefined ? { startedAt: build.startTime } : {}),
      ...(build.complete && build.endTime !== undefined ? { endedAt: build.endTime } : {}),
      running: !build.complete,
      ...(build.initiator !== undefined ? { initiator: build.initiator } : {}),
      projectIds: projectsOfResource(resource, projects),
      resourceId: resource.id,
    });
  }
  for (const resource of resourcesOfKind(snapshot, 'github-repository')) {
    const { accountKey, fullName, runs } = resource.data;
    const projectIds = projectsOfResource(resource, projects);
    for (const run of runs) {
      const started = run.startedAt ?? run.createdAt;
      const completed = run.status === 'completed';
      const initiator = run.triggeringActor ?? run.actor;
      rows.push({
        key: `${resource.id}#${run.id}`,
        source: 'github',
        href: runHref({ accountKey, repository: fullName, runId: run.id }),
        status: githubRunStatus(run),
        statusLabel: githubRunLabel(run),
        name: `${fullName} · ${run.name}`,
        number: run.runNumber,
        ...(run.branch !== undefined ? { branch: run.branch } : {}),
        commit: run.headSha.slice(0, 7),
        startedAt: started,
        ...(completed
          ? {
              endedAt:
                run.durationMs !== undefined
                  ? new Date(Date.parse(started) + run.durationMs).toISOString()
                  : run.updatedAt,
            }
          : {}),
        running: !completed && run.status !== 'unknown',
        ...(initiator !== undefined ? { initiator } : {}),
        projectIds,
        resourceId: resource.id,
      });
    }
  }
  const time = (row: BuildRow) => (row.startedAt === undefined ? -Infinity : Date.parse(row.startedAt));
  return rows.sort((a, b) => time(b) - time(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface BuildFilters {
  /** A Starboard project id; '' for all. */
  project: string;
  status: RunStatus | '';
  branch: string;
  source: BuildSourceKind | '';
}

export const noFilters: BuildFilters = { project: '', status: '', branch: '', source: '' };

export function filterRows(rows: readonly BuildRow[], filters: BuildFilters): BuildRow[] {
  return rows.filter(
    (row) =>
      (filters.project === '' || row.projectIds.includes(filters.project)) &&
      (filters.status === '' || row.status === filters.status) &&
      (filters.branch === '' || row.branch === filters.branch) &&
      (filters.source === '' || row.source === filters.source),
  );
}

/** The values the filters can take, from the rows there are (branches by how often they occur). */
export function filterChoices(rows: readonly BuildRow[]): { statuses: RunStatus[]; branches: string[] } {
  const statuses = new Set<RunStatus>();
  const branches = new Map<string, number>();
  for (const row of rows) {
    statuses.add(row.status);
    if (row.branch !== undefined) branches.set(row.branch, (branches.get(row.branch) ?? 0) + 1);
  }
  const order: RunStatus[] = ['running', 'failed', 'succeeded', 'stopped', 'skipped', 'not-run', 'unknown'];
  return {
    statuses: order.filter((s) => statuses.has(s)),
    branches: [...branches].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
  };
}
