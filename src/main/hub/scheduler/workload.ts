// Scripted refresh tasks on virtual time, with a log of every run: how the
// unit tests and the bench see what the scheduler did (who ran when, for how
// long, how many at once) without a provider behind it.
import type { SchedulerOptions } from './config';
import { RefreshScheduler } from './scheduler';
import type { RefreshTask, RunOutcome } from './types';
import { VirtualClock } from './virtual-clock';

export interface ScriptedRun {
  durationMs: number;
  outcome: RunOutcome;
}

/** The `run`-th run (0-based) of `key`, started at `now`: how long it takes and what it reports. */
export type Script = (run: number, now: number, key: string) => ScriptedRun;

export interface RunRecord {
  key: string;
  account: string;
  service: string;
  region: string;
  startedAt: number;
  endedAt?: number;
  outcome?: RunOutcome;
}

export type TaskShape = Omit<RefreshTask, 'run'>;

export class Workload {
  readonly log: RunRecord[] = [];
  readonly #clock: VirtualClock;
  readonly #inFlight = new Set<RunRecord>();
  readonly #startListeners: ((record: RunRecord, inFlight: ReadonlySet<RunRecord>) => void)[] = [];

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  /** A task whose runs follow `script`, each taking its duration in virtual time. */
  task(shape: TaskShape, script: Script): RefreshTask {
    let runs = 0;
    return {
      ...shape,
      run: () => {
        const record: RunRecord = {
          key: shape.key,
          account: shape.account,
          service: shape.service,
          region: shape.region,
          startedAt: this.#clock.now(),
        };
        const { durationMs, outcome } = script(runs++, record.startedAt, shape.key);
        this.log.push(record);
        this.#inFlight.add(record);
        for (const listener of this.#startListeners) listener(record, this.#inFlight);
        return new Promise<RunOutcome>((resolve) => {
          this.#clock.setTimeout(() => {
            this.#inFlight.delete(record);
            record.endedAt = this.#clock.now();
            record.outcome = outcome;
            resolve(outcome);
          }, durationMs);
        });
      },
    };
  }

  /** Called as each run starts, with every run then in flight (itself included): where invariants are checked. */
  onStart(listener: (record: RunRecord, inFlight: ReadonlySet<RunRecord>) => void): void {
    this.#startListeners.push(listener);
  }

  get inFlight(): ReadonlySet<RunRecord> {
    return this.#inFlight;
  }

  /** Start times of one task's runs, oldest first. */
  starts(key: string): number[] {
    return this.log.filter((r) => r.key === key).map((r) => r.startedAt);
  }

  /** Runs started in [from, to). */
  startedBetween(from: number, to: number): RunRecord[] {
    return this.log.filter((r) => r.startedAt >= from && r.startedAt < to);
  }

  /** The most runs started within any one whole second of [from, to), seconds counted from `from`. */
  peakStartsPerSecond(from: number, to: number): number {
    const perSecond = new Map<number, number>();
    for (const r of this.startedBetween(from, to)) {
      const second = Math.floor((r.startedAt - from) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    return Math.max(0, ...perSecond.values());
  }
}

/** The same run every time. */
export function always(outcome: RunOutcome, durationMs = 500): Script {
  return () => ({ durationMs, outcome });
}

/** A scheduler on a fresh virtual clock with a workload to log its runs. */
export function rehearsal(options: Omit<SchedulerOptions, 'clock'>, start?: number) {
  const clock = new VirtualClock(start);
  const scheduler = new RefreshScheduler({ clock, ...options });
  return { clock, scheduler, work: new Workload(clock), start: clock.now() };
}
