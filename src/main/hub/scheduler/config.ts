// The scheduler's knobs and their defaults, with the reasoning behind each
// number; tests and the bench override them.
import type { RefreshCadence } from '../../../shared/model';
import type { SchedulerClock } from './clock';
import type { CadenceClass } from './types';

export interface SchedulerOptions {
  clock: SchedulerClock;
  /** A float in [0, 1); seeded in tests so a scenario replays exactly. */
  random: () => number;
  /** Runs at once per service+region: a number, or chosen per lane. */
  concurrency?: number | ((service: string, region: string) => number);
  /** Base interval per class in ms, before jitter. */
  intervals?: Partial<Record<CadenceClass, number>>;
  /** Interval multipliers while the window is hidden and only the tray shows state. */
  hiddenMultipliers?: Partial<Record<CadenceClass, number>>;
  /** Each interval is scaled by a factor drawn from [1 - jitter, 1 + jitter]. */
  jitter?: number;
  /** Per-lane backoff on throttling: full jitter under min(maxMs, baseMs * 2^(attempt-1)). */
  throttle?: { baseMs?: number; maxMs?: number };
  /** The global offline backoff between probes: baseMs doubling up to maxMs. */
  offline?: { baseMs?: number; maxMs?: number };
  /** Staggering after resume, reconnect or re-sign-in: slots gapMs apart, over at most windowMs. */
  spread?: { windowMs?: number; gapMs?: number };
  /** Errors in a row double a task's interval, up to this multiplier. */
  maxErrorMultiplier?: number;
  /** A new task's first run lands at a random point in this window, so registering many is no burst. */
  firstRunSpreadMs?: number;
  /** Nudges for one task within this window coalesce into one run. */
  nudgeDebounceMs?: number;
  /** A timer firing this late means the machine slept: treated as `onResume()`. */
  sleepDetectMs?: number;
}

export interface SchedulerConfig {
  concurrency: (service: string, region: string) => number;
  intervals: Record<CadenceClass, number>;
  hiddenMultipliers: Record<CadenceClass, number>;
  jitter: number;
  throttle: { baseMs: number; maxMs: number };
  offline: { baseMs: number; maxMs: number };
  spread: { windowMs: number; gapMs: number };
  maxErrorMultiplier: number;
  firstRunSpreadMs: number;
  nudgeDebounceMs: number;
  sleepDetectMs: number;
}

export const defaultConfig: SchedulerConfig = {
  concurrency: () => 4,
  // With ±7 % jitter: running 7.0-8.0 s (issue 4: 5-10 s), idle 60.5-69.6 s (issue 4: 60 s or slower; issue 10:
  // a change to something idle noticed within 70 s), definitions ~15 min.
  intervals: { running: 7_500, idle: 65_000, definitions: 15 * 60_000 },
  // Hidden, a running build still matters (the tray shows it) but the user is not watching every step.
  hiddenMultipliers: { running: 2, idle: 3, definitions: 2 },
  jitter: 0.07,
  // AWS SDK calls reach us after the SDK's own 3 attempts, and awsProblem already asks for 30 s: start at 5 s.
  throttle: { baseMs: 5_000, maxMs: 5 * 60_000 },
  offline: { baseMs: 5_000, maxMs: 5 * 60_000 },
  // At most ~4 starts a second on average, and everything within 30 s.
  spread: { windowMs: 30_000, gapMs: 250 },
  maxErrorMultiplier: 16,
  firstRunSpreadMs: 5_000,
  nudgeDebounceMs: 1_000,
  sleepDetectMs: 60_000,
};

/**
 * Settings → Refresh: the factor on every base interval. Fast (running ~4.5 s,
 * idle ~40 s) is for watching a release and costs that many more API calls;
 * relaxed halves them.
 */
export const cadenceScales: Record<RefreshCadence, number> = { relaxed: 2, normal: 1, fast: 0.6 };

export function resolveConfig(options: SchedulerOptions): SchedulerConfig {
  const { concurrency } = options;
  const config: SchedulerConfig = {
    concurrency:
      concurrency === undefined
        ? defaultConfig.concurrency
        : typeof concurrency === 'number'
          ? () => concurrency
          : concurrency,
    intervals: { ...defaultConfig.intervals, ...options.intervals },
    hiddenMultipliers: { ...defaultConfig.hiddenMultipliers, ...options.hiddenMultipliers },
    jitter: options.jitter ?? defaultConfig.jitter,
    throttle: { ...defaultConfig.throttle, ...options.throttle },
    offline: { ...defaultConfig.offline, ...options.offline },
    spread: { ...defaultConfig.spread, ...options.spread },
    maxErrorMultiplier: options.maxErrorMultiplier ?? defaultConfig.maxErrorMultiplier,
    firstRunSpreadMs: options.firstRunSpreadMs ?? defaultConfig.firstRunSpreadMs,
    nudgeDebounceMs: options.nudgeDebounceMs ?? defaultConfig.nudgeDebounceMs,
    sleepDetectMs: options.sleepDetectMs ?? defaultConfig.sleepDetectMs,
  };
  if (config.jitter < 0 || config.jitter >= 1) throw new RangeError(`jitter must be in [0, 1): ${config.jitter}`);
  for (const [name, ms] of Object.entries(config.intervals)) {
    if (!(ms > 0)) throw new RangeError(`the ${name} interval must be positive: ${ms}`);
  }
  return config;
}
