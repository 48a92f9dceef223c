// The two shared backoffs: one per service+region for throttling, one for the
// whole app while offline. Both count a failure only from a run that started
// after the current episode began, so the runs already in flight when trouble
// started do not escalate it (that is what keeps many tasks from storming).
import type { SchedulerConfig } from './config';
import { fullJitterBackoff } from './cadence';

/** Throttling state of one service+region lane. */
/** The longest a provider may ask a lane to wait: GitHub's primary rate limit resets within the hour. */
export const longestProviderWaitMs = 65 * 60_000;

export class LaneThrottle {
  /** 0 when healthy; the number of escalations otherwise. */
  attempt = 0;
  /** No run of the lane starts before this time (epoch ms). */
  until = 0;
  #since = Number.NEGATIVE_INFINITY;

  get active(): boolean {
    return this.attempt > 0;
  }

  /** Records a throttled run; returns the time the lane may run again. */
  throttled(config: SchedulerConfig, random: () => number, now: number, startedAt: number, retryAt?: number): number {
    const sameEpisode = this.active && startedAt < this.#since;
    if (!sameEpisode) {
      this.attempt += 1;
      this.#since = now;
      this.until = Math.max(this.until, now + fullJitterBackoff(config.throttle, this.attempt, random).delay);
    }
    // The provider's own word (Retry-After, x-ratelimit-reset) holds, up to an hour and a bit (GitHub's
    // longest reset): a time read from another clock, or a bogus header, must not park the lane for a day.
    if (retryAt !== undefined) this.until = Math.max(this.until, Math.min(retryAt, now + longestProviderWaitMs));
    return this.until;
  }

  /** The service answered without throttling a run started after the lane backed off: healthy again. */
  answered(startedAt: number): void {
    if (this.active && startedAt >= this.#since) {
      this.attempt = 0;
      this.until = 0;
      this.#since = Number.NEGATIVE_INFINITY;
    }
  }

  /**
   * While recovering the lane runs one task at a time: the first answer tells
   * whether the throttling is over before the rest of the queue follows.
   */
  limit(configured: number): number {
    return this.active ? 1 : configured;
  }
}

/** The app-wide offline state: while set, only one probe run at a time, spaced by a doubling backoff. */
export class OfflineState {
  #since: number | undefined;
  attempt = 0;
  nextProbeAt = 0;

  get offline(): boolean {
    return this.#since !== undefined;
  }

  get since(): number | undefined {
    return this.#since;
  }

  /** A run started at `startedAt` (or the app itself, without one) says the network is gone. */
  failed(config: SchedulerConfig, now: number, startedAt?: number): void {
    if (this.#since !== undefined && startedAt !== undefined && startedAt < this.#since) return;
    this.#since ??= now;
    this.attempt += 1;
    this.nextProbeAt = now + Math.min(config.offline.maxMs, config.offline.baseMs * 2 ** (this.attempt - 1));
  }

  /** A run started at `startedAt` reached a provider; true when that ends the offline state. */
  reached(startedAt: number): boolean {
    if (this.#since === undefined || startedAt < this.#since) return false;
    this.clear();
    return true;
  }

  clear(): void {
    this.#since = undefined;
    this.attempt = 0;
    this.nextProbeAt = 0;
  }
}
