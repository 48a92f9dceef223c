// The account's rate limits as GitHub reports them in every answer, and the
// rule that follows from them: once GitHub says stop (primary limit used up,
// or a secondary limit with or without retry-after), no request is sent for
// this account before the time it named (RELIABILITY G04, G05); when the
// primary limit runs low, a slow-down factor the scheduler can apply.
import type { GitHubRateLimit } from '../../../shared/github';
import type { SourceProblem } from '../../../shared/sources';

export type Headers = Record<string, string | number | undefined>;

export interface RateLimitOptions {
  now: () => Date;
  /** Below this share of the limit, `slowDown` rises above 1 (default 0.1). */
  lowWater?: number;
  /** The largest slow-down factor (default 8). */
  maxSlowDown?: number;
}

/** GitHub's advice when a secondary limit names no retry-after: wait at least a minute. */
const secondaryDefaultMs = 60_000;
/** One second past x-ratelimit-reset, so a clock a little behind GitHub's does not hit the old window. */
const resetMarginMs = 1000;
/** After a secondary limit, refresh at half speed for this long (G05 "poll interval lengthened"). */
const secondaryCoolDownMs = 10 * 60_000;

const secondaryMessage = /secondary rate limit|abuse detection/i;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return value === undefined ? undefined : String(value);
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

export class RateLimitTracker {
  #limit: number | undefined;
  #remaining: number | undefined;
  #used: number | undefined;
  #resetMs: number | undefined;
  #blockedUntilMs: number | undefined;
  #blockedBy: 'primary' | 'secondary' | undefined;
  #coolDownUntilMs = 0;
  readonly #now: () => Date;
  readonly #lowWater: number;
  readonly #maxSlowDown: number;

  constructor(options: RateLimitOptions) {
    this.#now = options.now;
    this.#lowWater = options.lowWater ?? 0.1;
    this.#maxSlowDown = options.maxSlowDown ?? 8;
  }

  /**
   * Reads an answer's rate-limit headers. For a 403/429 that is a rate limit,
   * blocks the account and returns the throttled problem; otherwise undefined.
   */
  observe(status: number, headers: Headers, message = ''): SourceProblem | undefined {
    const resource = header(headers, 'x-ratelimit-resource');
    const remaining = integer(header(headers, 'x-ratelimit-remaining'));
    const reset = integer(header(headers, 'x-ratelimit-reset'));
    // Search and GraphQL have windows of their own; only the core window paces Starboard's REST reads.
    if (resource === undefined || resource === 'core') {
      this.#limit = integer(header(headers, 'x-ratelimit-limit')) ?? this.#limit;
      this.#used = integer(header(headers, 'x-ratelimit-used')) ?? this.#used;
      this.#remaining = remaining ?? this.#remaining;
      if (reset !== undefined) this.#resetMs = reset * 1000;
    }
    const now = this.#now().getTime();
    const retryAfter = integer(header(headers, 'retry-after'));
    const limited = status === 429 || status === 403;
    if (limited && retryAfter !== undefined) return this.#block(now + retryAfter * 1000, 'secondary', now);
    if (limited && remaining === 0 && reset !== undefined) return this.#block(reset * 1000 + resetMarginMs, 'primary');
    if (status === 429 || (status === 403 && secondaryMessage.test(message)))
      return this.#block(now + secondaryDefaultMs, 'secondary', now);
    // The last request of the window succeeded: the next one would be refused, so do not send it.
    if (status < 400 && remaining === 0 && reset !== undefined) this.#block(reset * 1000 + resetMarginMs, 'primary');
    return undefined;
  }

  /** The throttled problem while the account is blocked, else undefined. */
  refusal(): SourceProblem | undefined {
    const until = this.#blockedUntilMs;
    if (until === undefined) return undefined;
    if (this.#now().getTime() >= until) {
      this.#blockedUntilMs = undefined;
      this.#blockedBy = undefined;
      return undefined;
    }
    return throttled(until, this.#blockedBy ?? 'primary');
  }

  snapshot(): GitHubRateLimit {
    this.refusal();
    const iso = (ms: number | undefined): string | undefined =>
      ms === undefined ? undefined : new Date(ms).toISOString();
    const out: GitHubRateLimit = { slowDown: this.slowDown() };
    if (this.#limit !== undefined) out.limit = this.#limit;
    if (this.#remaining !== undefined) out.remaining = this.#remaining;
    if (this.#used !== undefined) out.used = this.#used;
    const resetAt = iso(this.#resetMs);
    if (resetAt !== undefined) out.resetAt = resetAt;
    const blockedUntil = iso(this.#blockedUntilMs);
    if (blockedUntil !== undefined && this.#blockedBy !== undefined) {
      out.blockedUntil = blockedUntil;
      out.blockedBy = this.#blockedBy;
    }
    return out;
  }

  /**
   * 1 while more than `lowWater` of the primary limit is left; below it,
   * rises as the remainder shrinks (twice as slow at half the low-water mark),
   * so the requests left last until the window resets. At least 2 for a while
   * after a secondary limit.
   */
  slowDown(): number {
    const afterSecondary = this.#now().getTime() < this.#coolDownUntilMs ? 2 : 1;
    if (this.#limit === undefined || this.#remaining === undefined || this.#limit === 0) return afterSecondary;
    const mark = this.#limit * this.#lowWater;
    if (this.#remaining >= mark) return afterSecondary;
    const factor = Math.min(this.#maxSlowDown, mark / Math.max(1, this.#remaining));
    return Math.max(afterSecondary, Math.round(factor * 100) / 100);
  }

  #block(untilMs: number, by: 'primary' | 'secondary', now?: number): SourceProblem {
    // A later block never shortens an earlier one.
    if (this.#blockedUntilMs === undefined || untilMs > this.#blockedUntilMs) {
      this.#blockedUntilMs = untilMs;
      this.#blockedBy = by;
    }
    if (by === 'secondary' && now !== undefined) this.#coolDownUntilMs = untilMs + secondaryCoolDownMs;
    return throttled(this.#blockedUntilMs, this.#blockedBy ?? by);
  }
}

function throttled(untilMs: number, by: 'primary' | 'secondary'): SourceProblem {
  const retryAt = new Date(untilMs).toISOString();
  const message =
    by === 'primary'
      ? `GitHub's hourly request limit for this account is used up; Starboard waits until ${retryAt} before asking again.`
      : `GitHub asked Starboard to slow down (secondary rate limit); it waits until ${retryAt} before asking again.`;
  return { code: 'throttled', message, retryAt };
}
