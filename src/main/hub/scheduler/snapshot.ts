// Plain-data views of the scheduler's state for the bench and the UI.
import type { OfflineState } from './backoff';
import type { Lane, TaskRecord } from './records';
import type { LaneSnapshot, SchedulerStats, TaskSnapshot, Visibility } from './types';

export function laneSnapshot(lane: Lane): LaneSnapshot {
  const { service, region, running, runs, throttle } = lane;
  return {
    service,
    region,
    limit: throttle.limit(lane.limit),
    running,
    runs,
    ...(throttle.active ? { throttle: { attempt: throttle.attempt, until: throttle.until } } : {}),
  };
}

export function taskSnapshot(task: TaskRecord, paused: boolean, offline: OfflineState): TaskSnapshot {
  const { key, account, service, region } = task.spec;
  const status = task.running ? 'running' : paused ? 'paused' : 'scheduled';
  const { throttle } = task.lane;
  const backoff: TaskSnapshot['backoff'] = throttle.active
    ? { reason: 'throttled', until: throttle.until }
    : offline.offline
      ? { reason: 'offline', until: offline.nextProbeAt }
      : task.consecutiveErrors > 0
        ? { reason: 'errors', until: status === 'scheduled' ? task.dueAt : null }
        : undefined;
  const last = task.last;
  return {
    key,
    account,
    service,
    region,
    cadence: task.cadence,
    status,
    nextDueAt: status === 'scheduled' ? task.dueAt : null,
    runs: task.runs,
    consecutiveErrors: task.consecutiveErrors,
    ...(last
      ? {
          lastOutcome: last.outcome,
          lastStartedAt: last.startedAt,
          lastEndedAt: last.endedAt,
          ...(last.message === undefined ? {} : { lastMessage: last.message }),
        }
      : {}),
    ...(backoff ? { backoff } : {}),
  };
}

export interface SchedulerState {
  now: number;
  visibility: Visibility;
  offline: OfflineState;
  pausedAccounts: ReadonlySet<string>;
  lanes: ReadonlyMap<string, Lane>;
  tasks: ReadonlyMap<string, TaskRecord>;
  runs: number;
}

export function schedulerStats(state: SchedulerState): SchedulerStats {
  const { offline, pausedAccounts } = state;
  const lanes = [...state.lanes.values()];
  const since = offline.since;
  return {
    now: state.now,
    visibility: state.visibility,
    online: !offline.offline,
    ...(since === undefined ? {} : { offline: { since, attempt: offline.attempt, nextProbeAt: offline.nextProbeAt } }),
    pausedAccounts: [...pausedAccounts],
    running: lanes.reduce((sum, lane) => sum + lane.running, 0),
    runs: state.runs,
    lanes: lanes.map(laneSnapshot),
    tasks: [...state.tasks.values()].map((t) => taskSnapshot(t, pausedAccounts.has(t.spec.account), offline)),
  };
}
