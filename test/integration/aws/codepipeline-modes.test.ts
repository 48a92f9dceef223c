// V2 execution modes through the real SDK against the simulator's `scale`
// scenario: PARALLEL approvals found through ListActionExecutions (RELIABILITY
// P05), QUEUED executions waiting in order, and UpdatePipeline's checks.
import {
  GetPipelineCommand,
  InvalidStructureException,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalRef, PipelineDefinition } from '../../../src/shared/pipelines';
import { awsServices } from '../../../src/sim/aws';
import { toJson } from '../../../src/sim/aws/protocols/json';
import type { CallContext } from '../../../src/sim/aws/service';
import { minutes } from '../../../src/sim/aws/world/context';
import type { ActionExecution } from '../../../src/sim/aws/world/pipeline-model';
import { loadBotocoreModel, loadSdkModel, validateOutput } from '../../sim/aws/model-validator';
import { type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

let rig: PipelineRig;
let parallel: PipelineDefinition;
let queued: PipelineDefinition;
const maya = 'arn:aws:iam::111122223333:user/maya';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

beforeEach(async () => {
  rig = await startPipelineRig('scale', 10);
  const { definitions } = must(await rig.source.refreshDefinitions());
  const byMode = (mode: string): PipelineDefinition => {
    const found = definitions.filter((d) => d.executionMode === mode);
    expect(found).toHaveLength(1);
    return found[0] as PipelineDefinition;
  };
  parallel = byMode('PARALLEL');
  queued = byMode('QUEUED');
  // Their builds pass, so every execution started here reaches the approval.
  for (const d of [parallel, queued]) {
    const project = d.stages.find((s) => s.name === 'Build')?.actions[0]?.configuration.ProjectName ?? '';
    const build = rig.sim.control.world.codebuild.projects.get(project);
    if (!build) throw new Error(`no project ${project}`);
    build.failureRate = 0;
  }
});
afterEach(async () => {
  await rig.close();
});

async function start(name: string): Promise<string> {
  return must(await rig.source.startExecution(name));
}

/** The approval of one execution as the app shows it: from its action runs (PARALLEL has no token in the state). */
async function approvalOf(name: string, pipelineExecutionId: string): Promise<ApprovalRef> {
  const runs = must(await rig.source.actionExecutions(name, pipelineExecutionId));
  const run = runs.find((r) => r.category === 'Approval' && r.status === 'InProgress');
  if (!run) throw new Error(`execution ${pipelineExecutionId} is not waiting for approval`);
  return {
    pipeline: name,
    stage: run.stageName,
    action: run.actionName,
    pipelineExecutionId,
    actionExecutionId: run.actionExecutionId,
  };
}

/** The simulator's approval run of an execution, to see its token and status. */
function worldApproval(name: string, pipelineExecutionId: string): ActionExecution | undefined {
  const execution = rig.sim.control.world.pipelines.pipelines
    .get(name)
    ?.executions.find((e) => e.id === pipelineExecutionId);
  return execution?.actionExecutions.findLast((ae) => ae.action.provider === 'Manual');
}

/** Tokens of every PutApprovalResult the write client sends. */
function sentTokens(): string[] {
  const tokens: string[] = [];
  rig.write.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'PutApprovalResultCommand') tokens.push((args.input as { token: string }).token);
      return next(args);
    },
    { step: 'initialize', name: 'test-sent-tokens' },
  );
  return tokens;
}

/** GetPipelineState's raw answer checked against the official models. */
function stateProblems(name: string): string[] {
  const handler = awsServices(rig.sim.control.world).find((s) => s.name === 'codepipeline')?.operations
    .GetPipelineState;
  if (!handler) throw new Error('no GetPipelineState');
  const context: CallContext = {
    service: 'codepipeline',
    operation: 'GetPipelineState',
    accessKeyId: 'AKIDTEST',
    authorize: () => undefined,
  };
  const output = JSON.parse(toJson(handler({ name }, context) ?? {})) as { stageStates?: unknown[] };
  expect(output.stageStates?.length).toBeGreaterThan(2);
  const models = [loadSdkModel('codepipeline'), loadBotocoreModel('codepipeline')].flatMap((m) => (m ? [m] : []));
  return models.flatMap((m) => validateOutput(m, 'GetPipelineState', output));
}

describe('PARALLEL mode', () => {
  it('approves the reviewed execution with its own token and leaves the other waiting (P05)', async () => {
    expect(parallel).toMatchObject({ pipelineType: 'V2', executionMode: 'PARALLEL' });
    const first = await start(parallel.name);
    const second = await start(parallel.name);
    rig.sim.clock.advance(30 * minutes);

    // Both wait at the approval at once; the state shows only the newest and no token.
    const detail = must(await rig.source.state(parallel.name));
    expect(detail.waitingApprovals).toEqual([]);
    expect(detail.stages.find((s) => s.name === 'Approval')?.latestExecution).toEqual({
      pipelineExecutionId: second,
      status: 'InProgress',
    });
    expect(stateProblems(parallel.name)).toEqual([]);
    const history = must(await rig.source.executions(parallel.name, 2));
    expect(history.map((e) => [e.pipelineExecutionId, e.status, e.executionMode])).toEqual([
      [second, 'InProgress', 'PARALLEL'],
      [first, 'InProgress', 'PARALLEL'],
    ]);

    const ref = await approvalOf(parallel.name, first);
    await approvalOf(parallel.name, second);
    const tokens = sentTokens();
    rig.sim.requests.reset();
    const outcome = await rig.source.decideApproval(ref, 'approve', 'Ship the first', rig.callerArn);
    expect(outcome).toMatchObject({ ok: true, value: { decision: 'approve', reconciled: false } });
    expect(rig.sim.requests.byOperation()).toEqual({
      'codepipeline.ListActionExecutions': 1,
      'codepipeline.PutApprovalResult': 1,
    });
    expect(tokens).toEqual([worldApproval(parallel.name, first)?.token]);
    expect(tokens[0]).not.toBe(worldApproval(parallel.name, second)?.token);

    rig.sim.clock.advance(30 * minutes);
    const after = must(await rig.source.executions(parallel.name, 2));
    expect(after.map((e) => e.status)).toEqual(['InProgress', 'Succeeded']);
    expect(worldApproval(parallel.name, second)?.status).toBe('InProgress');
    expect((await approvalOf(parallel.name, second)).pipelineExecutionId).toBe(second);
  });

  it('sends nothing for an approval whose execution finished', async () => {
    const stopped = await start(parallel.name);
    const decided = await start(parallel.name);
    const waiting = await start(parallel.name);
    rig.sim.clock.advance(30 * minutes);
    const stoppedRef = await approvalOf(parallel.name, stopped);
    const decidedRef = await approvalOf(parallel.name, decided);

    must(await rig.source.stopExecution(parallel.name, stopped, { abandon: true }));
    const world = rig.sim.control.world;
    const pipeline = world.pipelines.pipelines.get(parallel.name);
    const token = worldApproval(parallel.name, decided)?.token;
    if (!pipeline || !token) throw new Error('no approval to decide');
    world.pipelines.decide(pipeline, decidedRef.stage, decidedRef.action, token, true, 'From the console', maya);
    rig.sim.clock.advance(30 * minutes);
    rig.sim.requests.reset();

    expect(await rig.source.decideApproval(stoppedRef, 'approve', 'Ship it', rig.callerArn)).toMatchObject({
      ok: false,
      error: { code: 'stale-approval', reason: 'stopped' },
    });
    expect(await rig.source.decideApproval(decidedRef, 'approve', 'Ship it', rig.callerArn)).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'decided', decidedBy: maya },
    });
    expect(pipelineCalls(rig.sim, 'PutApprovalResult')).toBe(0);
    expect(pipelineCalls(rig.sim, 'ListActionExecutions')).toBe(2);
    expect(worldApproval(parallel.name, waiting)?.status).toBe('InProgress');
  });
});

describe('QUEUED mode', () => {
  it('queues later executions in order behind the approval; approving lets the next one in', async () => {
    expect(queued).toMatchObject({ pipelineType: 'V2', executionMode: 'QUEUED' });
    const first = await start(queued.name);
    rig.sim.clock.advance(30 * minutes);
    const second = await start(queued.name);
    rig.sim.clock.advance(30 * minutes);
    const third = await start(queued.name);
    rig.sim.clock.advance(30 * minutes);

    const detail = must(await rig.source.state(queued.name));
    const approval = detail.stages.find((s) => s.name === 'Approval');
    expect(approval?.latestExecution).toEqual({ pipelineExecutionId: first, status: 'InProgress' });
    // Nobody is superseded: both wait, oldest first.
    expect(approval?.inboundExecutions.map((e) => e.pipelineExecutionId)).toEqual([second, third]);
    expect(stateProblems(queued.name)).toEqual([]);
    const history = must(await rig.source.executions(queued.name, 3));
    expect(history.map((e) => [e.pipelineExecutionId, e.status, e.executionMode])).toEqual([
      [third, 'InProgress', 'QUEUED'],
      [second, 'InProgress', 'QUEUED'],
      [first, 'InProgress', 'QUEUED'],
    ]);

    const [waiting] = detail.waitingApprovals;
    expect(waiting?.ref.pipelineExecutionId).toBe(first);
    rig.sim.requests.reset();
    const outcome = await rig.source.decideApproval(waiting?.ref as ApprovalRef, 'approve', 'Go', rig.callerArn);
    expect(outcome.ok).toBe(true);
    expect(rig.sim.requests.byOperation()).toEqual({
      'codepipeline.GetPipelineState': 1,
      'codepipeline.PutApprovalResult': 1,
    });

    rig.sim.clock.advance(1 * minutes);
    const next = must(await rig.source.state(queued.name));
    const stage = next.stages.find((s) => s.name === 'Approval');
    expect(stage?.latestExecution).toEqual({ pipelineExecutionId: second, status: 'InProgress' });
    expect(stage?.inboundExecutions.map((e) => e.pipelineExecutionId)).toEqual([third]);
    expect(next.waitingApprovals.map((a) => a.ref.pipelineExecutionId)).toEqual([second]);
    const statuses = must(await rig.source.executions(queued.name, 3)).map((e) => e.status);
    expect(statuses).toEqual(['InProgress', 'InProgress', 'Succeeded']);
  });

  it('takes a stopped execution out of the queue without touching the stage', async () => {
    const first = await start(queued.name);
    rig.sim.clock.advance(30 * minutes);
    const second = await start(queued.name);
    rig.sim.clock.advance(30 * minutes);
    must(await rig.source.stopExecution(queued.name, second, { abandon: false }));
    const detail = must(await rig.source.state(queued.name));
    const stage = detail.stages.find((s) => s.name === 'Approval');
    expect(stage?.latestExecution).toEqual({ pipelineExecutionId: first, status: 'InProgress' });
    expect(stage?.inboundExecutions).toEqual([]);
    expect(must(await rig.source.executions(queued.name, 2)).map((e) => e.status)).toEqual(['Stopped', 'InProgress']);
  });
});

describe('UpdatePipeline', () => {
  async function declaration(name: string): Promise<PipelineDeclaration> {
    const { pipeline } = await rig.read.send(new GetPipelineCommand({ name }));
    if (!pipeline) throw new Error(`no pipeline ${name}`);
    return pipeline;
  }

  it('switches the execution mode and bumps the version; the cache re-reads that definition once', async () => {
    const before = await declaration(queued.name);
    const out = await rig.write.send(new UpdatePipelineCommand({ pipeline: { ...before, executionMode: 'PARALLEL' } }));
    expect(out.pipeline).toMatchObject({ version: (before.version ?? 0) + 1, executionMode: 'PARALLEL' });
    rig.sim.requests.reset();
    const refreshed = must(await rig.source.refreshDefinitions());
    expect(pipelineCalls(rig.sim, 'GetPipeline')).toBe(1);
    expect(refreshed.definitions.find((d) => d.name === queued.name)).toMatchObject({
      version: (before.version ?? 0) + 1,
      executionMode: 'PARALLEL',
    });
  });

  it('refuses an unknown pipeline or a single stage, and changes nothing', async () => {
    const before = await declaration(queued.name);
    await expect(
      rig.write.send(new UpdatePipelineCommand({ pipeline: { ...before, name: 'nope' } })),
    ).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
    await expect(
      rig.write.send(new UpdatePipelineCommand({ pipeline: { ...before, stages: before.stages?.slice(0, 1) } })),
    ).rejects.toBeInstanceOf(InvalidStructureException);
    expect((await declaration(queued.name)).version).toBe(before.version);
  });
});
