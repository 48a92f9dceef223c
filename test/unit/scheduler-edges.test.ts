// Refresh scheduler (issue 5), its edges: source problems turned into run
// outcomes, the virtual clock the tests stand on, and the system clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outcomeFromProblems, systemClock, VirtualClock } from '../../src/main/hub/scheduler';
import type { SourceProblem } from '../../src/shared/sources';

const problem = (code: SourceProblem['code'], retryAt?: string): SourceProblem => ({
  code,
  message: `${code} happened`,
  ...(retryAt ? { retryAt } : {}),
});

describe('outcomeFromProblems: what a source read means for the schedule', () => {
  it('is ok with the cadence the data calls for when nothing failed', () => {
    expect(outcomeFromProblems({ cadence: 'running' })).toEqual({ kind: 'ok', cadence: 'running' });
    expect(outcomeFromProblems({ cadence: 'idle', problems: [] })).toEqual({ kind: 'ok', cadence: 'idle' });
  });

  it('leaves per-item problems of other kinds to the item: the read is still ok', () => {
    const problems = [problem('access-denied'), problem('not-found'), problem('internal')];
    expect(outcomeFromProblems({ cadence: 'idle', problems })).toEqual({ kind: 'ok', cadence: 'idle' });
  });

  it('is an error when the read failed as a whole', () => {
    expect(outcomeFromProblems({ cadence: 'idle', problem: problem('internal') })).toEqual({
      kind: 'error',
      message: 'internal happened',
    });
  });

  it('is throttled when any call was, with the latest retryAt the provider gave', () => {
    const problems = [
      problem('throttled', '2026-01-15T09:00:30.000Z'),
      problem('throttled', '2026-01-15T09:01:00.000Z'),
      problem('throttled'),
      problem('access-denied'),
    ];
    expect(outcomeFromProblems({ cadence: 'running', problems })).toEqual({
      kind: 'throttled',
      retryAt: Date.UTC(2026, 0, 15, 9, 1, 0),
    });
    expect(outcomeFromProblems({ cadence: 'idle', problem: problem('throttled') })).toEqual({ kind: 'throttled' });
  });

  it('ranks expired credentials over throttling over offline', () => {
    const all = [problem('offline'), problem('throttled'), problem('credentials-expired')];
    expect(outcomeFromProblems({ cadence: 'idle', problems: all })).toEqual({ kind: 'credentials-expired' });
    expect(outcomeFromProblems({ cadence: 'idle', problems: all.slice(0, 2) }).kind).toBe('throttled');
    expect(outcomeFromProblems({ cadence: 'idle', problem: problem('offline') })).toEqual({ kind: 'offline' });
  });
});

describe('VirtualClock', () => {
  it('fires timers in due order, each at its own time, and settles promises in between', async () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => {
      seen.push(`a@${clock.now()}`);
      void Promise.resolve().then(() => clock.setTimeout(() => seen.push(`c@${clock.now()}`), 5));
    }, 10);
    const cancelled = clock.setTimeout(() => seen.push('never'), 12);
    clock.clearTimeout(cancelled);
    await clock.advance(30);
    expect(seen).toEqual(['a@10', 'c@15', 'b@20']);
    expect(clock.now()).toBe(30);
    expect(clock.pending).toBe(0);
  });

  it('fires overdue timers late after a jump, as after a sleep', async () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 1_000);
    await clock.jump(60_000);
    expect(seen).toEqual([60_000]);
  });

  it('refuses to go back in time', async () => {
    await expect(new VirtualClock(0).advance(-1)).rejects.toThrow(/cannot advance/);
  });
});

describe('systemClock (Vitest fake timers)', () => {
  afterEach(() => vi.useRealTimers());

  it('runs and clears timers, clamps delays Node would misread, and reads the wall clock', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 15) });
    const clock = systemClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('soon'), 1_000);
    const cleared = clock.setTimeout(() => fired.push('cleared'), 500);
    clock.clearTimeout(cleared);
    clock.setTimeout(() => fired.push('far'), 2 ** 40);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['soon']);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 15) + 1_000);
    vi.advanceTimersByTime(2 ** 31);
    expect(fired).toEqual(['soon', 'far']);
  });
});
