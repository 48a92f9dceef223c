// CodePipeline through the real SDK against the demo: the waiting approval,
// token semantics (reliability cases P02, P03, P06), errors and progress.
import {
  ApprovalAlreadyCompletedException,
  CodePipelineClient,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  ListPipelineExecutionsCommand,
  PipelineNotFoundException,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
  ValidationException,
} from '@aws-sdk/client-codepipeline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { days, minutes } from '../../../src/sim/aws/world/context';
import { type Harness, startHarness } from './harness';

const sf = demoAws.storefront;
let sim: Harness;
let client: CodePipelineClient;

beforeEach(async () => {
  sim = await startHarness('demo');
  client = new CodePipelineClient({ ...sim.config, maxAttempts: 1 });
});
afterEach(async () => {
  client.destroy();
  await sim.close();
});

async function waitingToken(): Promise<string> {
  const state = await client.send(new GetPipelineStateCommand({ name: sf.pipeline }));
  const stage = state.stageStates?.find((s) => s.stageName === sf.approvalStage);
  expect(stage?.latestExecution?.status).toBe('InProgress');
  const token = stage?.actionStates?.[0]?.latestExecution?.token;
  if (!token) throw new Error('no approval token');
  return token;
}

const approve = (token: string, summary = 'Ship it') =>
  new PutApprovalResultCommand({
    pipelineName: sf.pipeline,
    stageName: sf.approvalStage,
    actionName: sf.approvalAction,
    token,
    result: { status: 'Approved', summary },
  });

describe('CodePipeline approvals', () => {
  it('shows the demo pipelines with history and one approval waiting', async () => {
    const { pipelineExecutionSummaries = [] } = await client.send(
      new ListPipelineExecutionsCommand({ pipelineName: sf.pipeline }),
    );
    expect(pipelineExecutionSummaries.length).toBeGreaterThanOrEqual(10);
    expect(new Set(pipelineExecutionSummaries.map((e) => e.status))).toEqual(
      new Set(['InProgress', 'Succeeded', 'Failed']),
    );
    expect(sim.control.waitingApprovals()).toHaveLength(1);
    const state = await client.send(new GetPipelineStateCommand({ name: demoAws.paymentsApi.pipeline }));
    expect(state.stageStates?.find((s) => s.stageName === 'Build')?.latestExecution?.status).toBe('Failed');
  });

  it('approves once with the current token, then says the approval is already completed', async () => {
    const token = await waitingToken();
    const out = await client.send(approve(token));
    expect(out.approvedAt).toBeInstanceOf(Date);
    await expect(client.send(approve(token))).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException);
    sim.clock.advance(30 * minutes);
    const state = await client.send(new GetPipelineStateCommand({ name: sf.pipeline }));
    const approval = state.stageStates?.find((s) => s.stageName === sf.approvalStage)?.actionStates?.[0]
      ?.latestExecution;
    expect(approval?.status).toBe('Succeeded');
    expect(approval?.lastUpdatedBy).toBe('arn:aws:iam::111122223333:user/dev');
    expect(state.stageStates?.find((s) => s.stageName === 'Deploy')?.latestExecution?.status).toBe('Succeeded');
  });

  it('rejects a stale token from a superseded approval with InvalidApprovalTokenException', async () => {
    const stale = await waitingToken();
    // A new execution reaches the approval stage and waits behind the current one; stop the old one.
    const { pipelineExecutionId } = await client.send(new StartPipelineExecutionCommand({ name: sf.pipeline }));
    sim.clock.advance(20 * minutes);
    const current = sim.control.waitingApprovals()[0];
    const { StopPipelineExecutionCommand } = await import('@aws-sdk/client-codepipeline');
    await client.send(
      new StopPipelineExecutionCommand({
        pipelineName: sf.pipeline,
        pipelineExecutionId: current?.pipelineExecutionId,
        abandon: true,
      }),
    );
    const fresh = await waitingToken();
    expect(sim.control.waitingApprovals()[0]?.pipelineExecutionId).toBe(pipelineExecutionId);
    expect(fresh).not.toBe(stale);
    await expect(client.send(approve(stale))).rejects.toBeInstanceOf(InvalidApprovalTokenException);
    await expect(client.send(approve(fresh))).resolves.toHaveProperty('approvedAt');
  });

  it('expires an approval after 7 days; its token is then invalid', async () => {
    const token = await waitingToken();
    sim.clock.advance(7 * days);
    await expect(client.send(approve(token))).rejects.toBeInstanceOf(InvalidApprovalTokenException);
    const state = await client.send(new GetPipelineStateCommand({ name: sf.pipeline }));
    expect(state.stageStates?.find((s) => s.stageName === sf.approvalStage)?.latestExecution?.status).toBe('Failed');
  });

  it('validates the summary length (0..512) and reports unknown pipelines', async () => {
    const token = await waitingToken();
    await expect(client.send(approve(token, 'x'.repeat(513)))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(approve(token, ''))).resolves.toHaveProperty('approvedAt');
    await expect(client.send(new GetPipelineStateCommand({ name: 'nope' }))).rejects.toBeInstanceOf(
      PipelineNotFoundException,
    );
  });
});
