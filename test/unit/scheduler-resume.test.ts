// Refresh scheduler (issue 5; RELIABILITY R04, A04, A06): after a long sleep
// every task refreshes once, staggered, with no burst; expired credentials
// pause one account's tasks until it signs in again.
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/main/hub/scheduler';
import { always, rehearsal, type Script } from '../../src/main/hub/scheduler/workload';
import { Random } from '../../src/sim/random';

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;
const idle: RunOutcome = { kind: 'ok', cadence: 'idle' };

function setup(seed: number) {
  const random = new Random(seed);
  return rehearsal({ random: () => random.next(), firstRunSpreadMs: 5 * second });
}

/** A hundred idle tasks: five services in one region, the bound of 4 each would allow 20 at once. */
function hundredTasks(seed: number) {
  const run = setup(seed);
  const services = ['codepipeline', 'codebuild', 'codecommit', 'codedeploy', 'elasticbeanstalk'];
  for (let i = 0; i < 100; i += 1) {
    const service = services[i % services.length] ?? 'codebuild';
    run.scheduler.register(
      run.work.task({ key: `t${i}`, account: 'dev', service, region: 'eu-west-1', cadence: 'idle' }, always(idle, 300)),
    );
  }
  return run;
}

/** Two minutes of steady polling, then the lid closes for 10 h; `woke` is when it opens. */
async function sleptTenHours(seed: number) {
  const run = hundredTasks(seed);
  await run.clock.advance(2 * minute);
  await run.clock.jump(10 * hour);
  return { ...run, woke: run.clock.now() };
}

function runsPerTask(records: { key: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of records) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describe('scheduler sleep and resume (R04)', () => {
  it('notices a 10 h sleep by its late timer and refreshes each task once, a few a second', async () => {
    const { clock, scheduler, work, woke } = await sleptTenHours(31);
    await clock.advance(40 * second);

    const after = work.startedBetween(woke, clock.now());
    const counts = runsPerTask(after);
    expect(counts.size).toBe(100);
    expect(Math.max(...counts.values())).toBe(1);
    // 100 slots over the 30 s window: 3.3 a second on average, never a burst.
    expect(work.peakStartsPerSecond(woke, clock.now())).toBeLessThanOrEqual(5);
    expect(scheduler.stats().running).toBeLessThanOrEqual(5);
  });

  it('counts the shell power event and the late timer as one wake-up', async () => {
    const { clock, scheduler, work, woke } = await sleptTenHours(32);
    await clock.advance(10 * second);
    scheduler.onResume();
    await clock.advance(30 * second);
    expect(Math.max(...runsPerTask(work.startedBetween(woke, clock.now())).values())).toBe(1);
  });

  it('spreads an explicit onResume() the same way', async () => {
    const { clock, scheduler, work } = hundredTasks(33);
    await clock.advance(2 * minute);
    const resumed = clock.now();
    scheduler.onResume();
    await clock.advance(35 * second);
    const counts = runsPerTask(work.startedBetween(resumed, clock.now()));
    expect(counts.size).toBe(100);
    expect(Math.max(...counts.values())).toBe(1);
    expect(work.peakStartsPerSecond(resumed, clock.now())).toBeLessThanOrEqual(5);
  });
});

describe('scheduler credentials-expired: one account pauses', () => {
  function twoAccounts(seed: number) {
    const run = setup(seed);
    let expired = false;
    const script: Script = (_run, _now, key) => ({
      durationMs: 200,
      outcome: expired && key.startsWith('prod') ? { kind: 'credentials-expired' } : idle,
    });
    for (const account of ['prod', 'dev']) {
      for (const service of ['codepipeline', 'codebuild', 'codecommit']) {
        const shape = { key: `${account}-${service}`, account, service, region: 'eu-west-1', cadence: 'idle' as const };
        run.scheduler.register(run.work.task(shape, script));
      }
    }
    return { ...run, expire: () => (expired = true), renew: () => (expired = false) };
  }

  it('stops every task of the account on the first expired answer; the other account goes on', async () => {
    const { clock, scheduler, work, expire } = twoAccounts(34);
    await clock.advance(minute);
    expire();
    await clock.advance(3 * minute);
    const stats = scheduler.stats();
    expect(stats.pausedAccounts).toEqual(['prod']);
    const prod = stats.tasks.filter((t) => t.account === 'prod');
    expect(prod.map((t) => t.status)).toEqual(['paused', 'paused', 'paused']);
    expect(prod.every((t) => t.nextDueAt === null)).toBe(true);

    const pausedAt = Math.min(
      ...work.log.filter((r) => r.outcome?.kind === 'credentials-expired').map((r) => r.endedAt ?? 0),
    );
    expect(work.log.filter((r) => r.account === 'prod' && r.startedAt > pausedAt)).toHaveLength(0);
    expect(work.log.filter((r) => r.account === 'dev' && r.startedAt > pausedAt).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses manual refreshes and nudges while paused, and says so', async () => {
    const { clock, scheduler, expire } = twoAccounts(35);
    expire();
    await clock.advance(minute);
    const result = scheduler.refreshNow({ service: 'codebuild' });
    expect(result.paused).toEqual(['prod-codebuild']);
    expect(result.queued.concat(result.rerun)).toEqual(['dev-codebuild']);
    expect(scheduler.nudge('prod-codepipeline')).toBe(false);
  });

  it('runs the account again, staggered, after resumeAccount', async () => {
    const { clock, scheduler, work, expire, renew } = twoAccounts(36);
    expire();
    await clock.advance(2 * minute);
    renew();
    const signedIn = clock.now();
    scheduler.resumeAccount('prod');
    expect(scheduler.stats().pausedAccounts).toEqual([]);
    await clock.advance(2 * second);

    const prodRuns = work.startedBetween(signedIn, clock.now()).filter((r) => r.account === 'prod');
    expect(prodRuns.map((r) => r.key).sort()).toEqual(['prod-codebuild', 'prod-codecommit', 'prod-codepipeline']);
    expect(new Set(prodRuns.map((r) => r.startedAt)).size).toBe(3);
  });
});
