// codedeploy.deployments.stop through the contract's gate (dispatch) to the
// live workspace, the real SDK and the simulator: one StopDeployment for a
// deployment the snapshot shows running (the rollback, if asked for, appears
// in the next reads), none for one it does not know or shows finished, and
// CodeDeploy's refusals in words the dialog can show.
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
import type { CodeDeployDeployment } from '../../../src/shared/deployments';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { type AwsSim, demoAws, startAwsSim } from '../../../src/sim/aws';
import { deny } from '../../../src/sim/aws/access';
import { stopDelay } from '../../../src/sim/aws/world/codedeploy';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import { type LiveRig, openLiveRig } from './support-live';

const app = demoAws.storefront.deployApplication;
const group = demoAws.storefront.deploymentGroup;
const groupArn = `arn:aws:codedeploy:us-east-1:${demoAws.account}:deploymentgroup:${app}/${group}`;

let aws: AwsSim;
let requests: RequestLog;
let dir: string;
let rig: LiveRig;
let dispatch: Dispatch;
let logged: { level: string; message: string; fields?: Record<string, unknown> }[];

beforeEach(async () => {
  requests = new RequestLog();
  const faults = new FaultInjector(new Random(1).fork('faults'));
  aws = await startAwsSim({
    scenario: 'demo',
    seed: 1,
    scale: 10,
    clock: new ManualClock(Date.now()),
    faults,
    requests,
    port: 0,
  });
  dir = mkdtempSync(join(tmpdir(), 'starboard-codedeploy-stop-'));
  logged = [];
  const log: Logger = {
    info: (message, fields) => logged.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => logged.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message) => logged.push({ level: 'error', message }),
  };
  rig = openLiveRig({ dir, endpoint: aws.endpoint, log });
  // Only this command is wired, as the hub wires it; the gate in front of it is the real one.
  const commands = { 'codedeploy.deployments.stop': rig.live.stopCodeDeployDeployment.bind(rig.live) };
  dispatch = createDispatch({ queries: {} as QueryHandlers, commands: commands as unknown as CommandHandlers }, log);
  await rig.run(10_000);
});
afterEach(async () => {
  await rig.live.close();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const stop = (deploymentId: string, autoRollback: boolean) =>
  dispatch('command', 'codedeploy.deployments.stop', { deploymentId, autoRollback });
const stopCalls = () => requests.count({ service: 'codedeploy', operation: 'StopDeployment' });

function deployments(): CodeDeployDeployment[] {
  return resourcesOfKind(rig.live.snapshot, 'codedeploy-group').flatMap((g) => g.data.deployments);
}

/** Starts a deployment in the simulator and reads it into the snapshot, running. */
async function running(): Promise<string> {
  const id = aws.control.startDeployment(app, group);
  aws.control.advance(5_000);
  rig.live.refreshNow({});
  await rig.run(2_000);
  expect(deployments().find((d) => d.id === id)?.status).toBe('InProgress');
  requests.reset();
  return id;
}

/** CodeDeploy finishes the stop; the running cadence reads it within seconds. */
async function stopTakesEffect(): Promise<void> {
  aws.control.advance(stopDelay);
  await rig.run(10_000);
}

describe('stopping a CodeDeploy deployment from Starboard', () => {
  it('stops it with a rollback: one StopDeployment, then Stopped and a rollback deployment in the snapshot', async () => {
    const world = aws.control.world.codedeploy;
    const good = world.deployments.get(world.group(app, group)?.lastSuccessful ?? '');
    if (!good) throw new Error('the demo group has no successful deployment');
    const id = await running();

    expect(await stop(id, true)).toEqual({
      ok: true,
      value: { status: 'Pending', message: 'Stopping Active Deployment' },
    });
    expect(stopCalls()).toBe(1);
    // The deployments are read again now, not at the next running-cadence tick.
    const task = rig.live.scheduler.stats().tasks.find((t) => t.key === 'aws:sim:us-east-1:deployments');
    expect(task?.status === 'running' || (task?.nextDueAt ?? Infinity) <= rig.clock.now() + 1_000).toBe(true);

    await stopTakesEffect();
    const stopped = deployments().find((d) => d.id === id);
    expect(stopped).toMatchObject({ status: 'Stopped', error: { code: 'MANUAL_STOP' } });
    // Its targets are read once more after the stop: none is left showing the hooks it was running.
    expect(stopped?.targets?.map((t) => t.status)).toEqual(['Skipped', 'Skipped', 'Skipped']);
    const rollbackId = stopped?.rollback?.rollbackDeploymentId ?? '';
    const rollback = deployments().find((d) => d.id === rollbackId);
    expect(rollback).toMatchObject({ creator: 'codeDeployRollback', rollback: { rollbackTriggeringDeploymentId: id } });
    expect(world.deployments.get(rollbackId)?.revision).toBe(good.revision);
    expect(stopCalls()).toBe(1);
    // The log names the action and ids, nothing CodeDeploy wrote.
    const entries = logged.filter((l) => l.message.includes('CodeDeploy') || l.message.includes('stopping'));
    expect(entries.map((l) => l.fields)).toEqual([
      { deploymentId: id, autoRollback: true, source: 'aws:sim:us-east-1' },
      { deploymentId: id, autoRollback: true, source: 'aws:sim:us-east-1', status: 'Pending' },
    ]);
  });

  it('stops it without a rollback: Stopped, and no new deployment', async () => {
    const id = await running();
    const before = aws.control.world.codedeploy.deploymentOrder.length;
    expect(await stop(id, false)).toMatchObject({ ok: true, value: { status: 'Pending' } });
    await stopTakesEffect();
    const stopped = deployments().find((d) => d.id === id);
    expect(stopped?.status).toBe('Stopped');
    expect(stopped?.rollback).toBeUndefined();
    expect(aws.control.world.codedeploy.deploymentOrder).toHaveLength(before);
    expect(
      deployments().filter((d) => d.creator === 'codeDeployRollback' && d.createdAt > (stopped?.createdAt ?? '')),
    ).toEqual([]);
    expect(stopCalls()).toBe(1);
  });

  it('refuses a deployment the snapshot shows finished, without calling CodeDeploy', async () => {
    const finished = deployments().find((d) => d.status === 'Succeeded');
    if (!finished) throw new Error('the demo has no finished deployment');
    requests.reset();
    expect(await stop(finished.id, true)).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: `Deployment ${finished.id} already finished with status Succeeded: there is nothing to stop.`,
      },
    });
    expect(stopCalls()).toBe(0);
  });

  it('refuses a deployment Starboard does not know, without calling CodeDeploy', async () => {
    requests.reset();
    const result = await stop('d-UNKNOWN42', false);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(result.ok ? '' : result.error.message).toContain('d-UNKNOWN42');
    expect(requests.count({ service: 'codedeploy' })).toBe(0);
  });

  it('names codedeploy:StopDeployment when it is denied, and the deployment runs on', async () => {
    deny(aws.control.world.policy, 'codedeploy:StopDeployment', groupArn);
    const id = await running();
    expect(await stop(id, true)).toMatchObject({
      ok: false,
      error: { code: 'access-denied', missingPermission: 'codedeploy:StopDeployment' },
    });
    expect(stopCalls()).toBe(1);
    expect(aws.control.world.codedeploy.deployments.get(id)?.status).toBe('InProgress');
  });

  it('says "already finished" when the deployment finished after the snapshot read it', async () => {
    const id = await running();
    const simulated = aws.control.world.codedeploy.deployments.get(id);
    if (!simulated) throw new Error(`no ${id} in the simulator`);
    aws.control.world.codedeploy.stop(simulated, false);
    expect(await stop(id, true)).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Deployment ${id} has already finished: there is nothing to stop.` },
    });
    expect(stopCalls()).toBe(1);
    // The snapshot catches up at once.
    await rig.run(2_000);
    expect(deployments().find((d) => d.id === id)?.status).toBe('Stopped');
  });
});
