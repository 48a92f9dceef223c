// Start, stop and retry through the real SDK against the simulator, with the
// clock moved to let executions progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { minutes } from '../../../src/sim/aws/world/context';
import { type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
let rig: PipelineRig;

beforeEach(async () => {
  rig = await startPipelineRig('demo');
});
afterEach(async () => {
  await rig.close();
});

async function latest(name: string) {
  const executions = await rig.source.executions(name, 1);
  if (!executions.ok) throw new Error(executions.error.message);
  return executions.value[0];
}

describe('pipeline commands', () => {
  it('starts an execution and returns its id', async () => {
    const started = await rig.source.startExecution(pa.pipeline);
    if (!started.ok) throw new Error(started.error.message);
    expect(pipelineCalls(rig.sim, 'StartPipelineExecution')).toBe(1);
    expect(await latest(pa.pipeline)).toMatchObject({ pipelineExecutionId: started.value, status: 'InProgress' });
    rig.sim.clock.advance(60 * minutes);
    expect(await latest(pa.pipeline)).toMatchObject({ pipelineExecutionId: started.value, status: 'Succeeded' });
  });

  it('stops an execution with abandon and a reason', async () => {
    const started = await rig.source.startExecution(pa.pipeline);
    if (!started.ok) throw new Error(started.error.message);
    rig.sim.clock.advance(1 * minutes);
    const stopped = await rig.source.stopExecution(pa.pipeline, started.value, {
      abandon: true,
      reason: 'Wrong branch',
    });
    expect(stopped).toEqual({ ok: true, value: started.value });
    expect(await latest(pa.pipeline)).toMatchObject({ status: 'Stopped', stopReason: 'Wrong branch' });
    // Stopping it again is refused by CodePipeline, reported, not retried.
    const again = await rig.source.stopExecution(pa.pipeline, started.value, { abandon: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'internal', resource: pa.pipeline } });
    expect(again.ok || again.error.message).toContain('PipelineExecutionNotStoppableException');
    expect(pipelineCalls(rig.sim, 'StopPipelineExecution')).toBe(2);
  });

  it('refuses a stop reason over 200 characters before calling', async () => {
    const out = await rig.source.stopExecution(pa.pipeline, 'x', { abandon: false, reason: 'r'.repeat(201) });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(pipelineCalls(rig.sim)).toBe(0);
  });

  it('retries the failed Build stage of payments-api (failed actions only)', async () => {
    const failed = await latest(pa.pipeline);
    expect(failed?.status).toBe('Failed');
    const retried = await rig.source.retryStage(
      pa.pipeline,
      'Build',
      failed?.pipelineExecutionId ?? '',
      'FAILED_ACTIONS',
    );
    expect(retried).toEqual({ ok: true, value: failed?.pipelineExecutionId });
    const running = await rig.source.state(pa.pipeline);
    expect(running.ok && running.value.stages.find((s) => s.name === 'Build')?.latestExecution?.status).toBe(
      'InProgress',
    );
    rig.sim.clock.advance(60 * minutes);
    expect(await latest(pa.pipeline)).toMatchObject({
      pipelineExecutionId: failed?.pipelineExecutionId,
      status: 'Succeeded',
    });
  });

  it('reports a stage that cannot be retried', async () => {
    const current = await latest(sf.pipeline);
    const out = await rig.source.retryStage(sf.pipeline, 'Build', current?.pipelineExecutionId ?? '', 'ALL_ACTIONS');
    expect(out).toMatchObject({ ok: false, error: { resource: sf.pipeline } });
    expect(out.ok || out.error.message).toContain('StageNotRetryableException');
  });
});
