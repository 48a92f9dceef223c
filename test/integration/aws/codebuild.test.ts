// BuildSource through the real SDK against the simulator: what it sees, and
// how many calls it spends seeing it (counted by the simulator's request log).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BuildSource } from '../../../src/main/sources/aws/codebuild/build-source';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { minutes } from '../../../src/sim/aws/world/context';
import type { Harness } from '../../sim/aws/harness';
import { type BuildRig, startBuildRig } from './support-codebuild';

describe('BuildSource over the scale scenario', () => {
  let sim: Harness;
  let c: BuildRig;
  let source: BuildSource;

  beforeAll(async () => {
    c = await startBuildRig('scale', 12);
    ({ sim, source } = c);
  });
  afterAll(() => c.close());

  it("reads the newest page of builds across all projects, and the finished ones' test reports, newest first", async () => {
    sim.requests.reset();
    const read = await source.refreshBuilds();
    // 100 builds, most of them finished with a test report: one batch of each.
    expect(sim.requests.byOperation()).toEqual({
      'codebuild.ListBuilds': 1,
      'codebuild.BatchGetBuilds': 1,
      'codebuild.BatchGetReports': 1,
    });
    expect(read.problem).toBeUndefined();
    expect(read.builds).toHaveLength(100);
    const newest = [...sim.control.world.codebuild.buildOrder].reverse().slice(0, 100);
    expect(read.builds.map((b) => b.id)).toEqual(newest);
    expect(new Set(read.builds.map((b) => b.project)).size).toBeGreaterThan(1);
  });

  it('re-reads only running builds: 1 + ⌈k/100⌉ calls, never one per project', async () => {
    const world = sim.control.world.codebuild;
    const anyRunning = () => [...world.builds.values()].some((b) => b.buildStatus === 'IN_PROGRESS');
    while (!anyRunning()) sim.clock.advance(minutes);
    await source.refreshBuilds();
    const running = source.builds.builds.filter((b) => !b.complete).length;
    expect(running).toBeGreaterThan(0);
    sim.requests.reset();
    await source.refreshBuilds();
    expect(c.calls('ListBuilds')).toBe(1);
    expect(c.calls('BatchGetBuilds')).toBe(Math.ceil(running / 100));
    expect(c.calls()).toBe(1 + Math.ceil(running / 100));
  });

  it('walks ListBuilds beyond the first page and chunks BatchGetBuilds at 100 ids (RELIABILITY A13)', async () => {
    const before = source.builds.builds.length;
    sim.requests.reset();
    const read = await source.loadOlderBuilds(150);
    expect(c.calls('ListBuilds')).toBe(2);
    expect(c.calls('BatchGetBuilds')).toBe(2);
    expect(read.builds).toHaveLength(before + 150);
    const newest = [...sim.control.world.codebuild.buildOrder].reverse().slice(0, before + 150);
    expect(read.builds.map((b) => b.id)).toEqual(newest);
  });

  it('restarts the listing once when AWS refuses its continuation token (RELIABILITY A13)', async () => {
    let spoiled = 0;
    c.read.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { nextToken?: string };
        if (input.nextToken && spoiled === 0) {
          spoiled += 1;
          args.input = { ...input, nextToken: 'expired-token' };
        }
        return next(args);
      },
      { step: 'initialize', name: 'spoilToken' },
    );
    try {
      const before = source.builds.builds.length;
      sim.requests.reset();
      const read = await source.loadOlderBuilds(10);
      expect(spoiled).toBe(1);
      expect(sim.requests.count({ operation: 'ListBuilds', status: 400 })).toBe(1);
      expect(read.problem).toBeUndefined();
      const all = sim.control.world.codebuild.buildOrder;
      expect(all.length).toBeGreaterThan(before);
      const newest = [...all].reverse().slice(0, before + 10);
      expect(read.builds.map((b) => b.id)).toEqual(newest);
    } finally {
      c.read.middlewareStack.remove('spoilToken');
    }
  });

  it('gives up with a problem when the restarted listing is refused again (RELIABILITY A13)', async () => {
    c.read.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { nextToken?: string };
        return next(input.nextToken ? { ...args, input: { ...input, nextToken: 'expired-token' } } : args);
      },
      { step: 'initialize', name: 'spoilEveryToken' },
    );
    try {
      const before = source.builds.builds;
      sim.requests.reset();
      const read = await source.loadOlderBuilds(500);
      // Refused, restarted once, refused again: no third attempt and no batch read.
      expect(sim.requests.count({ operation: 'ListBuilds', status: 400 })).toBe(2);
      expect(c.calls('BatchGetBuilds')).toBe(0);
      expect(read.problem).toMatchObject({ code: 'internal', message: expect.stringContaining('token') as string });
      expect(read.builds).toEqual(before);
    } finally {
      c.read.middlewareStack.remove('spoilEveryToken');
    }
  });

  it('reads the builds it is asked about in one batch', async () => {
    const ids = sim.control.world.codebuild.buildOrder.slice(0, 3);
    sim.requests.reset();
    const read = await source.refreshBuildIds(ids);
    expect(sim.requests.byOperation()).toEqual({ 'codebuild.BatchGetBuilds': 1 });
    expect(read.builds.filter((b) => ids.includes(b.id))).toHaveLength(3);
  });

  it('reads every project with ListProjects pages and BatchGetProjects per 100 names (RELIABILITY A13)', async () => {
    for (let i = 0; i < 110; i += 1) sim.control.world.codebuild.addProject(`extra-${String(i).padStart(3, '0')}`);
    sim.requests.reset();
    const read = await source.refreshProjects();
    expect(sim.requests.byOperation()).toEqual({ 'codebuild.ListProjects': 2, 'codebuild.BatchGetProjects': 2 });
    expect(read.projects).toHaveLength(122);
    expect(read.problems).toEqual([]);
    const svc = read.projects.find((p) => p.name === 'svc-001-build');
    expect(svc).toMatchObject({
      arn: `arn:aws:codebuild:us-east-1:${demoAws.account}:project/svc-001-build`,
      tags: { 'starboard:project': 'svc-001' },
      sourceType: 'CODEPIPELINE',
      consoleUrl: expect.stringContaining('/projects/svc-001-build') as string,
    });
  });
});

describe('BuildSource over the demo scenario', () => {
  let sim: Harness;
  let c: BuildRig;
  let source: BuildSource;
  const project = demoAws.paymentsApi.buildProject;

  beforeAll(async () => {
    c = await startBuildRig('demo');
    ({ sim, source } = c);
    await source.refreshBuilds();
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => c.close());

  it('costs exactly one call when nothing runs and nothing is new', async () => {
    expect(source.builds.builds.every((b) => b.complete)).toBe(true);
    sim.requests.reset();
    await source.refreshBuilds();
    expect(sim.requests.byOperation()).toEqual({ 'codebuild.ListBuilds': 1 });
  });

  it('sees a build fail with its failed phase and the reason', async () => {
    sim.control.failNextBuild(project);
    const id = sim.control.startBuild(project);
    sim.requests.reset();
    const running = (await source.refreshBuilds()).builds[0];
    expect(sim.requests.byOperation()).toEqual({ 'codebuild.ListBuilds': 1, 'codebuild.BatchGetBuilds': 1 });
    expect(running).toMatchObject({ id, status: 'IN_PROGRESS', complete: false, project });

    sim.clock.advance(15 * minutes);
    sim.requests.reset();
    const failed = (await source.refreshBuilds()).builds.find((b) => b.id === id);
    expect(sim.requests.byOperation()).toEqual({
      'codebuild.ListBuilds': 1,
      'codebuild.BatchGetBuilds': 1,
      'codebuild.BatchGetReports': 1,
    });
    expect(failed).toMatchObject({ status: 'FAILED', complete: true, currentPhase: 'COMPLETED', initiator: 'dev' });
    const build = failed?.phases.find((p) => p.type === 'BUILD');
    expect(build).toMatchObject({
      status: 'FAILED',
      reasons: [
        {
          code: 'COMMAND_EXECUTION_ERROR',
          message: 'Error while executing command: npm test. Reason: exit status 1',
        },
      ],
    });
    expect(build?.durationSeconds).toBeGreaterThan(0);
    expect(failed?.log).toMatchObject({ group: `/aws/codebuild/${project}`, stream: id.split(':')[1] });
    expect(failed?.consoleUrl).toContain(encodeURIComponent(id));

    sim.requests.reset();
    await source.refreshBuilds();
    expect(c.calls()).toBe(1);
  });

  it('re-reads more than 100 running builds in ⌈k/100⌉ batches after closing the gap (RELIABILITY A13)', async () => {
    for (let i = 0; i < 150; i += 1) sim.control.startBuild(project);
    sim.requests.reset();
    const first = await source.refreshBuilds();
    // 150 new builds are more than one page: the second page reaches known builds.
    expect(c.calls('ListBuilds')).toBe(2);
    expect(c.calls('BatchGetBuilds')).toBe(2);
    const k = first.builds.filter((b) => !b.complete).length;
    expect(k).toBe(150);
    sim.requests.reset();
    await source.refreshBuilds();
    expect(sim.requests.byOperation()).toEqual({ 'codebuild.ListBuilds': 1, 'codebuild.BatchGetBuilds': 2 });
    sim.clock.advance(30 * minutes);
    await source.refreshBuilds();
  });

  it('starts, stops and retries builds with the write client', async () => {
    sim.requests.reset();
    const started = await source.startBuild(project, 'refs/heads/main');
    expect(started).toMatchObject({ ok: true, value: { status: 'IN_PROGRESS', sourceVersion: 'refs/heads/main' } });
    if (!started.ok) return;
    expect(source.builds.builds[0]?.id).toBe(started.value.id);
    const stopped = await source.stopBuild(started.value.id);
    expect(stopped).toMatchObject({ ok: true, value: { id: started.value.id, status: 'STOPPED' } });
    const retried = await source.retryBuild(started.value.id);
    expect(retried).toMatchObject({ ok: true, value: { project, status: 'IN_PROGRESS' } });
    if (retried.ok) expect(retried.value.id).not.toBe(started.value.id);
    expect(sim.requests.byOperation()).toEqual({
      'codebuild.StartBuild': 1,
      'codebuild.StopBuild': 1,
      'codebuild.RetryBuild': 1,
    });
    const refused = await source.retryBuild(retried.ok ? retried.value.id : '');
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('in progress') as string } });
    sim.clock.advance(30 * minutes);
  });

  it('reports a build AWS no longer knows as a problem of that build only (RELIABILITY A13)', async () => {
    const id = sim.control.startBuild(project);
    await source.refreshBuilds();
    const world = sim.control.world.codebuild;
    world.builds.delete(id);
    world.buildOrder.splice(world.buildOrder.indexOf(id), 1);
    const read = await source.refreshBuilds();
    expect(read.problem).toBeUndefined();
    expect(read.problems).toEqual([{ code: 'not-found', message: `Build ${id} no longer exists.`, resource: id }]);
    expect(read.builds.some((b) => b.id === id)).toBe(false);
    expect(read.builds.length).toBeGreaterThan(0);
  });

  it('rides out brief throttling and reports lasting throttling on the last good copy', async () => {
    const before = source.builds.builds;
    sim.faults.add({ service: 'codebuild', operation: 'ListBuilds', error: 'throttle', times: 2 });
    sim.requests.reset();
    const recovered = await source.refreshBuilds();
    expect(c.calls('ListBuilds')).toBe(3);
    expect(recovered.problem).toBeUndefined();

    sim.faults.add({ service: 'codebuild', operation: 'ListBuilds', error: 'throttle' });
    sim.requests.reset();
    const throttled = await source.refreshBuilds();
    expect(c.calls('ListBuilds')).toBe(3);
    expect(throttled.problem).toMatchObject({ code: 'throttled' });
    expect(throttled.problem?.retryAt).toBeDefined();
    expect(throttled.builds).toEqual(before);
    expect(throttled.fetchedAt).toBe(recovered.fetchedAt);
  });

  it('names codebuild:BatchGetBuilds when it is denied', async () => {
    const arn = `arn:aws:codebuild:us-east-1:${demoAws.account}:project/${project}`;
    deny(sim.control.world.policy, 'codebuild:BatchGetBuilds', arn);
    sim.control.startBuild(project);
    const read = await source.refreshBuilds();
    expect(read.problem).toMatchObject({
      code: 'access-denied',
      missingPermission: 'codebuild:BatchGetBuilds',
      message: expect.stringContaining(arn) as string,
    });
    sim.control.world.policy.denied.clear();
    expect((await source.refreshBuilds()).problem).toBeUndefined();
  });
});
