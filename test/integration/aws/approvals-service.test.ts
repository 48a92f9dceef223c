// The AWS approvals service end to end: ids minted from the real state read,
// decisions through the real SDK against the simulator, journal and audit in
// a temp folder (RELIABILITY P01, P02, P04, S07).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AwsApprovals } from '../../../src/main/hub/approvals/aws-approvals';
import { ApprovalJournal } from '../../../src/main/hub/approvals/journal';
import { ApprovalRegistry } from '../../../src/main/hub/approvals/registry';
import { demoAws } from '../../../src/sim/aws';
import { minutes } from '../../../src/sim/aws/world/context';
import { type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const sf = demoAws.storefront;
let rig: PipelineRig;
let dir: string;
let registry: ApprovalRegistry;
let journal: ApprovalJournal;
let approvals: AwsApprovals;

beforeEach(async () => {
  rig = await startPipelineRig('demo');
  expect((await rig.source.refreshDefinitions()).ok).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'starboard-approvals-it-'));
  registry = new ApprovalRegistry();
  journal = new ApprovalJournal(dir);
  approvals = new AwsApprovals({
    registry,
    journal,
    source: () => rig.source,
    callerArn: () => Promise.resolve(rig.callerArn),
  });
});
afterEach(async () => {
  await rig.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One refresh of the storefront pipeline into the registry; the id the UI would hold. */
async function refresh(): Promise<string | undefined> {
  const detail = await rig.source.state(sf.pipeline);
  if (!detail.ok) throw new Error(detail.error.message);
  registry.syncPipeline(rig.source.location, sf.pipeline, detail.value.waitingApprovals);
  rig.sim.requests.reset();
  return registry.list()[0]?.approvalId;
}

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

it('mints an id for the storefront approval and approves it with exactly one PutApprovalResult', async () => {
  const id = await refresh();
  expect(id).toMatch(/^apv_/);
  expect(registry.list()[0]).toMatchObject({ provider: 'aws', pipeline: sf.pipeline, projectId: null });

  const input = { requestId: requestId(1), approvalId: id ?? '', decision: 'approve' as const, comment: 'Ship it' };
  const [first, second] = await Promise.all([
    approvals.decide(input),
    approvals.decide({ ...input, requestId: requestId(2) }),
  ]);
  expect(first).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(second).toEqual({ ok: true, value: { status: 'submitting' } });
  expect(await approvals.decide(input)).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);

  expect(journal.get(requestId(1))?.status).toBe('succeeded');
  const audit = await journal.audit.read();
  expect(audit.at(-1)).toMatchObject({
    event: 'finished',
    result: 'succeeded',
    who: rig.callerArn,
    comment: 'Ship it',
  });

  // The next refresh no longer sees it waiting: the id is gone.
  await refresh();
  expect(registry.resolve(id ?? '')).toBeUndefined();
});

it('refuses a fabricated id with no AWS call (S07)', async () => {
  await refresh();
  const result = await approvals.decide({
    requestId: requestId(1),
    approvalId: 'apv_fabricatedfabricatedfa',
    decision: 'approve',
    comment: '',
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
  expect(pipelineCalls(rig.sim)).toBe(0);
});

it('reports a superseded approval as stale and sends nothing (P02)', async () => {
  const id = await refresh();
  const reviewed = registry.resolve(id ?? '');
  const started = await rig.source.startExecution(sf.pipeline);
  if (!started.ok) throw new Error(started.error.message);
  rig.sim.clock.advance(20 * minutes);
  await rig.source.stopExecution(sf.pipeline, reviewed?.ref.pipelineExecutionId ?? '', { abandon: true });
  rig.sim.requests.reset();

  const result = await approvals.decide({
    requestId: requestId(1),
    approvalId: id ?? '',
    decision: 'approve',
    comment: '',
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'superseded' } });
  expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
  expect(journal.get(requestId(1))?.status).toBe('rejected');
});

it('reports a connection reset as unknown after reading the state, and never sends again (P04)', async () => {
  const id = await refresh();
  rig.sim.faults.add({ service: 'codepipeline', operation: 'PutApprovalResult', error: 'connection-reset', times: 1 });
  const input = { requestId: requestId(1), approvalId: id ?? '', decision: 'approve' as const, comment: '' };
  const result = await approvals.decide(input);
  expect(result).toMatchObject({ ok: false, error: { reason: 'outcome-unknown' } });
  expect(await approvals.decide(input)).toMatchObject({ ok: false, error: { reason: 'outcome-unknown' } });
  expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
  expect(journal.get(requestId(1))?.status).toBe('unknown');
  expect((await journal.audit.read()).at(-1)).toMatchObject({ result: 'unknown', response: { code: 'offline' } });
});
