// The scheduler's own bookkeeping per task and per service+region lane.
import type { LaneThrottle } from './backoff';
import type { CadenceClass, OutcomeKind, RefreshTask, TaskFilter } from './types';

export interface Lane {
  readonly service: string;
  readonly region: string;
  /** The configured bound on runs at once. */
  readonly limit: number;
  running: number;
  runs: number;
  readonly throttle: LaneThrottle;
}

export interface TaskRecord {
  readonly spec: RefreshTask;
  readonly lane: Lane;
  /** Registration order: breaks ties between equal due times, so the queue stays FIFO. */
  readonly seq: number;
  cadence: CadenceClass;
  dueAt: number;
  /**
   * Set while `dueAt` is plain cadence (not a manual refresh, nudge, spread or
   * backoff), so that a visibility change can recompute it.
   */
  cadenceFrom?: { endedAt: number; jitter: number };
  running: boolean;
  /** A manual refresh or nudge arrived while running: run again this long after the run ends. */
  rerunDelay?: number;
  runs: number;
  consecutiveErrors: number;
  last?: { outcome: OutcomeKind; message?: string; startedAt: number; endedAt: number };
}

/** Oldest due first; registration order among equals. */
export function byDue(a: TaskRecord, b: TaskRecord): number {
  return a.dueAt - b.dueAt || a.seq - b.seq;
}

export function laneKey(service: string, region: string): string {
  return `${service}@${region}`;
}

/** Whether a task is selected by a `refreshNow` filter. */
export function matches(task: RefreshTask, filter: TaskFilter): boolean {
  return (
    (filter.keys === undefined || filter.keys.includes(task.key)) &&
    (filter.account === undefined || filter.account === task.account) &&
    (filter.service === undefined || filter.service === task.service) &&
    (filter.region === undefined || filter.region === task.region)
  );
}
