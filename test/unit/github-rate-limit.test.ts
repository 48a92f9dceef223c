// The rate-limit rules of RELIABILITY G04/G05 as pure logic: which answers
// block the account and until when, the early stop at remaining 0, and the
// slow-down factor below the low-water mark.
import { describe, expect, it } from 'vitest';
import { RateLimitTracker } from '../../src/main/sources/github/rate-limit';

const start = Date.UTC(2026, 0, 15, 9);
function tracker(): { limits: RateLimitTracker; advance: (ms: number) => void } {
  let now = start;
  return { limits: new RateLimitTracker({ now: () => new Date(now) }), advance: (ms) => (now += ms) };
}
const reset = start / 1000 + 1800;
const core = (remaining: number, limit = 5000): Record<string, string> => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-used': String(limit - remaining),
  'x-ratelimit-reset': String(reset),
  'x-ratelimit-resource': 'core',
});

describe('RateLimitTracker', () => {
  it('records the window from successful answers, and ignores other resources', () => {
    const { limits } = tracker();
    expect(limits.observe(200, core(4200))).toBeUndefined();
    expect(limits.observe(200, { ...core(10, 30), 'x-ratelimit-resource': 'search' })).toBeUndefined();
    expect(limits.snapshot()).toEqual({
      limit: 5000,
      remaining: 4200,
      used: 800,
      resetAt: new Date(reset * 1000).toISOString(),
      slowDown: 1,
    });
    expect(limits.refusal()).toBeUndefined();
  });

  it('blocks until one second past the reset when the primary limit is used up', () => {
    const { limits, advance } = tracker();
    const problem = limits.observe(403, core(0), 'API rate limit exceeded for user ID 1.');
    const retryAt = new Date(reset * 1000 + 1000).toISOString();
    expect(problem).toMatchObject({ code: 'throttled', retryAt });
    expect(limits.refusal()).toMatchObject({ code: 'throttled', retryAt });
    expect(limits.snapshot()).toMatchObject({ blockedUntil: retryAt, blockedBy: 'primary' });
    advance(1800_000);
    expect(limits.refusal()).toBeDefined();
    advance(1000);
    expect(limits.refusal()).toBeUndefined();
    expect(limits.snapshot().blockedUntil).toBeUndefined();
  });

  it('blocks after the last request of the window even though it succeeded', () => {
    const { limits } = tracker();
    expect(limits.observe(200, core(0))).toBeUndefined();
    expect(limits.refusal()).toMatchObject({ code: 'throttled' });
    const { limits: other } = tracker();
    other.observe(304, core(0));
    expect(other.refusal()).toBeDefined();
  });

  it('honours retry-after, else waits a minute on a secondary limit (403 or 429)', () => {
    const a = tracker();
    expect(a.limits.observe(429, { ...core(4000), 'retry-after': '45' })).toMatchObject({
      retryAt: new Date(start + 45_000).toISOString(),
    });
    expect(a.limits.snapshot().blockedBy).toBe('secondary');
    const b = tracker();
    expect(b.limits.observe(403, core(4000), 'You have exceeded a secondary rate limit.')).toMatchObject({
      retryAt: new Date(start + 60_000).toISOString(),
    });
    const c = tracker();
    expect(c.limits.observe(429, {})).toMatchObject({ retryAt: new Date(start + 60_000).toISOString() });
    // A plain 403 is no rate limit.
    const d = tracker();
    expect(d.limits.observe(403, core(4000), 'Resource not accessible by personal access token')).toBeUndefined();
    expect(d.limits.refusal()).toBeUndefined();
  });

  it('never shortens a block', () => {
    const { limits } = tracker();
    limits.observe(403, core(0));
    limits.observe(429, { 'retry-after': '5' });
    expect(limits.snapshot()).toMatchObject({ blockedBy: 'primary' });
  });

  it('slows down below a tenth of the limit, up to eight times, and for a while after a secondary limit', () => {
    const { limits, advance } = tracker();
    const at = (remaining: number): number => {
      limits.observe(200, core(remaining));
      return limits.slowDown();
    };
    expect([at(4000), at(500), at(250), at(100), at(20), at(1)]).toEqual([1, 1, 2, 5, 8, 8]);
    at(4000);
    limits.observe(429, { 'retry-after': '10' });
    advance(10_000);
    expect(limits.refusal()).toBeUndefined();
    expect(limits.slowDown()).toBe(2);
    advance(10 * 60_000);
    expect(limits.slowDown()).toBe(1);
  });
});
