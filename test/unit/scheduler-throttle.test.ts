// Refresh scheduler (issue 5; RELIABILITY A09, G04, G05): throttling backs off
// one service+region together, with full jitter, honouring retryAt, probing
// with one run before the lane opens up, and leaving other lanes alone.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type RunOutcome } from '../../src/main/hub/scheduler';
import { rehearsal, type Script, type TaskShape } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';
import { longestProviderWaitMs } from '../../src/main/hub/scheduler/backoff';

const second = 1_000;
const minute = 60 * second;
const { baseMs, maxMs } = defaultConfig.throttle;

function setup(seed = 11) {
  const random = new Random(seed);
  return rehearsal({ random: () => random.next(), firstRunSpreadMs: 0 });
}

const inLane = (key: string, service = 'codebuild', region = 'eu-west-1'): TaskShape => ({
  key,
  account: 'dev',
  service,
  region,
  cadence: 'idle',
});

const idle: RunOutcome = { kind: 'ok', cadence: 'idle' };

/** Throttled while `throttled(now)` says so (a number is the provider's retryAt), ok otherwise; 200 ms a run. */
const provider =
  (throttled: (now: number) => boolean | number): Script =>
  (_run, now) => {
    const verdict = throttled(now);
    if (verdict === false) return { durationMs: 200, outcome: idle };
    return {
      durationMs: 200,
      outcome: verdict === true ? { kind: 'throttled' } : { kind: 'throttled', retryAt: verdict },
    };
  };

const alwaysThrottled = provider(() => true);
const neverThrottled = provider(() => false);

describe('scheduler throttling: one service+region backs off together', () => {
  it('counts the runs already in flight as one episode, waits with full jitter, then probes with one run', async () => {
    const { clock, scheduler, work, start } = setup();
    const script = provider((now) => now === start);
    for (let i = 0; i < 8; i += 1) scheduler.register(work.task(inLane(`b${i}`), script));
    await clock.advance(200);

    const lane = scheduler.stats().lanes[0];
    expect(work.log).toHaveLength(4);
    expect(lane?.throttle?.attempt).toBe(1);
    expect(lane?.limit).toBe(1);
    const until = lane?.throttle?.until ?? 0;
    expect(until).toBeGreaterThanOrEqual(start + 200);
    expect(until).toBeLessThanOrEqual(start + 200 + baseMs);
    expect(scheduler.stats().tasks.filter((t) => t.backoff?.reason === 'throttled')).toHaveLength(8);

    await clock.advance(10 * second);
    const later = work.startedBetween(start + 1, clock.now());
    expect(later[0]?.startedAt).toBeCloseTo(until, 6);
    // The probe runs alone; the other seven follow only once it answered.
    expect(later[1]?.startedAt).toBeGreaterThanOrEqual((later[0]?.startedAt ?? 0) + 200);
    expect(new Set(later.map((r) => r.key)).size).toBe(8);
    expect(scheduler.stats().lanes[0]?.throttle).toBeUndefined();
    expect(scheduler.stats().lanes[0]?.limit).toBe(4);
  });

  it('grows the ceiling 5 s, 10 s, 20 s … up to 5 min, each wait drawn uniformly under it', async () => {
    const { clock, scheduler, work } = setup(12);
    scheduler.register(work.task(inLane('b'), alwaysThrottled));
    await clock.advance(2 * 60 * minute);

    const starts = work.starts('b');
    const waitsAfterRun = starts.slice(1).map((s, i) => s - (starts[i] ?? 0) - 200);
    expect(waitsAfterRun.length).toBeGreaterThan(12);
    const ceilings = waitsAfterRun.map((_, i) => Math.min(maxMs, baseMs * 2 ** i));
    waitsAfterRun.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(ceilings[i] ?? 0);
    });
    // Full jitter: the waits are spread under the ceiling, not pinned to it.
    const ratios = waitsAfterRun.map((wait, i) => wait / (ceilings[i] ?? 1));
    expect(Math.min(...ratios)).toBeLessThan(0.5);
    expect(Math.max(...ratios)).toBeGreaterThan(0.5);
  });

  it('honours retryAt: no run of the lane before the provider said', async () => {
    const { clock, scheduler, work, start } = setup(13);
    const retryAt = start + 45 * second;
    scheduler.register(
      work.task(
        inLane('b1'),
        provider((now) => (now < retryAt ? retryAt : false)),
      ),
    );
    scheduler.register(work.task(inLane('b2'), neverThrottled));
    await clock.advance(200);
    expect(scheduler.stats().lanes[0]?.throttle?.until).toBe(retryAt);

    await clock.advance(minute);
    const afterFirst = work.startedBetween(start + 1, clock.now());
    expect(afterFirst.length).toBeGreaterThan(0);
    expect(Math.min(...afterFirst.map((r) => r.startedAt))).toBeGreaterThanOrEqual(retryAt);
  });

  it('caps a retryAt beyond an hour and a bit (another clock, a bogus header): the lane is not parked for a day', async () => {
    const { clock, scheduler, work, start } = setup(15);
    const dayLater = start + 25 * 60 * minute;
    scheduler.register(
      work.task(
        inLane('b1'),
        provider((now) => (now === start ? dayLater : false)),
      ),
    );
    await clock.advance(200);
    // Judged when the run answered (200 ms in).
    expect(scheduler.stats().lanes[0]?.throttle?.until).toBe(start + 200 + longestProviderWaitMs);
    await clock.advance(70 * minute);
    expect(work.starts('b1').length).toBeGreaterThan(1);
  });

  it('resets after a success: the next throttling starts from the first ceiling again', async () => {
    // Two identical replays (same seed): the first finds when episode two begins, the second stops right there.
    const replay = () => {
      const run = setup(14);
      const episodes = [
        [run.start, run.start + 3 * minute],
        [run.start + 10 * minute, run.start + 20 * minute],
      ];
      const inEpisode = (now: number) => episodes.some(([from = 0, to = 0]) => now >= from && now < to);
      run.scheduler.register(run.work.task(inLane('b'), provider(inEpisode)));
      return run;
    };
    const first = replay();
    await first.clock.advance(3 * minute);
    const escalated = first.scheduler.stats().lanes[0]?.throttle?.attempt ?? 0;
    expect(escalated).toBeGreaterThanOrEqual(3);
    await first.clock.advance(12 * minute);
    const secondEpisode = first.work.starts('b').find((s) => s >= first.start + 10 * minute) ?? 0;

    const again = replay();
    await again.clock.advance(secondEpisode + 200 - again.start);
    const lane = again.scheduler.stats().lanes[0];
    expect(lane?.throttle?.attempt).toBe(1);
    expect(lane?.throttle?.until).toBeLessThanOrEqual(secondEpisode + 200 + baseMs);
  });
});

describe('scheduler throttling: no storm, other lanes unaffected', () => {
  it('keeps fifty throttled pipelines to one probe per backoff step (A09)', async () => {
    const { clock, scheduler, work, start } = setup(15);
    const healedAt = start + 10 * minute;
    const script = provider((now) => now < healedAt);
    for (let i = 0; i < 50; i += 1) scheduler.register(work.task(inLane(`p${i}`, 'codepipeline'), script));
    await clock.advance(10 * minute);

    const throttledRuns = work.startedBetween(start, healedAt).length;
    // 4 at the start, then one probe per step: 5 s, 10 s, … 320 s ceilings fit in 10 minutes.
    expect(throttledRuns).toBeLessThanOrEqual(4 + 14);
    await clock.advance(6 * minute);
    const recovered = new Set(work.startedBetween(healedAt, clock.now()).map((r) => r.key));
    expect(recovered.size).toBe(50);
  });

  it('leaves another service and the same service in another region on their own cadence', async () => {
    const { clock, scheduler, work } = setup(16);
    scheduler.register(work.task(inLane('throttled'), alwaysThrottled));
    scheduler.register(work.task(inLane('pipeline', 'codepipeline'), neverThrottled));
    scheduler.register(work.task(inLane('other-region', 'codebuild', 'us-east-1'), neverThrottled));
    await clock.advance(10 * minute);

    const idle = defaultConfig.intervals.idle;
    for (const key of ['pipeline', 'other-region']) {
      const starts = work.starts(key);
      expect(starts.length).toBeGreaterThanOrEqual(Math.floor((10 * minute) / (idle * 1.15)));
      starts.slice(1).forEach((s, i) => expect(s - (starts[i] ?? 0) - 200).toBeLessThanOrEqual(idle * 1.15));
    }
    const lanes = scheduler.stats().lanes;
    expect(lanes.filter((l) => l.throttle).map((l) => `${l.service}@${l.region}`)).toEqual(['codebuild@eu-west-1']);
  });
});
