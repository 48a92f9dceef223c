// The pipelines list as rows: each pipeline of the snapshot with its project,
// newest run, last change and revision; filtered by name and status, sorted
// failing first, then most recently changed. Pure: tested in Node.
import { pipelineHealth, type PipelineHealth, type RunStatus } from '../../../../shared/project-health';
import { projectHolding } from '../../../../shared/project-resources';
import type { ProjectView } from '../../../../shared/projects';
import { resourcesOfKind, type SnapshotResource, type Snapshot } from '../../../../shared/snapshot';

export interface PipelineRow {
  id: string;
  name: string;
  health: PipelineHealth;
  project?: { id: string; name: string };
  /** The newest status change the snapshot knows of (ISO 8601). */
  lastChange?: string;
}

export type StatusFilter = 'all' | 'failed' | 'running' | 'succeeded';
export const statusFilters: readonly StatusFilter[] = ['all', 'failed', 'running', 'succeeded'];

const latest = (times: (string | undefined)[]): string | undefined =>
  times.reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);

/** When anything of the pipeline last changed: an action's status, or its newest execution. */
export function lastChangeOf(resource: SnapshotResource<'pipeline'>): string | undefined {
  const { state, executions } = resource.data;
  const actions = state?.stages.flatMap((s) => s.actions.map((a) => a.lastStatusChange)) ?? [];
  const newest = executions?.[0];
  return latest([...actions, newest?.lastUpdateTime, newest?.startTime]);
}

export function pipelineRows(
  snapshot: Snapshot,
  projects: readonly Pick<ProjectView, 'id' | 'name' | 'state' | 'members'>[],
): PipelineRow[] {
  return resourcesOfKind(snapshot, 'pipeline').map((resource) => {
    const holder = projectHolding(resource, projects);
    const project = projects.find((p) => p.id === holder);
    const lastChange = lastChangeOf(resource);
    return {
      id: resource.id,
      name: resource.data.summary.name,
      health: pipelineHealth(resource),
      ...(project ? { project: { id: project.id, name: project.name } } : {}),
      ...(lastChange !== undefined ? { lastChange } : {}),
    };
  });
}

function matchesStatus(status: RunStatus, filter: StatusFilter): boolean {
  return filter === 'all' || status === filter;
}

/** Failing first, then the most recently changed, then by name. */
export function comparePipelineRows(a: PipelineRow, b: PipelineRow): number {
  const failing = Number(b.health.status === 'failed') - Number(a.health.status === 'failed');
  if (failing !== 0) return failing;
  const changed = (b.lastChange ?? '').localeCompare(a.lastChange ?? '');
  return changed !== 0 ? changed : a.name.localeCompare(b.name);
}

/** The rows whose name (or project) contains `text`, case-insensitively, with the status asked for; sorted. */
export function shownRows(rows: readonly PipelineRow[], text: string, status: StatusFilter): PipelineRow[] {
  const needle = text.trim().toLowerCase();
  return rows
    .filter(
      (row) =>
        matchesStatus(row.health.status, status) &&
        (needle === '' ||
          row.name.toLowerCase().includes(needle) ||
          (row.project?.name.toLowerCase().includes(needle) ?? false)),
    )
    .sort(comparePipelineRows);
}

/** How many rows have each status the filter offers. */
export function statusCounts(rows: readonly PipelineRow[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: rows.length, failed: 0, running: 0, succeeded: 0 };
  for (const row of rows) {
    const status = row.health.status;
    if (status === 'failed' || status === 'running' || status === 'succeeded') counts[status] += 1;
  }
  return counts;
}

/** The row after (+1) or before (-1) the focused one, staying within the list. */
export function stepIndex(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}
