// Settings → Refresh: the user's cadence scales every base interval, applies
// to tasks already waiting, and combines with the hidden-window stretch.
import { describe, expect, it } from 'vitest';
import { cadenceScales, defaultConfig, type CadenceClass, type RunOutcome } from '../../src/main/hub/scheduler';
import { rehearsal, type Script, type TaskShape } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';

const minute = 60_000;
const { intervals, jitter } = defaultConfig;

function seeded(seed: number) {
  const random = new Random(seed);
  return rehearsal({ random: () => random.next(), firstRunSpreadMs: 0 });
}
const shape = (key: string): TaskShape => ({
  key,
  account: 'dev',
  service: 'codepipeline',
  region: 'eu-west-1',
  cadence: 'idle',
});
const always =
  (cadence: CadenceClass): Script =>
  () => ({ durationMs: 100, outcome: { kind: 'ok', cadence } satisfies RunOutcome });
const waits = (starts: number[]) => starts.slice(1).map((start, i) => start - (starts[i] ?? 0) - 100);

function expectAllWithin(gaps: number[], base: number): void {
  expect(gaps.length).toBeGreaterThan(2);
  for (const gap of gaps) {
    expect(gap).toBeGreaterThanOrEqual(base * (1 - jitter) - 1);
    expect(gap).toBeLessThanOrEqual(base * (1 + jitter) + 1);
  }
}

describe('scheduler: the user refresh cadence', () => {
  it('relaxed doubles and fast shortens every class, normal keeps the defaults', () => {
    expect(cadenceScales).toEqual({ relaxed: 2, normal: 1, fast: 0.6 });
  });

  it.each(['relaxed', 'normal', 'fast'] as const)('%s: idle tasks wait the scaled interval', async (cadence) => {
    const { clock, scheduler, work } = seeded(7);
    scheduler.setIntervalScale(cadenceScales[cadence]);
    scheduler.register(work.task(shape('p'), always('idle')));
    await clock.advance(20 * minute);
    expectAllWithin(waits(work.starts('p')), intervals.idle * cadenceScales[cadence]);
  });

  it('moves a task already waiting to its new time when the cadence changes', async () => {
    const { clock, scheduler, work } = seeded(3);
    scheduler.register(work.task(shape('p'), always('idle')));
    await clock.advance(1_000);
    expect(work.starts('p')).toHaveLength(1);
    // Relaxed: the next run is at least ~2 × 64 s after the first.
    scheduler.setIntervalScale(cadenceScales.relaxed);
    await clock.advance(2 * minute);
    expect(work.starts('p')).toHaveLength(1);
    // Fast again: the wait (45 s ± 15 %) has long passed, so it runs soon (spread, not at once).
    scheduler.setIntervalScale(cadenceScales.fast);
    await clock.advance(defaultConfig.spread.windowMs);
    expect(work.starts('p')).toHaveLength(2);
  });

  it('combines with the hidden-window multiplier', async () => {
    const { clock, scheduler, work } = seeded(11);
    scheduler.setIntervalScale(cadenceScales.fast);
    scheduler.setVisibility('hidden');
    scheduler.register(work.task(shape('p'), always('running')));
    await clock.advance(5 * minute);
    expectAllWithin(
      waits(work.starts('p')),
      intervals.running * cadenceScales.fast * defaultConfig.hiddenMultipliers.running,
    );
  });

  it('refuses a scale that is not positive', () => {
    const { scheduler } = seeded(1);
    expect(() => scheduler.setIntervalScale(0)).toThrow(RangeError);
  });
});
