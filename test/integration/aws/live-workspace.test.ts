// The live workspace end to end against the simulator, through the real SDK:
// the scheduler's tasks fill the snapshot, discovery proposes the demo's
// projects, the inbox shows the storefront approval, events are delivered
// once across a restart, and an unreachable AWS leaves the last data marked
// stale. Scheduler time is virtual; the calls are real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/hub/log';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { demoAws } from '../../../src/sim/aws';
import { type Harness, startHarness } from '../../sim/aws/harness';
import { type LiveRig, openLiveRig } from './support-live';

const sf = demoAws.storefront;
let sim: Harness;
let dir: string;
let rigs: Rig[] = [];

type Rig = LiveRig;

function open(endpointUrl = sim.endpoint): Rig {
  const rig = openLiveRig({ dir, endpoint: endpointUrl, log: silentLogger });
  rigs.push(rig);
  return rig;
}

beforeEach(async () => {
  sim = await startHarness('demo');
  dir = mkdtempSync(join(tmpdir(), 'starboard-live-'));
});
afterEach(async () => {
  for (const rig of rigs) await rig.live.close();
  rigs = [];
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the live workspace against the simulator', () => {
  it('discovers the projects, fills the snapshot and shows the approval waiting, with its project', async () => {
    const rig = await Promise.resolve(open());
    await rig.run(10_000);

    expect(rig.live.projects.projects.map((p) => p.id)).toEqual(
      expect.arrayContaining(['storefront', 'payments-api', 'mobile-backend']),
    );
    const snapshot = rig.live.snapshot;
    const pipelines = resourcesOfKind(snapshot, 'pipeline');
    expect(pipelines.map((p) => p.data.summary.name)).toContain(sf.pipeline);
    expect(pipelines.every((p) => p.data.state !== undefined && p.data.executions !== undefined)).toBe(true);
    expect(resourcesOfKind(snapshot, 'build').length).toBeGreaterThan(0);
    expect(resourcesOfKind(snapshot, 'repository').map((r) => r.data.repository)).toContain(
      demoAws.paymentsApi.repository,
    );

    const approvals = rig.live.approvalList();
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ pipeline: sf.pipeline, projectId: 'storefront' });
    const requested = rig.delivered().filter((e) => e.kind === 'approval.requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ origin: 'current-state', projects: ['storefront'] });
    expect(rig.events.some((e) => e.name === 'projects.changed')).toBe(true);
    expect(rig.live.status()).toMatchObject({ online: true, needsSignIn: [] });
    expect(rig.live.status().lastRefreshAt).not.toBeNull();
  });

  it('discovers projects from the pipelines alone when tag:GetResources is denied', async () => {
    sim.faults.add({ service: 'tagging', operation: 'GetResources', error: 'access-denied' });
    const rig = open();
    await rig.run(10_000);
    const ids = rig.live.projects.projects.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    // The pipelines still group their repositories and builds; only tag-named members are missing.
    const pipelines = rig.live.projects.projects.flatMap((p) => p.members.filter((m) => m.kind === 'pipeline'));
    expect(pipelines.map((m) => m.ref)).toEqual(expect.arrayContaining([expect.stringContaining(sf.pipeline)]));
    expect(
      rig.live.projects.projects.flatMap((p) => p.members).some((m) => m.reasons.some((r) => r.kind === 'tag')),
    ).toBe(false);
  });

  it('keeps to the call budget when idle: states on the fast timer, definitions on the slow one', async () => {
    const rig = open();
    await rig.run(10_000);
    sim.requests.reset();
    // Long enough for every idle task to run once more (65 s ±7 %), far short of the 15-minute definitions timer.
    await rig.run(90_000);
    const counts = sim.requests.byOperation();
    const pipelines = resourcesOfKind(rig.live.snapshot, 'pipeline').length;
    console.info(
      `90 idle seconds of the demo account (${pipelines} pipelines): ${sim.requests.records.length} calls`,
      counts,
    );
    expect(counts['codepipeline.ListPipelines']).toBeUndefined();
    expect(counts['codepipeline.GetPipeline']).toBeUndefined();
    expect(counts['codepipeline.GetPipelineState']).toBeGreaterThanOrEqual(pipelines);
    expect(counts['codebuild.ListBuilds']).toBeGreaterThanOrEqual(1);
  });

  it('approves the storefront stage once, and the approval leaves the inbox', async () => {
    const rig = open();
    await rig.run(10_000);
    const [approval] = rig.live.approvalList();
    const input = {
      requestId: '00000000-0000-4000-8000-000000000001',
      approvalId: approval?.approvalId ?? '',
      decision: 'approve' as const,
      comment: 'Ship it',
    };
    const [first, second] = await Promise.all([rig.live.decide(input), rig.live.decide(input)]);
    expect(first).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(second.ok).toBe(true);
    expect(sim.requests.count({ service: 'codepipeline', operation: 'PutApprovalResult' })).toBe(1);
    // The decision brings the pipeline's next state read forward: no manual refresh needed.
    await rig.run(3_000);
    expect(rig.live.approvalList()).toEqual([]);
    expect(rig.events.filter((e) => e.name === 'approvals.changed').at(-1)?.payload).toEqual([]);
  });

  it('starts from the last snapshot, delivers nothing twice, and marks the data stale while AWS is unreachable', async () => {
    const first = open();
    await first.run(10_000);
    const seen = new Set(first.delivered().map((e) => e.id));
    expect(seen.size).toBeGreaterThan(0);
    await first.live.close();

    // Restart with AWS unreachable: the last data and the approval show at once, then go stale.
    const offline = open('http://127.0.0.1:9');
    const kinds = (rig: Rig) => [...new Set(Object.values(rig.live.snapshot.resources).map((r) => r.kind))].sort();
    const held = kinds(offline);
    expect(held).toEqual(expect.arrayContaining(['pipeline', 'repository', 'cloudformation-stack', 'ecs-service']));
    expect(resourcesOfKind(offline.live.snapshot, 'pipeline').length).toBeGreaterThan(0);
    expect(offline.live.approvalList()).toHaveLength(1);
    expect(offline.live.recentEvents.map((e) => e.id).sort()).toEqual([...seen].sort());
    const lastGood = offline.live.status().lastRefreshAt;
    expect(lastGood).not.toBeNull();
    expect(offline.live.projects.projects.map((p) => p.id)).toContain('storefront');
    await offline.run(10_000);
    // Nothing read means nothing learnt: every kind the last snapshot held is still there.
    expect(kinds(offline)).toEqual(held);
    const pipelines = resourcesOfKind(offline.live.snapshot, 'pipeline');
    expect(pipelines.length).toBeGreaterThan(0);
    expect(pipelines.every((p) => p.freshness.problem?.code === 'offline')).toBe(true);
    for (const kind of ['repository', 'cloudformation-stack', 'ecs-service', 'codedeploy-group'] as const) {
      const resources = resourcesOfKind(offline.live.snapshot, kind);
      expect(resources.map((r) => [kind, r.freshness.problem?.code])).toEqual(resources.map(() => [kind, 'offline']));
    }
    expect(offline.live.status()).toMatchObject({ online: false, lastRefreshAt: lastGood });
    expect(offline.live.projects.projects.map((p) => p.id)).toContain('storefront');
    await offline.live.close();

    // Back online: fresh again, and nothing delivered before is delivered again.
    const again = open();
    await again.run(10_000);
    const fresh = resourcesOfKind(again.live.snapshot, 'pipeline');
    expect(fresh.every((p) => p.freshness.problem === undefined)).toBe(true);
    expect(again.delivered().filter((e) => seen.has(e.id))).toEqual([]);
  });
});
