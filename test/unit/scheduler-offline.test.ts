// Refresh scheduler (issue 5; RELIABILITY A10, R04): offline pauses polling
// behind one global backoff of probes, 5 s doubling to 5 min, and the way
// back is staggered, whether a probe succeeds or the OS says online.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type RunOutcome } from '../../src/main/hub/scheduler';
import { rehearsal, type Script } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';

const second = 1_000;
const minute = 60 * second;

/** Twenty idle tasks over three lanes, offline while `down(now)`; 200 ms a run. */
function network(down: (now: number) => boolean, seed = 21) {
  const random = new Random(seed);
  const run = rehearsal({ random: () => random.next(), firstRunSpreadMs: 0 });
  const script: Script = (_run, now) => ({
    durationMs: 200,
    outcome: down(now) ? { kind: 'offline' } : ({ kind: 'ok', cadence: 'idle' } satisfies RunOutcome),
  });
  const services = ['codepipeline', 'codebuild', 'codecommit'];
  for (let i = 0; i < 20; i += 1) {
    const service = services[i % 3] ?? 'codebuild';
    run.scheduler.register(
      run.work.task({ key: `t${i}`, account: 'dev', service, region: 'eu-west-1', cadence: 'idle' }, script),
    );
  }
  return run;
}

describe('scheduler offline: one global backoff', () => {
  it('probes with one run at a time, 5 s after the outage doubling up to 5 min', async () => {
    const { clock, scheduler, work, start } = network(() => true);
    await clock.advance(30 * minute);

    // Twelve started before anyone knew (4 per lane); their answers are one outage, not twelve.
    const initial = work.startedBetween(start, start + 1);
    expect(initial).toHaveLength(12);
    const probes = work.startedBetween(start + 1, clock.now()).map((r) => r.startedAt);
    const waits = probes.map((p, i) => p - (i === 0 ? start : (probes[i - 1] ?? 0)) - 200);
    const { baseMs, maxMs } = defaultConfig.offline;
    waits.forEach((wait, i) => expect(wait).toBeCloseTo(Math.min(maxMs, baseMs * 2 ** i), 6));
    expect(waits.slice(-2)).toEqual([maxMs, maxMs]);

    const stats = scheduler.stats();
    expect(stats.online).toBe(false);
    expect(stats.offline?.attempt).toBe(probes.length + 1);
    expect(stats.tasks.every((t) => t.backoff?.reason === 'offline')).toBe(true);
    expect(Math.max(...work.log.map((r) => r.startedAt))).toBeLessThan(clock.now());
  });

  it('never runs more than the probe while offline, whatever the lanes allow', async () => {
    const { clock, work, start } = network(() => true);
    let peak = 0;
    work.onStart((record, inFlight) => {
      if (record.startedAt > start) peak = Math.max(peak, inFlight.size);
    });
    await clock.advance(15 * minute);
    expect(peak).toBe(1);
  });
});

describe('scheduler offline: the way back', () => {
  it('resumes after a successful probe with every task staggered, not all at once', async () => {
    const backAt = 10 * minute;
    const { clock, scheduler, work, start } = network((now) => now < start + backAt);
    await clock.advance(backAt);
    expect(scheduler.stats().online).toBe(false);

    await clock.advance(6 * minute);
    expect(scheduler.stats().online).toBe(true);
    const probeOk = work.log.find((r) => r.startedAt >= start + backAt)?.startedAt ?? 0;
    const after = work.startedBetween(probeOk, probeOk + 30 * second);
    expect(new Set(after.map((r) => r.key)).size).toBe(20);
    expect(work.peakStartsPerSecond(probeOk, probeOk + 30 * second)).toBeLessThanOrEqual(5);
  });

  it('pauses on the OS saying offline and resumes staggered on setOnline(true) without waiting for a probe', async () => {
    let down = false;
    const { clock, scheduler, work } = network(() => down);
    await clock.advance(minute);
    down = true;
    scheduler.setOnline(false);
    expect(scheduler.stats().online).toBe(false);
    await clock.advance(10 * minute);
    const offlineStart = clock.now() - 10 * minute;
    // Only probes, each 5 s, 10 s, … apart: a handful in ten minutes.
    expect(work.startedBetween(offlineStart, clock.now()).length).toBeLessThanOrEqual(8);

    down = false;
    const back = clock.now();
    scheduler.setOnline(true);
    await clock.advance(30 * second);
    expect(new Set(work.startedBetween(back, clock.now()).map((r) => r.key)).size).toBe(20);
    expect(work.peakStartsPerSecond(back, clock.now())).toBeLessThanOrEqual(5);
    expect(scheduler.stats().offline).toBeUndefined();
  });

  it('takes a manual refresh while offline as the moment to probe', async () => {
    const { clock, scheduler, work } = network(() => true);
    await clock.advance(10 * minute);
    const nextProbeAt = scheduler.stats().offline?.nextProbeAt ?? 0;
    expect(nextProbeAt - clock.now()).toBeGreaterThan(10 * second);

    const clicked = clock.now();
    expect(scheduler.refreshNow({ keys: ['t3'] }).queued).toEqual(['t3']);
    await clock.advance(second);
    expect(work.startedBetween(clicked, clock.now())).toHaveLength(1);
  });
});
