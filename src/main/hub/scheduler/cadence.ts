// Pure timing rules: how long a task waits after a run, and how a crowd of
// overdue tasks is spread out so that nothing starts in a burst.
import type { SchedulerConfig } from './config';
import type { CadenceClass, Visibility } from './types';

/** A jitter factor in [1 - jitter, 1 + jitter], so accounts with the same cadence drift apart. */
export function jitterFactor(config: SchedulerConfig, random: () => number): number {
  return 1 + (2 * random() - 1) * config.jitter;
}

/** The error multiplier: 2^errors, capped; 1 when the last run did not fail. */
export function errorMultiplier(config: SchedulerConfig, consecutiveErrors: number): number {
  return Math.min(2 ** consecutiveErrors, config.maxErrorMultiplier);
}

/** The wait after a run of this class, before jitter. */
export function baseInterval(
  config: SchedulerConfig,
  cadence: CadenceClass,
  visibility: Visibility,
  consecutiveErrors: number,
): number {
  const hidden = visibility === 'hidden' ? config.hiddenMultipliers[cadence] : 1;
  return config.intervals[cadence] * hidden * errorMultiplier(config, consecutiveErrors);
}

/**
 * Start times for `count` tasks that all want to run now: slots `gapMs`
 * apart, squeezed into `windowMs` when there are many, each at a random
 * point inside its slot. Slot i never precedes slot i-1, so the order of the
 * input (oldest due first) is kept.
 */
export function spreadTimes(config: SchedulerConfig, random: () => number, now: number, count: number): number[] {
  const window = Math.min(config.spread.windowMs, count * config.spread.gapMs);
  const slot = count === 0 ? 0 : window / count;
  return Array.from({ length: count }, (_, i) => now + slot * (i + random()));
}

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a
 * uniform wait under an exponentially growing ceiling, so tasks that were
 * throttled together do not come back together.
 */
export function fullJitterBackoff(
  backoff: { baseMs: number; maxMs: number },
  attempt: number,
  random: () => number,
): { ceiling: number; delay: number } {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return { ceiling, delay: random() * ceiling };
}
