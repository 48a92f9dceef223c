// Refresh scheduler (issue 5): cadence classes, jitter, the hidden window,
// error backoff, first-run spread and determinism, all on virtual time.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type CadenceClass, type RunOutcome } from '../../src/main/hub/scheduler';
import { always, rehearsal, type Script, type TaskShape } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';

const second = 1_000;
const minute = 60 * second;
const { intervals, jitter } = defaultConfig;

function seeded(seed: number, firstRunSpreadMs = 0) {
  const random = new Random(seed);
  return rehearsal({ random: () => random.next(), firstRunSpreadMs });
}

const shape = (key: string, cadence: CadenceClass = 'idle'): TaskShape => ({
  key,
  account: 'dev',
  service: 'codepipeline',
  region: 'eu-west-1',
  cadence,
});

const ok = (cadence: CadenceClass): RunOutcome => ({ kind: 'ok', cadence });

/** Reports the classes in turn, then the last one forever; each run takes 100 ms. */
const classes =
  (...sequence: CadenceClass[]): Script =>
  (run) => ({ durationMs: 100, outcome: ok(sequence[Math.min(run, sequence.length - 1)] ?? 'idle') });

/** Waits between the end of each run and the start of the next. */
function waits(starts: number[], durationMs = 100): number[] {
  return starts.slice(1).map((start, i) => start - (starts[i] ?? 0) - durationMs);
}

function expectWithinJitter(wait: number | undefined, base: number): void {
  expect(wait).toBeGreaterThanOrEqual(base * (1 - jitter));
  expect(wait).toBeLessThanOrEqual(base * (1 + jitter));
}

describe('scheduler cadence: running ↔ idle ↔ definitions', () => {
  it('waits as long as the class the last run reported, jittered by ±15 %', async () => {
    const { clock, scheduler, work } = seeded(1);
    const reported: CadenceClass[] = ['running', 'running', 'idle', 'definitions', 'running', 'idle'];
    scheduler.register(work.task(shape('p'), classes(...reported)));
    await clock.advance(25 * minute);

    const gaps = waits(work.starts('p'));
    expect(gaps.length).toBeGreaterThanOrEqual(reported.length);
    reported.forEach((cadence, i) => expectWithinJitter(gaps[i], intervals[cadence]));
    expect(scheduler.stats().tasks[0]?.cadence).toBe('idle');
  });

  it('keeps every class inside the issue bounds: running 5-10 s, idle 60 s or slower, definitions ~15 min', () => {
    expect(intervals.running * (1 - jitter)).toBeGreaterThanOrEqual(5 * second);
    expect(intervals.running * (1 + jitter)).toBeLessThanOrEqual(10 * second);
    expect(intervals.idle * (1 - jitter)).toBeGreaterThanOrEqual(60 * second);
    expect(intervals.definitions).toBe(15 * minute);
  });

  it('draws a different wait each time, so accounts on the same class drift apart', async () => {
    const { clock, scheduler, work } = seeded(2);
    for (const account of ['a', 'b', 'c']) {
      scheduler.register(work.task({ ...shape(`p-${account}`, 'running'), account }, classes('running')));
    }
    await clock.advance(2 * minute);
    const gaps = ['a', 'b', 'c'].flatMap((a) => waits(work.starts(`p-${a}`)));
    gaps.forEach((gap) => expectWithinJitter(gap, intervals.running));
    expect(new Set(gaps.map((g) => Math.round(g))).size).toBeGreaterThan(gaps.length / 2);
  });

  it('spreads the first runs of newly registered tasks over the first-run window', async () => {
    const { clock, scheduler, work, start } = seeded(3, 5 * second);
    for (let i = 0; i < 20; i += 1) scheduler.register(work.task(shape(`p${i}`), always(ok('idle'))));
    await clock.advance(5 * second);
    const firsts = work.log.map((r) => r.startedAt - start);
    expect(firsts).toHaveLength(20);
    expect(Math.max(...firsts)).toBeLessThan(5 * second);
    expect(new Set(firsts).size).toBeGreaterThan(15);
  });
});

describe('scheduler cadence: the hidden window', () => {
  it('stretches idle ×3, running ×2 and definitions ×2 while hidden', async () => {
    const { clock, scheduler, work } = seeded(4);
    scheduler.setVisibility('hidden');
    scheduler.register(work.task(shape('idle'), classes('idle')));
    scheduler.register(work.task(shape('running'), classes('running')));
    scheduler.register(work.task(shape('definitions'), classes('definitions')));
    await clock.advance(70 * minute);

    waits(work.starts('idle')).forEach((gap) => expectWithinJitter(gap, intervals.idle * 3));
    waits(work.starts('running')).forEach((gap) => expectWithinJitter(gap, intervals.running * 2));
    waits(work.starts('definitions')).forEach((gap) => expectWithinJitter(gap, intervals.definitions * 2));
    expect(scheduler.stats().visibility).toBe('hidden');
  });

  it('coming back to visible pulls a stretched wait in, keeping the jitter already drawn', async () => {
    const { clock, scheduler, work, start } = seeded(5);
    scheduler.register(work.task(shape('p'), classes('idle')));
    await clock.advance(second);
    scheduler.setVisibility('hidden');
    await clock.advance(second);
    const dueHidden = scheduler.stats().tasks[0]?.nextDueAt ?? 0;
    expect(dueHidden - start).toBeGreaterThan(intervals.idle * 3 * (1 - jitter));

    scheduler.setVisibility('visible');
    const dueVisible = scheduler.stats().tasks[0]?.nextDueAt ?? 0;
    // Same draw: the visible wait is exactly a third of the hidden one.
    expect(dueVisible - start - 100).toBeCloseTo((dueHidden - start - 100) / 3, 2);
  });

  it('runs at once, not in a burst, the tasks whose visible wait has already passed', async () => {
    const { clock, scheduler, work } = seeded(6);
    scheduler.setVisibility('hidden');
    for (let i = 0; i < 40; i += 1) scheduler.register(work.task(shape(`p${i}`), classes('idle')));
    await clock.advance(2 * minute);
    expect(work.log).toHaveLength(40);

    const shown = clock.now();
    scheduler.setVisibility('visible');
    await clock.advance(30 * second);
    const after = work.startedBetween(shown, clock.now());
    expect(new Set(after.map((r) => r.key)).size).toBe(40);
    expect(work.peakStartsPerSecond(shown, clock.now())).toBeLessThanOrEqual(6);
  });
});

describe('scheduler cadence: errors and determinism', () => {
  it('doubles the wait after each error in a row, up to ×16, and forgets on success', async () => {
    const { clock, scheduler, work } = seeded(7);
    const failing: Script = (run) => ({
      durationMs: 100,
      outcome: run < 6 ? { kind: 'error', message: 'AccessDeniedException' } : ok('idle'),
    });
    scheduler.register(work.task(shape('p'), failing));
    await clock.advance(3 * 60 * minute);

    const gaps = waits(work.starts('p'));
    [2, 4, 8, 16, 16, 16, 1].forEach((multiplier, i) => expectWithinJitter(gaps[i], intervals.idle * multiplier));
    const task = scheduler.stats().tasks[0];
    expect(task?.consecutiveErrors).toBe(0);
    expect(task?.lastOutcome).toBe('ok');
  });

  it('records a throw as an error outcome with its message', async () => {
    const { clock, scheduler } = seeded(8);
    scheduler.register({
      ...shape('p'),
      run: () => Promise.reject(new Error('socket hang up')),
    });
    await clock.advance(second);
    const task = scheduler.stats().tasks[0];
    expect(task).toMatchObject({ lastOutcome: 'error', lastMessage: 'socket hang up', consecutiveErrors: 1 });
    expect(task?.backoff).toEqual({ reason: 'errors', until: task?.nextDueAt });
  });

  it('replays the same runs at the same times with the same seed, and others with another seed', async () => {
    const scenario = async (seed: number) => {
      const { clock, scheduler, work } = seeded(seed, 5 * second);
      for (let i = 0; i < 8; i += 1) {
        scheduler.register(work.task(shape(`p${i}`), classes(i % 2 ? 'running' : 'idle', 'idle')));
      }
      await clock.advance(10 * minute);
      return work.log.map((r) => `${r.key}@${r.startedAt}`);
    };
    const first = await scenario(42);
    expect(first.length).toBeGreaterThan(50);
    expect(await scenario(42)).toEqual(first);
    expect(await scenario(43)).not.toEqual(first);
  });
});
