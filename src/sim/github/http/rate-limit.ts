// The primary rate limit (per user per hour, 60 per hour without a token) and
// on-demand secondary limits. Windows follow the simulator's clock, so a test
// can move past `x-ratelimit-reset` by advancing it.
import type { SimClock } from '../../clock';

export const authenticatedLimit = 5000;
export const anonymousLimit = 60;
const windowMs = 60 * 60 * 1000;

export interface RateLimitState {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds at which the window resets. */
  reset: number;
}

interface Bucket {
  limit: number;
  used: number;
  resetAtMs: number;
}

export class PrimaryRateLimits {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly clock: SimClock) {}

  #bucket(key: string, limit: number): Bucket {
    const now = this.clock.now();
    let bucket = this.#buckets.get(key);
    if (!bucket || now >= bucket.resetAtMs) {
      bucket = { limit, used: 0, resetAtMs: now + windowMs };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  state(key: string, limit: number): RateLimitState {
    const b = this.#bucket(key, limit);
    return {
      limit: b.limit,
      used: b.used,
      remaining: Math.max(0, b.limit - b.used),
      reset: Math.ceil(b.resetAtMs / 1000),
    };
  }

  /** Counts one request against the key's window. */
  spend(key: string, limit: number): void {
    this.#bucket(key, limit).used += 1;
  }

  /** Leaves `remaining` requests in the current window (0 exhausts it). */
  setRemaining(key: string, limit: number, remaining: number): void {
    const b = this.#bucket(key, limit);
    b.used = Math.max(0, b.limit - Math.max(0, Math.floor(remaining)));
  }

  headers(state: RateLimitState, resource = 'core'): Record<string, string> {
    return {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-reset': String(state.reset),
      'x-ratelimit-resource': resource,
    };
  }
}

export interface SecondaryLimitRule {
  /** An operationId such as 'actions/list-workflow-runs-for-repo'; omitted = every route. */
  operation?: string;
  /** GitHub answers secondary limits with 403 or 429; the simulator defaults to 429. */
  status?: 403 | 429;
  /** Seconds in `retry-after`; null sends no header (clients then wait a minute). Default 60. */
  retryAfterSeconds?: number | null;
  /** Apply to this many matching requests, then retire. */
  times?: number;
}

export class SecondaryRateLimits {
  readonly #rules = new Map<number, SecondaryLimitRule & { used: number }>();
  #next = 1;

  add(rule: SecondaryLimitRule): () => void {
    const id = this.#next++;
    this.#rules.set(id, { ...rule, used: 0 });
    return () => this.#rules.delete(id);
  }

  clear(): void {
    this.#rules.clear();
  }

  /** The rule that limits this request, if any (and counts the use). */
  match(operation: string): SecondaryLimitRule | undefined {
    for (const [id, rule] of this.#rules) {
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      rule.used += 1;
      if (rule.times !== undefined && rule.used >= rule.times) this.#rules.delete(id);
      return rule;
    }
    return undefined;
  }
}

export const secondaryLimitMessage =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';
export const secondaryLimitDocs =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';
export const primaryLimitDocs =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits';
