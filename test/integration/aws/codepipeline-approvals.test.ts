// Approvals exactly once, never stale (RELIABILITY P01-P07), through the real
// SDK against the simulator. "Someone else" acts through the simulator's world
// right before our request leaves the client, so every race is deterministic.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalRef } from '../../../src/shared/pipelines';
import { demoAws } from '../../../src/sim/aws';
import { days, minutes } from '../../../src/sim/aws/world/context';
import { beforeSending, type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const sf = demoAws.storefront;
const maya = `arn:aws:iam::${demoAws.account}:user/maya`;
let rig: PipelineRig;

beforeEach(async () => {
  rig = await startPipelineRig('demo');
  const defs = await rig.source.refreshDefinitions();
  expect(defs.ok).toBe(true);
});
afterEach(async () => {
  await rig.close();
});

/** The approval as the user sees it in the app, read through the source. */
async function reviewed(): Promise<ApprovalRef> {
  const detail = await rig.source.state(sf.pipeline);
  if (!detail.ok) throw new Error(detail.error.message);
  const ref = detail.value.waitingApprovals[0]?.ref;
  if (!ref) throw new Error('no approval waiting');
  rig.sim.requests.reset();
  return ref;
}

async function approvalAction() {
  const detail = await rig.source.state(sf.pipeline);
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value.stages.find((s) => s.name === sf.approvalStage)?.actions[0];
}

/** Decides the waiting approval in the simulated account as someone else would (console, another app). */
function decideElsewhere(approved: boolean, summary: string, by: string): void {
  const world = rig.sim.control.world;
  const waiting = rig.sim.control.waitingApprovals()[0];
  const pipeline = world.pipelines.pipelines.get(sf.pipeline);
  if (!waiting || !pipeline) throw new Error('nothing to decide');
  world.pipelines.decide(pipeline, waiting.stageName, waiting.actionName, waiting.token, approved, summary, by);
}

describe('approving and rejecting', () => {
  it('sends exactly one PutApprovalResult when the same approval is decided twice at once (P01)', async () => {
    const ref = await reviewed();
    const [first, second] = await Promise.all([
      rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn),
      rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn),
    ]);
    expect(first).toEqual(second);
    expect(first.ok).toBe(true);
    expect(first.ok && first.value).toMatchObject({ decision: 'approve', reconciled: false });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(1);

    // A later click re-reads, sees our own decision and sends nothing.
    const later = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(later).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'decided', decidedBy: rig.callerArn },
    });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);

    rig.sim.clock.advance(30 * minutes);
    const detail = await rig.source.state(sf.pipeline);
    expect(detail.ok && detail.value.stages.find((s) => s.name === 'Deploy')?.latestExecution?.status).toBe(
      'Succeeded',
    );
  });

  it('rejects with a comment, recorded as ours', async () => {
    const ref = await reviewed();
    const outcome = await rig.source.decideApproval(ref, 'reject', 'Staging checkout shows 500s', rig.callerArn);
    expect(outcome).toMatchObject({ ok: true, value: { decision: 'reject' } });
    expect(await approvalAction()).toMatchObject({
      status: 'Failed',
      summary: 'Staging checkout shows 500s',
      lastUpdatedBy: rig.callerArn,
    });
  });

  it('refuses a summary over 512 characters or with control characters before any call (P07)', async () => {
    const ref = await reviewed();
    const long = await rig.source.decideApproval(ref, 'approve', 'x'.repeat(513), rig.callerArn);
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input', reason: 'invalid-summary' } });
    const control = await rig.source.decideApproval(ref, 'reject', 'bad\u0007bell', rig.callerArn);
    expect(control).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(pipelineCalls(rig.sim)).toBe(0);
    const unicode = await rig.source.decideApproval(ref, 'approve', `${'é'.repeat(500)} 🚀 שלום`, rig.callerArn);
    expect(unicode.ok).toBe(true);
  });
});

describe('stale approvals', () => {
  it('sends nothing when a newer execution replaced the reviewed one (P02)', async () => {
    const ref = await reviewed();
    const started = await rig.source.startExecution(sf.pipeline);
    if (!started.ok) throw new Error(started.error.message);
    rig.sim.clock.advance(20 * minutes);
    const stopped = await rig.source.stopExecution(sf.pipeline, ref.pipelineExecutionId, { abandon: true });
    expect(stopped.ok).toBe(true);
    rig.sim.requests.reset();

    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'stale-approval', reason: 'superseded', currentExecutionId: started.value },
    });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
    // The new execution's approval is still waiting: a stale handle never approves it.
    expect(rig.sim.control.waitingApprovals()[0]?.pipelineExecutionId).toBe(started.value);
  });

  it('sends nothing when the stage ran again in the same execution (new action run, new token)', async () => {
    const ref = await reviewed();
    decideElsewhere(false, 'Not yet', maya);
    const retried = await rig.source.retryStage(
      sf.pipeline,
      sf.approvalStage,
      ref.pipelineExecutionId,
      'FAILED_ACTIONS',
    );
    expect(retried.ok).toBe(true);
    rig.sim.requests.reset();
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'superseded' } });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
  });

  it('reports an expired approval after 7 days without sending (P06)', async () => {
    const ref = await reviewed();
    rig.sim.clock.advance(7 * days);
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'expired' } });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
    const detail = await rig.source.state(sf.pipeline);
    expect(detail.ok && detail.value.waitingApprovals).toEqual([]);
  });

  it('maps InvalidApprovalTokenException to "expired" when the request expires in flight', async () => {
    const ref = await reviewed();
    beforeSending(rig.write, 'PutApprovalResultCommand', () => rig.sim.clock.advance(7 * days));
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'expired' } });
    expect(rig.sim.requests.count({ operation: 'PutApprovalResult', status: 400 })).toBe(1);
  });

  it('reports who decided first when someone else answered in the console (P03)', async () => {
    const ref = await reviewed();
    beforeSending(rig.write, 'PutApprovalResultCommand', () => decideElsewhere(true, 'LGTM from the console', maya));
    const outcome = await rig.source.decideApproval(ref, 'reject', 'Hold', rig.callerArn);
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        reason: 'decided',
        decidedBy: maya,
        decidedSummary: 'LGTM from the console',
        decidedStatus: 'Succeeded',
      },
    });
    expect(outcome.ok || outcome.error.message).toContain('approved by arn:aws:iam::111122223333:user/maya');
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
  });
});

/** The next PutApprovalResult loses its connection before any answer. */
function dropNextApprovalConnection(): void {
  rig.sim.faults.add({ service: 'codepipeline', operation: 'PutApprovalResult', error: 'connection-reset', times: 1 });
}

describe('ambiguous failures are reconciled, never resent (P04)', () => {
  it('says "not sent / unknown" when the connection resets and the approval still waits', async () => {
    const ref = await reviewed();
    dropNextApprovalConnection();
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'offline', reason: 'outcome-unknown' } });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
    // Pre-check and reconciliation: two reads, no second write.
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(2);
    expect(rig.sim.control.waitingApprovals()).toHaveLength(1);
  });

  it('reports success when the decision landed but the answer was lost', async () => {
    const ref = await reviewed();
    // AWS applied our request, then the connection dropped before the answer.
    beforeSending(rig.write, 'PutApprovalResultCommand', () => decideElsewhere(true, 'Ship it', rig.callerArn));
    dropNextApprovalConnection();
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toEqual({ ok: true, value: { decision: 'approve', reconciled: true } });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
  });

  it('does not retry a 500 and reports the outcome as unknown', async () => {
    const ref = await reviewed();
    rig.sim.faults.add({ service: 'codepipeline', operation: 'PutApprovalResult', error: 'server-error', times: 1 });
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship it', rig.callerArn);
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'outcome-unknown' } });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(1);
  });
});
