// Start, stop and retry-stage through the contract's gate (dispatch) to the
// live workspace, the real SDK and the simulator: one call for a pipeline
// the snapshot holds in the right state, none for one it does not know or
// shows in another state, and CodePipeline's refusals in words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CommandHandlers,
  createDispatch,
  type Dispatch,
  type QueryHandlers,
} from '../../../src/main/hub/dispatch';
import type { Logger } from '../../../src/main/hub/log';
import type { ActionExecutionsView } from '../../../src/shared/aws-commands';
import type { Result } from '../../../src/shared/result';
import { pipelineId, type SnapshotResource } from '../../../src/shared/snapshot';
import { type AwsSim, demoAws, startAwsSim } from '../../../src/sim/aws';
import { deny } from '../../../src/sim/aws/access';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import { type LiveRig, openLiveRig } from './support-live';

const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
const location = { accountKey: 'sim', accountId: demoAws.account, region: 'us-east-1' };
const storefrontId = pipelineId(location, sf.pipeline);
const paymentsId = pipelineId(location, pa.pipeline);

let aws: AwsSim;
let requests: RequestLog;
let dir: string;
let rig: LiveRig;
let dispatch: Dispatch;
let logged: { level: string; message: string; fields?: Record<string, unknown> }[];

beforeEach(async () => {
  requests = new RequestLog();
  aws = await startAwsSim({
    scenario: 'demo',
    seed: 1,
    scale: 10,
    clock: new ManualClock(Date.now()),
    faults: new FaultInjector(new Random(1).fork('faults')),
    requests,
    port: 0,
  });
  dir = mkdtempSync(join(tmpdir(), 'starboard-pipeline-actions-'));
  logged = [];
  const log: Logger = {
    info: (message, fields) => logged.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => logged.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message) => logged.push({ level: 'error', message }),
  };
  rig = openLiveRig({ dir, endpoint: aws.endpoint, log });
  const live = rig.live;
  const commands = {
    'codepipeline.executions.start': live.startPipeline.bind(live),
    'codepipeline.executions.stop': live.stopPipeline.bind(live),
    'codepipeline.stages.retry': live.retryStage.bind(live),
  };
  const queries = { 'codepipeline.actionExecutions': live.pipelineActionExecutions.bind(live) };
  dispatch = createDispatch(
    { queries: queries as unknown as QueryHandlers, commands: commands as unknown as CommandHandlers },
    log,
  );
  await rig.run(10_000);
  requests.reset();
});
afterEach(async () => {
  await rig.live.close();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const calls = (operation?: string) => requests.count({ service: 'codepipeline', ...(operation ? { operation } : {}) });

function pipeline(id: string): SnapshotResource<'pipeline'> {
  const resource = rig.live.snapshot.resources[id];
  if (resource?.kind !== 'pipeline') throw new Error(`no ${id} in the snapshot`);
  return resource;
}

const latestExecution = (id: string) => pipeline(id).data.executions?.[0];

/** The pipeline's refresh task runs now (not at its next idle tick). */
function nudged(name: string): boolean {
  const task = rig.live.scheduler.stats().tasks.find((t) => t.key === `aws:sim:us-east-1:pipeline:${name}`);
  return task?.status === 'running' || (task?.nextDueAt ?? Infinity) <= rig.clock.now() + 1_000;
}

describe('starting a pipeline from Starboard', () => {
  it('sends one StartPipelineExecution and the new execution reaches the snapshot', async () => {
    const before = latestExecution(paymentsId)?.pipelineExecutionId;
    const started = (await dispatch('command', 'codepipeline.executions.start', {
      pipelineId: paymentsId,
    })) as Result<{ pipelineExecutionId: string }>;
    if (!started.ok) throw new Error(started.error.message);
    expect(calls('StartPipelineExecution')).toBe(1);
    expect(calls()).toBe(1);
    expect(nudged(pa.pipeline)).toBe(true);
    await rig.run(2_000);
    const latest = latestExecution(paymentsId);
    expect(latest?.pipelineExecutionId).toBe(started.value.pipelineExecutionId);
    expect(latest?.pipelineExecutionId).not.toBe(before);
    expect(latest?.status).toBe('InProgress');
    expect(calls('StartPipelineExecution')).toBe(1);
    expect(logged.filter((l) => l.message.startsWith('starting')).map((l) => l.fields)).toEqual([
      { pipeline: pa.pipeline, source: 'aws:sim:us-east-1' },
      { pipeline: pa.pipeline, source: 'aws:sim:us-east-1', pipelineExecutionId: started.value.pipelineExecutionId },
    ]);
  });

  it('refuses a pipeline Starboard does not know, without calling CodePipeline', async () => {
    const unknown = pipelineId(location, 'no-such-pipeline');
    const out = await dispatch('command', 'codepipeline.executions.start', { pipelineId: unknown });
    expect(out).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(out.ok ? '' : out.error.message).toContain(unknown);
    expect(calls()).toBe(0);
  });

  it('names codepipeline:StartPipelineExecution when it is denied', async () => {
    deny(aws.control.world.policy, 'codepipeline:StartPipelineExecution', pipeline(paymentsId).data.summary.arn);
    const out = await dispatch('command', 'codepipeline.executions.start', { pipelineId: paymentsId });
    expect(out).toMatchObject({
      ok: false,
      error: { code: 'access-denied', missingPermission: 'codepipeline:StartPipelineExecution' },
    });
    expect(calls('StartPipelineExecution')).toBe(1);
  });
});

describe('stopping a pipeline execution from Starboard', () => {
  it('stops the running execution with abandon and a reason: one call, Stopped in the snapshot', async () => {
    const running = latestExecution(storefrontId);
    expect(running?.status).toBe('InProgress');
    const id = running?.pipelineExecutionId ?? '';
    const out = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: storefrontId,
      pipelineExecutionId: id,
      abandon: true,
      reason: 'Wrong branch',
    });
    expect(out).toEqual({ ok: true, value: { pipelineExecutionId: id } });
    expect(calls('StopPipelineExecution')).toBe(1);
    expect(calls()).toBe(1);
    await rig.run(2_000);
    expect(latestExecution(storefrontId)).toMatchObject({
      pipelineExecutionId: id,
      status: 'Stopped',
      stopReason: 'Wrong branch',
    });
    expect(calls('StopPipelineExecution')).toBe(1);
  });

  it('refuses an execution the snapshot shows finished, without calling CodePipeline', async () => {
    const finished = pipeline(paymentsId).data.executions?.find((e) => e.status !== 'InProgress');
    if (!finished) throw new Error('the demo has no finished execution');
    const out = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: paymentsId,
      pipelineExecutionId: finished.pipelineExecutionId,
      abandon: false,
    });
    expect(out).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(out.ok ? '' : out.error.message).toContain('nothing to stop');
    expect(calls()).toBe(0);
  });

  it('refuses an execution it does not know, and a reason over 200 characters, without calling', async () => {
    const unknown = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: storefrontId,
      pipelineExecutionId: '00000000-0000-0000-0000-000000000000',
      abandon: false,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const long = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: storefrontId,
      pipelineExecutionId: latestExecution(storefrontId)?.pipelineExecutionId ?? '',
      abandon: false,
      reason: 'r'.repeat(201),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls()).toBe(0);
  });

  it('says so in words when CodePipeline finds it already stopped', async () => {
    const id = latestExecution(storefrontId)?.pipelineExecutionId ?? '';
    // The first stop goes through; the snapshot still shows the execution running when the second is sent.
    const first = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: storefrontId,
      pipelineExecutionId: id,
      abandon: true,
    });
    expect(first.ok).toBe(true);
    const again = await dispatch('command', 'codepipeline.executions.stop', {
      pipelineId: storefrontId,
      pipelineExecutionId: id,
      abandon: true,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(again.ok ? '' : again.error.message).toContain('can no longer be stopped');
    expect(calls('StopPipelineExecution')).toBe(2);
  });
});

describe('retrying a failed stage from Starboard', () => {
  it('retries payments-api Build (failed actions only): one call, the stage runs again', async () => {
    const failed = latestExecution(paymentsId);
    expect(failed?.status).toBe('Failed');
    const id = failed?.pipelineExecutionId ?? '';
    const out = await dispatch('command', 'codepipeline.stages.retry', {
      pipelineId: paymentsId,
      pipelineExecutionId: id,
      stageName: 'Build',
      retryMode: 'FAILED_ACTIONS',
    });
    expect(out).toEqual({ ok: true, value: { pipelineExecutionId: id } });
    expect(calls('RetryStageExecution')).toBe(1);
    expect(calls()).toBe(1);
    expect(nudged(pa.pipeline)).toBe(true);
    await rig.run(2_000);
    const build = pipeline(paymentsId).data.state?.stages.find((s) => s.name === 'Build');
    expect(build?.latestExecution).toEqual({ pipelineExecutionId: id, status: 'InProgress' });
    expect(calls('RetryStageExecution')).toBe(1);
  });

  it('refuses a stage the snapshot shows succeeded, or of another execution, without calling', async () => {
    const failed = latestExecution(paymentsId)?.pipelineExecutionId ?? '';
    const source = await dispatch('command', 'codepipeline.stages.retry', {
      pipelineId: paymentsId,
      pipelineExecutionId: failed,
      stageName: 'Source',
      retryMode: 'ALL_ACTIONS',
    });
    expect(source).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(source.ok ? '' : source.error.message).toContain('only a failed or stopped stage');
    const older = pipeline(paymentsId).data.executions?.[1]?.pipelineExecutionId ?? '';
    const other = await dispatch('command', 'codepipeline.stages.retry', {
      pipelineId: paymentsId,
      pipelineExecutionId: older,
      stageName: 'Build',
      retryMode: 'FAILED_ACTIONS',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const missing = await dispatch('command', 'codepipeline.stages.retry', {
      pipelineId: paymentsId,
      pipelineExecutionId: failed,
      stageName: 'NoSuchStage',
      retryMode: 'FAILED_ACTIONS',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(calls()).toBe(0);
  });

  it('names codepipeline:RetryStageExecution when it is denied', async () => {
    deny(aws.control.world.policy, 'codepipeline:RetryStageExecution', pipeline(paymentsId).data.summary.arn);
    const out = await dispatch('command', 'codepipeline.stages.retry', {
      pipelineId: paymentsId,
      pipelineExecutionId: latestExecution(paymentsId)?.pipelineExecutionId ?? '',
      stageName: 'Build',
      retryMode: 'ALL_ACTIONS',
    });
    expect(out).toMatchObject({
      ok: false,
      error: { code: 'access-denied', missingPermission: 'codepipeline:RetryStageExecution' },
    });
    expect(calls('RetryStageExecution')).toBe(1);
  });
});

describe('reading the action runs of an execution', () => {
  it('lists the failed execution’s action runs with the failing build', async () => {
    const failed = latestExecution(paymentsId)?.pipelineExecutionId ?? '';
    const out = (await dispatch('query', 'codepipeline.actionExecutions', {
      pipelineId: paymentsId,
      pipelineExecutionId: failed,
    })) as Result<ActionExecutionsView>;
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.pipelineId).toBe(paymentsId);
    expect(out.value.actions.length).toBeGreaterThan(0);
    expect(out.value.actions.every((a) => a.pipelineExecutionId === failed)).toBe(true);
    expect(out.value.actions.find((a) => a.stageName === 'Build')?.status).toBe('Failed');
    expect(calls('ListActionExecutions')).toBe(1);
  });
});
