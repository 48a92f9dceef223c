// The approvals.* messages through the contract's gate (dispatch) to the real
// service, the real SDK and the simulator: what the window lists, one
// PutApprovalResult per decision, and an audit log without tokens
// (RELIABILITY P01, P07, S03, S07).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPipelineStateCommand, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AwsApprovals } from '../../../src/main/hub/approvals/aws-approvals';
import { approvalHandlers } from '../../../src/main/hub/approvals/handlers';
import { ApprovalJournal } from '../../../src/main/hub/approvals/journal';
import { ApprovalRegistry } from '../../../src/main/hub/approvals/registry';
import {
  type CommandHandlers,
  createDispatch,
  type Dispatch,
  type QueryHandlers,
} from '../../../src/main/hub/dispatch';
import { silentLogger } from '../../../src/main/hub/log';
import { demoAws } from '../../../src/sim/aws';
import type { ApprovalAuditEntry } from '../../../src/shared/approvals';
import { approvalSummarySchema, type ApprovalSummary } from '../../../src/shared/model';
import { type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const sf = demoAws.storefront;
let rig: PipelineRig;
let dir: string;
let registry: ApprovalRegistry;
let journal: ApprovalJournal;
let dispatch: Dispatch;

beforeEach(async () => {
  rig = await startPipelineRig('demo');
  expect((await rig.source.refreshDefinitions()).ok).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'starboard-approval-handlers-it-'));
  registry = new ApprovalRegistry();
  journal = new ApprovalJournal(dir);
  const service = new AwsApprovals({
    registry,
    journal,
    source: () => rig.source,
    callerArn: () => Promise.resolve(rig.callerArn),
  });
  const handlers = approvalHandlers({ service: () => service, audit: () => journal.audit });
  // Only the approvals messages are wired; the gate in front of them is the real one.
  dispatch = createDispatch(
    {
      queries: handlers.queries as unknown as QueryHandlers,
      commands: handlers.commands as unknown as CommandHandlers,
    },
    silentLogger,
  );
});
afterEach(async () => {
  await rig.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One refresh as the hub does it: the executions (whose revisions the state reuses), then the state. */
async function refresh(): Promise<void> {
  const executions = await rig.source.executions(sf.pipeline, 5);
  if (!executions.ok) throw new Error(executions.error.message);
  const detail = await rig.source.state(sf.pipeline);
  if (!detail.ok) throw new Error(detail.error.message);
  registry.syncPipeline(rig.source.location, sf.pipeline, detail.value.waitingApprovals);
  rig.sim.requests.reset();
}

async function listed(): Promise<ApprovalSummary[]> {
  const result = await dispatch('query', 'approvals.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApprovalSummary[];
}

async function audit(): Promise<ApprovalAuditEntry[]> {
  const result = await dispatch('query', 'approvals.audit', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApprovalAuditEntry[];
}

/** The approval token as AWS hands it out now: what must never reach the window or the log. */
async function currentToken(): Promise<string | undefined> {
  const state = await rig.read.send(new GetPipelineStateCommand({ name: sf.pipeline }));
  return state.stageStates
    ?.find((s) => s.stageName === sf.approvalStage)
    ?.actionStates?.find((a) => a.actionName === sf.approvalAction)?.latestExecution?.token;
}

const requestId = '6f1c9a52-3b7e-4d0a-9c11-2e5f8a7b4d30';

it('lists the storefront approval with what would ship, and approves it once for a double click', async () => {
  await refresh();
  const [approval] = await listed();
  expect(approvalSummarySchema.parse(approval)).toEqual(approval);
  expect(approval).toMatchObject({
    provider: 'aws',
    accountId: demoAws.account,
    region: demoAws.region,
    pipeline: sf.pipeline,
    stage: sf.approvalStage,
    action: sf.approvalAction,
    customData: sf.approvalCustomData,
    externalEntityLink: sf.approvalLink,
    submitting: false,
  });
  if (approval?.provider !== 'aws') throw new Error('expected the storefront approval');
  expect(approval.sourceRevisions.length).toBeGreaterThan(0);
  expect(approval.sourceRevisions[0]?.revisionId).toMatch(/^[0-9a-f]{7,}$/);

  const token = await currentToken();
  expect(token).toBeTruthy();
  expect(JSON.stringify(await listed())).not.toContain(token ?? 'no token');
  rig.sim.requests.reset();

  const input = { requestId, approvalId: approval.approvalId, decision: 'approve', comment: 'Ship it 🚀' };
  const answers = await Promise.all([
    dispatch('command', 'approvals.decide', input),
    dispatch('command', 'approvals.decide', input),
  ]);
  expect(answers).toContainEqual({ ok: true, value: { status: 'succeeded' } });
  expect(await dispatch('command', 'approvals.decide', input)).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);

  const entries = await audit();
  expect(entries[0]).toMatchObject({
    event: 'finished',
    result: 'succeeded',
    who: rig.callerArn,
    pipeline: sf.pipeline,
    stage: sf.approvalStage,
    decision: 'approve',
    comment: 'Ship it 🚀',
  });
  const logged = JSON.stringify(entries) + readFileSync(journal.audit.path, 'utf8');
  expect(logged).not.toContain(token ?? 'no token');
});

it('refuses a 513-character comment and a fabricated id at the gate, with no AWS call (P07, S07)', async () => {
  await refresh();
  const [approval] = await listed();
  const long = await dispatch('command', 'approvals.decide', {
    requestId,
    approvalId: approval?.approvalId,
    decision: 'reject',
    comment: 'x'.repeat(513),
  });
  expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  const fabricated = await dispatch('command', 'approvals.decide', {
    requestId,
    approvalId: 'apv_fabricatedfabricatedfa',
    decision: 'approve',
    comment: '',
  });
  expect(fabricated).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
  expect(pipelineCalls(rig.sim)).toBe(0);
  expect(await audit()).toEqual([]);
});

it('explains a decision someone made in the console first, naming who (P03)', async () => {
  await refresh();
  const [approval] = await listed();
  const token = await currentToken();
  await rig.write.send(
    new PutApprovalResultCommand({
      pipelineName: sf.pipeline,
      stageName: sf.approvalStage,
      actionName: sf.approvalAction,
      token,
      result: { status: 'Rejected', summary: 'Not today' },
    }),
  );
  rig.sim.requests.reset();

  const result = await dispatch('command', 'approvals.decide', {
    requestId,
    approvalId: approval?.approvalId,
    decision: 'approve',
    comment: '',
  });
  expect(result).toMatchObject({ ok: false, error: { reason: 'decided', decidedBy: rig.callerArn } });
  expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
  expect((await audit())[0]).toMatchObject({ result: 'rejected', response: { reason: 'decided' } });
});
