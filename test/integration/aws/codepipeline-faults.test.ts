// Throttling and AccessDenied on CodePipeline reads (RELIABILITY A09, issue 4):
// a problem stays on the pipeline it is about and names what to fix.
import { afterEach, describe, expect, it } from 'vitest';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws';
import { type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const names = [demoAws.storefront.pipeline, demoAws.paymentsApi.pipeline];
let rig: PipelineRig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('CodePipeline read faults', () => {
  it('rides out two throttled answers with the SDK retry (3 attempts)', async () => {
    rig = await startPipelineRig('demo');
    rig.sim.faults.add({ service: 'codepipeline', operation: 'GetPipelineState', error: 'throttle', times: 2 });
    const state = await rig.source.state(demoAws.storefront.pipeline);
    expect(state.ok).toBe(true);
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(3);
  });

  it('reports an always-throttled pipeline as slowed down, the others fine', async () => {
    rig = await startPipelineRig('demo', 10, { concurrency: 1 });
    // The first pipeline's three attempts are all throttled; later calls go through.
    rig.sim.faults.add({ service: 'codepipeline', operation: 'GetPipelineState', error: 'throttle', times: 3 });
    const states = await rig.source.states(names);
    const throttled = states.get(demoAws.storefront.pipeline);
    expect(throttled).toMatchObject({
      ok: false,
      error: { code: 'throttled', resource: demoAws.storefront.pipeline },
    });
    expect(throttled?.ok === false && throttled.error.retryAt).toBeTruthy();
    expect(states.get(demoAws.paymentsApi.pipeline)?.ok).toBe(true);
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(4);
  });

  it('names the missing action when one pipeline denies GetPipelineState', async () => {
    rig = await startPipelineRig('demo');
    const denied = rig.sim.control.world.pipelines.pipelines.get(demoAws.paymentsApi.pipeline);
    if (!denied) throw new Error('no payments pipeline');
    deny(rig.sim.control.world.policy, 'codepipeline:GetPipelineState', denied.arn);
    const states = await rig.source.states(names);
    expect(states.get(demoAws.paymentsApi.pipeline)).toMatchObject({
      ok: false,
      error: {
        code: 'access-denied',
        missingPermission: 'codepipeline:GetPipelineState',
        resource: demoAws.paymentsApi.pipeline,
      },
    });
    expect(states.get(demoAws.storefront.pipeline)?.ok).toBe(true);
    // AccessDenied is not retried by the SDK: one call per pipeline.
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(2);
  });

  it('keeps listing definitions when one GetPipeline is denied', async () => {
    rig = await startPipelineRig('demo');
    const denied = rig.sim.control.world.pipelines.pipelines.get(demoAws.storefront.pipeline);
    if (!denied) throw new Error('no storefront pipeline');
    deny(rig.sim.control.world.policy, 'codepipeline:GetPipeline', denied.arn);
    const refresh = await rig.source.refreshDefinitions();
    if (!refresh.ok) throw new Error(refresh.error.message);
    expect(refresh.value.definitions.map((d) => d.name)).toEqual([
      demoAws.mobileBackend.pipeline,
      demoAws.paymentsApi.pipeline,
    ]);
    expect(refresh.value.problems).toEqual([
      expect.objectContaining({ code: 'access-denied', missingPermission: 'codepipeline:GetPipeline' }),
    ]);
  });
});
