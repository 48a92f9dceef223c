// What one run's outcome does to its task, its lane and the whole app: the
// next due time from the cadence, the error, throttling and offline
// backoffs, and the account pause on expired credentials.
import type { OfflineState } from './backoff';
import { baseInterval, jitterFactor } from './cadence';
import type { SchedulerConfig } from './config';
import type { TaskRecord } from './records';
import type { RunOutcome, Visibility } from './types';

export interface RunContext {
  readonly config: SchedulerConfig;
  readonly random: () => number;
  readonly visibility: Visibility;
  readonly offline: OfflineState;
  readonly pausedAccounts: Set<string>;
}

/** Next due from the cadence class, the window's visibility and the errors in a row, jittered. */
export function scheduleCadence(ctx: RunContext, task: TaskRecord, now: number): void {
  const jitter = jitterFactor(ctx.config, ctx.random);
  task.dueAt = now + baseInterval(ctx.config, task.cadence, ctx.visibility, task.consecutiveErrors) * jitter;
  task.cadenceFrom = { endedAt: now, jitter };
}

/** Brings a task's due time forward (never back); it is then no longer plain cadence. */
export function bringForward(task: TaskRecord, dueAt: number): void {
  if (task.dueAt <= dueAt) return;
  task.dueAt = dueAt;
  task.cadenceFrom = undefined;
}

/**
 * Applies a finished run started at `startedAt`. Returns true when the run
 * ended an offline spell (the caller then staggers everything overdue).
 */
export function applyOutcome(
  ctx: RunContext,
  task: TaskRecord,
  outcome: RunOutcome,
  startedAt: number,
  now: number,
): boolean {
  switch (outcome.kind) {
    case 'ok':
    case 'error':
      if (outcome.kind === 'ok') task.cadence = outcome.cadence;
      task.consecutiveErrors = outcome.kind === 'ok' ? 0 : task.consecutiveErrors + 1;
      // An error is still an answer: the service is not throttling this lane.
      task.lane.throttle.answered(startedAt);
      scheduleCadence(ctx, task, now);
      if (task.rerunDelay !== undefined) bringForward(task, now + task.rerunDelay);
      break;
    case 'throttled':
      task.lane.throttle.throttled(ctx.config, ctx.random, now, startedAt, outcome.retryAt);
      task.dueAt = now; // the data is stale: first in line once the lane opens again
      break;
    case 'offline':
      ctx.offline.failed(ctx.config, now, startedAt);
      task.dueAt = now;
      break;
    case 'credentials-expired':
      ctx.pausedAccounts.add(task.spec.account);
      task.dueAt = now;
      break;
  }
  task.rerunDelay = undefined;
  // Anything but `offline` means a provider answered a run started after the outage began.
  return outcome.kind !== 'offline' && ctx.offline.reached(startedAt);
}
