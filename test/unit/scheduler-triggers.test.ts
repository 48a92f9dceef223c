// Refresh scheduler (issue 5): manual refresh, push nudges, single flight per
// key, bounded FIFO concurrency per service+region, and the task lifecycle.
import { describe, expect, it } from 'vitest';
import type { RunOutcome, SchedulerOptions } from '../../src/main/hub/scheduler';
import { always, rehearsal, type TaskShape } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';

const second = 1_000;
const minute = 60 * second;
const idle: RunOutcome = { kind: 'ok', cadence: 'idle' };

function setup(options: Partial<SchedulerOptions> = {}, seed = 41) {
  const random = new Random(seed);
  return rehearsal({ random: () => random.next(), firstRunSpreadMs: 0, ...options });
}

const shape = (key: string, more: Partial<TaskShape> = {}): TaskShape => ({
  key,
  account: 'dev',
  service: 'codepipeline',
  region: 'eu-west-1',
  cadence: 'idle',
  ...more,
});

describe('scheduler manual refresh', () => {
  it('runs the matching tasks now and leaves the others on their cadence', async () => {
    const { clock, scheduler, work } = setup();
    scheduler.register(work.task(shape('a'), always(idle)));
    scheduler.register(work.task(shape('b', { account: 'prod' }), always(idle)));
    scheduler.register(work.task(shape('c', { region: 'us-east-1' }), always(idle)));
    await clock.advance(10 * second);

    const clicked = clock.now();
    const result = scheduler.refreshNow({ account: 'dev', region: 'eu-west-1' });
    expect(result).toEqual({ queued: ['a'], rerun: [], paused: [] });
    await clock.advance(second);
    expect(work.startedBetween(clicked, clock.now()).map((r) => r.key)).toEqual(['a']);

    const all = clock.now();
    expect(scheduler.refreshNow().queued).toEqual(['a', 'b', 'c']);
    await clock.advance(second);
    expect(work.startedBetween(all, clock.now())).toHaveLength(3);
  });

  it('does not start a running task twice: it runs once more right after it ends', async () => {
    const { clock, scheduler, work, start } = setup();
    scheduler.register(work.task(shape('slow'), always(idle, 10 * second)));
    await clock.advance(second);
    expect(scheduler.refreshNow({ keys: ['slow'] })).toEqual({ queued: [], rerun: ['slow'], paused: [] });
    expect(scheduler.refreshNow({ keys: ['slow'] }).rerun).toEqual(['slow']);
    await clock.advance(15 * second);
    expect(work.starts('slow')).toEqual([start, start + 10 * second]);
  });
});

describe('scheduler single flight and nudges', () => {
  it('keeps one run per key under a storm of manual refreshes and nudges, then runs once more', async () => {
    const { clock, scheduler, work, start } = setup();
    let peak = 0;
    work.onStart((record, inFlight) => {
      peak = Math.max(peak, [...inFlight].filter((r) => r.key === record.key).length);
    });
    scheduler.register(work.task(shape('p'), always(idle, 5 * second)));
    for (let i = 0; i < 40; i += 1) {
      await clock.advance(100);
      if (i % 2) scheduler.nudge('p');
      else scheduler.refreshNow({ keys: ['p'] });
    }
    await clock.advance(20 * second);
    expect(peak).toBe(1);
    // 0-5 s: the first run; then one follow-up for all the triggers it absorbed, and one for those during that.
    expect(work.starts('p').filter((s) => s < start + 15 * second)).toHaveLength(2);
  });

  it('coalesces nudges within the debounce window into one run', async () => {
    const { clock, scheduler, work } = setup();
    scheduler.register(work.task(shape('p'), always(idle, 200)));
    await clock.advance(5 * second);
    const pushed = clock.now();
    for (let i = 0; i < 10; i += 1) {
      expect(scheduler.nudge('p')).toBe(true);
      await clock.advance(50);
    }
    await clock.advance(5 * second);
    expect(work.startedBetween(pushed, clock.now()).map((r) => r.startedAt)).toEqual([pushed + 1_000]);
    expect(scheduler.nudge('unknown')).toBe(false);
  });
});

describe('scheduler concurrency per service+region', () => {
  it('starts in due order and never more than the bound at once', async () => {
    const { clock, scheduler, work, start } = setup({ concurrency: 2 });
    let peak = 0;
    work.onStart((_record, inFlight) => (peak = Math.max(peak, inFlight.size)));
    for (let i = 0; i < 6; i += 1) scheduler.register(work.task(shape(`p${i}`), always(idle, 3 * second)));
    await clock.advance(10 * second);
    expect(peak).toBe(2);
    expect(work.log.map((r) => [r.key, r.startedAt - start])).toEqual([
      ['p0', 0],
      ['p1', 0],
      ['p2', 3_000],
      ['p3', 3_000],
      ['p4', 6_000],
      ['p5', 6_000],
    ]);
    expect(scheduler.stats().lanes).toEqual([
      expect.objectContaining({ service: 'codepipeline', region: 'eu-west-1', limit: 2, runs: 6 }),
    ]);
  });

  it('does not let a task nudged without pause starve the rest of its lane', async () => {
    const { clock, scheduler, work } = setup({ concurrency: 1 });
    scheduler.register(
      work.task(shape('hot', { cadence: 'running' }), always({ kind: 'ok', cadence: 'running' }, 400)),
    );
    for (let i = 0; i < 5; i += 1) scheduler.register(work.task(shape(`cold${i}`), always(idle, 400)));
    for (let t = 0; t < 5 * minute; t += 100) {
      scheduler.nudge('hot');
      await clock.advance(100);
    }
    const counts = scheduler.stats().tasks.map((t) => [t.key, t.runs] as const);
    for (const [key, runs] of counts) expect(runs, key).toBeGreaterThanOrEqual(key === 'hot' ? 100 : 3);
  });

  it('takes the bound per lane from a function', async () => {
    const { clock, scheduler, work } = setup({ concurrency: (service) => (service === 'github' ? 1 : 3) });
    let peakGithub = 0;
    work.onStart(
      (_r, inFlight) => (peakGithub = Math.max(peakGithub, [...inFlight].filter((r) => r.service === 'github').length)),
    );
    for (let i = 0; i < 4; i += 1) {
      scheduler.register(work.task(shape(`gh${i}`, { service: 'github', region: 'github.com' }), always(idle, second)));
    }
    await clock.advance(10 * second);
    expect(peakGithub).toBe(1);
    expect(scheduler.stats().lanes[0]).toMatchObject({ service: 'github', limit: 1, runs: 4 });
  });
});

describe('scheduler task lifecycle', () => {
  it('refuses a second task with the same key', () => {
    const { scheduler, work } = setup();
    scheduler.register(work.task(shape('p'), always(idle)));
    expect(() => scheduler.register(work.task(shape('p'), always(idle)))).toThrow(/already registered/);
  });

  it('keeps single flight when a key is unregistered and registered again mid-run', async () => {
    const { clock, scheduler, work, start } = setup();
    scheduler.register(work.task(shape('p'), always(idle, 5 * second)));
    await clock.advance(second);
    expect(scheduler.unregister('p')).toBe(true);
    scheduler.register(work.task(shape('p'), always(idle, 5 * second)));
    await clock.advance(10 * second);
    expect(work.starts('p')).toEqual([start, start + 5 * second]);
  });

  it('starts nothing after stop(), and nothing for an unregistered task', async () => {
    const { clock, scheduler, work } = setup();
    scheduler.register(work.task(shape('kept'), always(idle)));
    scheduler.register(work.task(shape('dropped'), always(idle)));
    await clock.advance(second);
    scheduler.unregister('dropped');
    await clock.advance(5 * minute);
    expect(work.starts('dropped')).toHaveLength(1);
    expect(work.starts('kept').length).toBeGreaterThan(1);
    const stopped = clock.now();
    scheduler.stop();
    scheduler.refreshNow();
    await clock.advance(10 * minute);
    expect(work.startedBetween(stopped, clock.now())).toHaveLength(0);
    expect(clock.pending).toBe(0);
  });
});
