// Decides when each refresh task runs: cadence from the task's last result,
// jitter, single flight per key, bounded concurrency per service+region, and
// the backoffs (hidden window, throttling, offline, sleep, expired
// credentials). It never calls a provider itself; tasks do.
import { applyOutcome, bringForward, type RunContext } from './after-run';
import { LaneThrottle, OfflineState } from './backoff';
import { baseInterval, spreadTimes } from './cadence';
import type { SchedulerClock, TimerId } from './clock';
import { resolveConfig, type SchedulerConfig, type SchedulerOptions } from './config';
import { byDue, laneKey, matches, type Lane, type TaskRecord } from './records';
import { schedulerStats } from './snapshot';
import type {
  CadenceClass,
  RefreshNowResult,
  RefreshTask,
  RunOutcome,
  SchedulerStats,
  TaskFilter,
  Visibility,
} from './types';

export class RefreshScheduler {
  readonly #config: SchedulerConfig;
  readonly #clock: SchedulerClock;
  readonly #random: () => number;
  readonly #tasks = new Map<string, TaskRecord>();
  readonly #lanes = new Map<string, Lane>();
  readonly #pausedAccounts = new Set<string>();
  /** Keys with a run in flight, also of a record unregistered since: single flight survives re-registration. */
  readonly #inFlight = new Set<string>();
  readonly #offline = new OfflineState();
  /** The one task run while offline to learn whether the network is back. */
  #probe: TaskRecord | undefined;
  #visibility: Visibility = 'visible';
  #timer: { id: TimerId; at: number } | undefined;
  #lastResumeAt = Number.NEGATIVE_INFINITY;
  #seq = 0;
  #runs = 0;
  #stopped = false;
  /** The intervals before the user's cadence scale, and that scale. */
  readonly #baseIntervals: SchedulerConfig['intervals'];
  #scale = 1;

  constructor(options: SchedulerOptions) {
    this.#config = resolveConfig(options);
    this.#baseIntervals = { ...this.#config.intervals };
    this.#clock = options.clock;
    this.#random = options.random;
  }

  /** Adds a task; its first run lands somewhere in the first-run window. Keys are unique. */
  register(task: RefreshTask): void {
    if (this.#tasks.has(task.key)) throw new Error(`refresh task ${task.key} is already registered`);
    const now = this.#clock.now();
    this.#tasks.set(task.key, {
      spec: task,
      lane: this.#lane(task.service, task.region),
      seq: this.#seq++,
      cadence: task.cadence,
      dueAt: now + this.#random() * this.#config.firstRunSpreadMs,
      running: false,
      runs: 0,
      consecutiveErrors: 0,
    });
    this.#pump();
  }

  /** Removes a task; a run in flight finishes but is not followed by another. */
  unregister(key: string): boolean {
    const removed = this.#tasks.delete(key);
    if (removed) this.#pump();
    return removed;
  }

  /** Hidden stretches cadences (the tray is all the user sees); visible brings them back, staggered. */
  setVisibility(visibility: Visibility): void {
    if (visibility === this.#visibility) return;
    this.#visibility = visibility;
    this.#reschedule();
  }

  /**
   * The user's refresh cadence (Settings → Refresh): every base interval is
   * the configured one times `scale`; waiting tasks move to their new time at once.
   */
  setIntervalScale(scale: number): void {
    if (!(scale > 0)) throw new RangeError(`the interval scale must be positive: ${scale}`);
    if (scale === this.#scale) return;
    this.#scale = scale;
    for (const cadence of Object.keys(this.#baseIntervals) as CadenceClass[])
      this.#config.intervals[cadence] = this.#baseIntervals[cadence] * scale;
    this.#reschedule();
  }

  #reschedule(): void {
    const now = this.#clock.now();
    const overdue: TaskRecord[] = [];
    for (const task of this.#waiting()) {
      if (!task.cadenceFrom) continue;
      const { endedAt, jitter } = task.cadenceFrom;
      const dueAt =
        endedAt + baseInterval(this.#config, task.cadence, this.#visibility, task.consecutiveErrors) * jitter;
      if (dueAt <= now) overdue.push(task);
      else task.dueAt = dueAt;
    }
    this.#spread(overdue, now);
    this.#pump();
  }

  /** What the OS says about the network; a hint, so probing goes on while it says offline. */
  setOnline(online: boolean): void {
    const now = this.#clock.now();
    if (!online && !this.#offline.offline) this.#offline.failed(this.#config, now);
    if (online && this.#offline.offline) {
      this.#offline.clear();
      this.#spread(this.#overdue(now), now);
    }
    this.#pump();
  }

  /**
   * After a sleep: one refresh per task, spread over the spread window (R04).
   * The shell's power event and the scheduler's own late-timer detection may
   * both report one wake-up; the second report within the window is ignored.
   */
  onResume(): void {
    const now = this.#clock.now();
    if (now - this.#lastResumeAt < this.#config.spread.windowMs) {
      this.#pump();
      return;
    }
    this.#lastResumeAt = now;
    // The network may be back already: probe at once rather than at the backoff's time.
    if (this.#offline.offline) this.#offline.nextProbeAt = now;
    this.#spread([...this.#waiting()].sort(byDue), now);
    this.#pump();
  }

  /** After a new sign-in: the account's tasks run again, staggered. */
  resumeAccount(account: string): void {
    if (!this.#pausedAccounts.delete(account)) return;
    const now = this.#clock.now();
    this.#spread([...this.#waiting()].filter((t) => t.spec.account === account).sort(byDue), now);
    this.#pump();
  }

  /** A manual refresh: matching tasks are due now; running ones run once more when they end. */
  refreshNow(filter: TaskFilter = {}): RefreshNowResult {
    const now = this.#clock.now();
    const result: RefreshNowResult = { queued: [], rerun: [], paused: [] };
    for (const task of this.#tasks.values()) {
      if (!matches(task.spec, filter)) continue;
      if (this.#pausedAccounts.has(task.spec.account)) result.paused.push(task.spec.key);
      else if (task.running) {
        task.rerunDelay = 0;
        result.rerun.push(task.spec.key);
      } else {
        bringForward(task, now);
        result.queued.push(task.spec.key);
      }
    }
    // Offline, the user's click is the best moment to probe.
    if (result.queued.length > 0 && this.#offline.offline) this.#offline.nextProbeAt = now;
    this.#pump();
    return result;
  }

  /** A push source says this task's resource changed: due within the debounce window. */
  nudge(key: string): boolean {
    const task = this.#tasks.get(key);
    if (!task || this.#pausedAccounts.has(task.spec.account)) return false;
    const debounce = this.#config.nudgeDebounceMs;
    if (task.running) task.rerunDelay = Math.min(task.rerunDelay ?? debounce, debounce);
    else bringForward(task, this.#clock.now() + debounce);
    this.#pump();
    return true;
  }

  stats(): SchedulerStats {
    return schedulerStats({
      now: this.#clock.now(),
      visibility: this.#visibility,
      offline: this.#offline,
      pausedAccounts: this.#pausedAccounts,
      lanes: this.#lanes,
      tasks: this.#tasks,
      runs: this.#runs,
    });
  }

  /** Starts nothing more; runs in flight finish without a follow-up. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) this.#clock.clearTimeout(this.#timer.id);
    this.#timer = undefined;
  }

  #lane(service: string, region: string): Lane {
    const key = laneKey(service, region);
    let lane = this.#lanes.get(key);
    if (!lane) {
      const limit = this.#config.concurrency(service, region);
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency for ${key} must be ≥ 1: ${limit}`);
      lane = { service, region, limit, running: 0, runs: 0, throttle: new LaneThrottle() };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** Tasks that could start: no run of the key in flight, account not paused. */
  *#waiting(): Generator<TaskRecord> {
    for (const task of this.#tasks.values()) {
      if (!this.#inFlight.has(task.spec.key) && !this.#pausedAccounts.has(task.spec.account)) yield task;
    }
  }

  #overdue(now: number): TaskRecord[] {
    return [...this.#waiting()].filter((t) => t.dueAt <= now).sort(byDue);
  }

  #hasRoom(lane: Lane, now: number): boolean {
    return lane.throttle.until <= now && lane.running < lane.throttle.limit(lane.limit);
  }

  #runContext(): RunContext {
    return {
      config: this.#config,
      random: this.#random,
      visibility: this.#visibility,
      offline: this.#offline,
      pausedAccounts: this.#pausedAccounts,
    };
  }

  /** Gives `tasks` (oldest due first) staggered start times from now on. */
  #spread(tasks: readonly TaskRecord[], now: number): void {
    const times = spreadTimes(this.#config, this.#random, now, tasks.length);
    tasks.forEach((task, i) => {
      task.dueAt = times[i] ?? now;
      task.cadenceFrom = undefined;
    });
  }

  /** Starts what may start now, then sets the one timer for the next moment something may. */
  #pump(): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    if (this.#offline.offline) {
      const probe = this.#nextProbe();
      if (probe && probe.at <= now) {
        this.#probe = probe.task;
        this.#start(probe.task, now);
      }
    } else {
      for (const task of this.#overdue(now)) if (this.#hasRoom(task.lane, now)) this.#start(task, now);
    }
    this.#arm(now);
  }

  /**
   * Offline, any task will do as a probe: the one that may start soonest (its
   * lane has room and is not throttled), the oldest due among equals.
   */
  #nextProbe(): { task: TaskRecord; at: number } | undefined {
    if (this.#probe) return undefined;
    let best: { task: TaskRecord; at: number } | undefined;
    for (const task of [...this.#waiting()].sort(byDue)) {
      const { lane } = task;
      if (lane.running >= lane.throttle.limit(lane.limit)) continue;
      const at = Math.max(this.#offline.nextProbeAt, lane.throttle.until);
      if (!best || at < best.at) best = { task, at };
    }
    return best;
  }

  #arm(now: number): void {
    let at = Number.POSITIVE_INFINITY;
    if (this.#offline.offline) {
      at = this.#nextProbe()?.at ?? at;
    } else {
      for (const task of this.#waiting()) {
        // A full lane wakes the scheduler itself when one of its runs ends.
        if (task.lane.running >= task.lane.throttle.limit(task.lane.limit)) continue;
        at = Math.min(at, Math.max(task.dueAt, task.lane.throttle.until));
      }
    }
    if (this.#timer?.at === at) return;
    if (this.#timer) this.#clock.clearTimeout(this.#timer.id);
    this.#timer = undefined;
    if (at === Number.POSITIVE_INFINITY) return;
    const id = this.#clock.setTimeout(() => this.#onTimer(at), Math.max(0, at - now));
    this.#timer = { id, at };
  }

  #onTimer(at: number): void {
    this.#timer = undefined;
    // Fired far later than asked: the machine slept, and every task is overdue at once.
    if (this.#clock.now() - at > this.#config.sleepDetectMs) this.onResume();
    else this.#pump();
  }

  #start(task: TaskRecord, now: number): void {
    task.running = true;
    this.#inFlight.add(task.spec.key);
    task.rerunDelay = undefined;
    task.cadenceFrom = undefined;
    task.runs += 1;
    task.lane.running += 1;
    task.lane.runs += 1;
    this.#runs += 1;
    // Called from a microtask so that a task never runs inside register/refreshNow/nudge.
    void Promise.resolve()
      .then(() => task.spec.run())
      .catch((error: unknown): RunOutcome => ({ kind: 'error', message: messageOf(error) }))
      .then((outcome) => this.#finish(task, outcome, now));
  }

  #finish(task: TaskRecord, outcome: RunOutcome, startedAt: number): void {
    const now = this.#clock.now();
    task.running = false;
    this.#inFlight.delete(task.spec.key);
    task.lane.running -= 1;
    if (this.#probe === task) this.#probe = undefined;
    task.last = {
      outcome: outcome.kind,
      startedAt,
      endedAt: now,
      ...(outcome.kind === 'error' ? { message: outcome.message } : {}),
    };
    const current = this.#tasks.get(task.spec.key) === task;
    if (current && applyOutcome(this.#runContext(), task, outcome, startedAt, now)) {
      this.#spread(this.#overdue(now), now);
    }
    this.#pump();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
