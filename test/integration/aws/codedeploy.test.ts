// CodeDeploySource through the real SDK against the simulator's demo account
// (storefront deploys to 3 instances): what it sees, and how many calls it
// spends seeing it, counted by the simulator's request log.
import { CodeDeployClient, ListDeploymentsCommand, type ListDeploymentsCommandInput } from '@aws-sdk/client-codedeploy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { CodeDeploySource } from '../../../src/main/sources/aws/codedeploy/deploy-source';
import type { CodeDeployDeployment } from '../../../src/shared/deployments';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { minutes } from '../../../src/sim/aws/world/context';
import { type Harness, startHarness } from '../../sim/aws/harness';

const app = demoAws.storefront.deployApplication;
const group = demoAws.storefront.deploymentGroup;
const groupArn = `arn:aws:codedeploy:us-east-1:${demoAws.account}:deploymentgroup:${app}/${group}`;

describe('CodeDeploySource over the demo account', () => {
  let sim: Harness;
  let read: CodeDeployClient;
  let write: CodeDeployClient;
  let source: CodeDeploySource;
  /** What the SDK clients sent, command and input (the request log keeps no inputs). */
  let sent: { command: string; input: Record<string, unknown> }[] = [];
  const calls = (operation?: string): number =>
    sim.requests.count({ service: 'codedeploy', ...(operation ? { operation } : {}) });
  const deploymentOf = (id: string): CodeDeployDeployment | undefined =>
    source.current.deployments.find((d) => d.id === id);
  /** Moves the clock a minute at a time until the simulated deployment has finished. */
  const finish = (id: string): void => {
    const d = sim.control.world.codedeploy.deployments.get(id);
    for (let i = 0; i < 60 && d && ['Created', 'InProgress'].includes(d.status); i += 1) sim.clock.advance(minutes);
    expect(d?.status).not.toBe('InProgress');
  };

  beforeAll(async () => {
    sim = await startHarness('demo');
    read = new CodeDeployClient(clientConfig(sim.target, 'read'));
    write = new CodeDeployClient(clientConfig(sim.target, 'write'));
    for (const client of [read, write]) {
      client.middlewareStack.add(
        (next, context) => async (args) => {
          sent.push({
            command: context.commandName ?? '?',
            input: structuredClone(args.input) as Record<string, unknown>,
          });
          return next(args);
        },
        { step: 'initialize', name: 'recordInputs' },
      );
    }
    source = new CodeDeploySource(read, write, sim.location, { now: () => new Date(sim.clock.now()) });
  });
  afterAll(async () => {
    read.destroy();
    write.destroy();
    await sim.close();
  });

  it('reads each group with its last attempted and last successful deployment and the revision it deploys', async () => {
    sim.requests.reset();
    const { groups, problems } = await source.refreshGroups();
    expect(problems).toEqual([]);
    expect(sim.requests.byOperation()).toEqual({
      'codedeploy.ListApplications': 1,
      'codedeploy.ListDeploymentGroups': 1,
      'codedeploy.BatchGetDeploymentGroups': 1,
    });
    const world = sim.control.world.codedeploy.group(app, group);
    expect(groups.map((g) => g.name).sort()).toEqual([group, demoAws.storefront.stagingGroup]);
    expect(groups.filter((g) => g.name === group)).toEqual([
      expect.objectContaining({
        arn: groupArn,
        application: app,
        name: group,
        computePlatform: 'Server',
        lastAttempted: expect.objectContaining({ deploymentId: world?.lastAttempted }) as unknown,
        lastSuccessful: expect.objectContaining({
          deploymentId: world?.lastSuccessful,
          status: 'Succeeded',
        }) as unknown,
        targetRevision: expect.objectContaining({
          type: 'S3',
          location: expect.stringMatching(/^s3:\/\/codepipeline-artifacts\/storefront\/\w+\.zip#\w+$/) as unknown,
        }) as unknown,
      }),
    ]);
  });

  it('reads the recent deployments newest first, and the failed ones with their targets', async () => {
    sim.requests.reset();
    const current = await source.refresh();
    expect(current.problem).toBeUndefined();
    const ids = [...sim.control.world.codedeploy.deploymentOrder].reverse();
    expect(current.deployments.map((d) => d.id)).toEqual(ids);
    const failed = current.deployments.filter((d) => d.status === 'Failed');
    expect(calls('ListDeployments')).toBe(2); // the newest, and every active one
    expect(calls('BatchGetDeployments')).toBe(Math.ceil(ids.length / 25));
    expect(calls('ListDeploymentTargets')).toBe(failed.length);
    for (const d of failed) expect(d.targets).toHaveLength(3);
    for (const d of current.deployments.filter((x) => x.status === 'Succeeded')) expect(d.targets).toBeUndefined();
  });

  it('spends exactly one ListDeployments and no batch read when nothing changed', async () => {
    sim.clock.advance(minutes);
    sim.requests.reset();
    sent = [];
    const before = source.current.deployments;
    const current = await source.refresh();
    expect(sim.requests.byOperation()).toEqual({ 'codedeploy.ListDeployments': 1 });
    expect(current.deployments).toEqual(before);
    expect(sent).toEqual([
      { command: 'ListDeploymentsCommand', input: { createTimeRange: { start: expect.any(Date) as unknown } } },
    ]);
  });

  it('reads a new deployment with one BatchGetDeployments, and its targets while it runs', async () => {
    const id = sim.control.startDeployment(app, group);
    sim.requests.reset();
    await source.refresh();
    expect(sim.requests.byOperation()).toEqual({
      'codedeploy.ListDeployments': 1,
      'codedeploy.BatchGetDeployments': 1,
      'codedeploy.ListDeploymentTargets': 1,
      'codedeploy.BatchGetDeploymentTargets': 1,
    });
    expect(source.current.deployments[0]).toMatchObject({ id, status: 'Created', creator: 'user' });
    expect(deploymentOf(id)?.targets?.map((t) => t.status)).toEqual(['Pending', 'Pending', 'Pending']);
    finish(id);
    sim.requests.reset();
    await source.refresh();
    expect(deploymentOf(id)?.status).toBe('Succeeded');
    expect(calls('BatchGetDeployments')).toBe(1);
    sim.requests.reset();
    await source.refresh();
    expect(calls()).toBe(1);
  });

  it('sees a deployment that started and finished between two refreshes', async () => {
    const id = sim.control.startDeployment(app, group);
    finish(id);
    sim.requests.reset();
    await source.refresh();
    expect(calls('ListDeployments')).toBe(1);
    expect(deploymentOf(id)).toMatchObject({ status: 'Succeeded' });
  });

  it('shows which hook failed on which instance, with the script message and log tail, read once', async () => {
    const logTail = '[stderr]curl: (7) Failed to connect to localhost port 80 after 0 ms: Connection refused\n';
    sim.control.failNextDeployment(app, group, { logTail });
    const id = sim.control.startDeployment(app, group);
    finish(id);
    await source.refresh();
    const d = deploymentOf(id);
    expect(d).toMatchObject({ status: 'Failed', error: { code: 'HEALTH_CONSTRAINTS' } });
    const [first, ...rest] = d?.targets ?? [];
    expect(first?.status).toBe('Failed');
    expect(first?.lifecycle.map((e) => [e.name, e.status])).toEqual([
      ['ApplicationStop', 'Succeeded'],
      ['DownloadBundle', 'Succeeded'],
      ['BeforeInstall', 'Succeeded'],
      ['Install', 'Succeeded'],
      ['AfterInstall', 'Succeeded'],
      ['ApplicationStart', 'Succeeded'],
      ['ValidateService', 'Failed'],
    ]);
    expect(first?.lifecycle.at(-1)?.diagnostics).toEqual({
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/validate.sh',
      message: expect.stringContaining('scripts/validate.sh') as unknown,
      logTail,
    });
    expect(first?.lifecycle[0]?.diagnostics).toBeUndefined();
    expect(rest.map((t) => t.status)).toEqual(['Skipped', 'Skipped']);

    sim.requests.reset();
    await source.refresh();
    expect(calls()).toBe(1);
    expect(deploymentOf(id)?.targets).toEqual(d?.targets);
  });

  it('stops a deployment without a rollback', async () => {
    const id = sim.control.startDeployment(app, group);
    await source.refresh();
    sim.requests.reset();
    sent = [];
    const stopped = await source.stop(id, { autoRollback: false });
    expect(stopped).toEqual({ ok: true, value: { status: 'Pending', message: 'Stopping Active Deployment' } });
    expect(sim.requests.byOperation()).toEqual({ 'codedeploy.StopDeployment': 1 });
    expect(sent).toEqual([
      { command: 'StopDeploymentCommand', input: { deploymentId: id, autoRollbackEnabled: false } },
    ]);
    // CodeDeploy stops it moments after answering.
    sim.clock.advance(minutes);
    await source.refresh();
    expect(deploymentOf(id)).toMatchObject({ status: 'Stopped', error: { code: 'MANUAL_STOP' } });
    expect(deploymentOf(id)?.rollback).toBeUndefined();

    sim.requests.reset();
    const again = await source.stop(id, { autoRollback: false });
    expect(again.ok).toBe(false);
    expect(calls('StopDeployment')).toBe(1);
  });

  it('stops a deployment and rolls back to the last good revision', async () => {
    const good = sim.control.world.codedeploy.group(app, group)?.lastSuccessful ?? '';
    const id = sim.control.startDeployment(app, group);
    await source.refresh();
    const stopped = await source.stop(id, { autoRollback: true });
    expect(stopped.ok).toBe(true);
    sim.clock.advance(minutes);
    await source.refresh();
    const rollbackId = deploymentOf(id)?.rollback?.rollbackDeploymentId ?? '';
    expect(deploymentOf(id)?.status).toBe('Stopped');
    const rollback = deploymentOf(rollbackId);
    expect(rollback).toMatchObject({
      creator: 'codeDeployRollback',
      rollback: { rollbackTriggeringDeploymentId: id },
      revision: deploymentOf(good)?.revision,
    });
    expect(source.current.deployments[0]?.id).toBe(rollbackId);
    finish(rollbackId);
    await source.refresh();
    expect(deploymentOf(rollbackId)?.status).toBe('Succeeded');
  });

  it('names codedeploy:BatchGetDeployments when it is denied, and reads the deployment once allowed', async () => {
    deny(sim.control.world.policy, 'codedeploy:BatchGetDeployments', groupArn);
    const id = sim.control.startDeployment(app, group);
    const before = source.current.deployments.length;
    const denied = await source.refresh();
    expect(denied.problem).toBeUndefined();
    expect(denied.problems).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        missingPermission: 'codedeploy:BatchGetDeployments',
        message: expect.stringContaining(groupArn) as unknown,
      }),
    ]);
    expect(denied.deployments).toHaveLength(before);
    // Still denied while the listing window moves past the deployment: it must not be forgotten.
    sim.clock.advance(10 * minutes);
    await source.refresh();
    sim.control.world.policy.denied.clear();
    const allowed = await source.refresh();
    expect(allowed.problems).toEqual([]);
    // (The demo's waiting storefront release may have been approved and deployed meanwhile: not only newest.)
    expect(deploymentOf(id)).toMatchObject({ id, application: app, group });
  });

  it('names codedeploy:ListDeployments when the listing itself is denied, keeping the last good copy', async () => {
    const before = source.current;
    sim.faults.add({ service: 'codedeploy', operation: 'ListDeployments', error: 'access-denied' });
    const denied = await source.refresh();
    sim.faults.clear();
    expect(denied.problem).toMatchObject({ code: 'access-denied', missingPermission: 'codedeploy:ListDeployments' });
    expect(denied.deployments).toEqual(before.deployments);
    expect(denied.fetchedAt).toBe(before.fetchedAt);
  });
});

describe('the simulated ListDeployments', () => {
  let sim: Harness;
  let client: CodeDeployClient;
  const list = async (input: ListDeploymentsCommandInput): Promise<string[]> =>
    (await client.send(new ListDeploymentsCommand(input))).deployments ?? [];

  beforeAll(async () => {
    sim = await startHarness('demo');
    client = new CodeDeployClient(clientConfig(sim.target, 'read'));
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  it('lists account-wide, and honours includeOnlyStatuses and createTimeRange', async () => {
    const world = sim.control.world.codedeploy;
    const all = await list({});
    expect(all).toEqual([...world.deploymentOrder].reverse());
    const since = new Date(sim.clock.now());
    sim.clock.advance(minutes);
    const id = sim.control.startDeployment(app, group);
    expect(await list({ createTimeRange: { start: since } })).toEqual([id]);
    expect(await list({ createTimeRange: { end: since } })).toEqual(all);
    expect(await list({ includeOnlyStatuses: ['Created', 'InProgress'] })).toEqual([id]);
    expect(await list({ includeOnlyStatuses: ['Succeeded'] })).toEqual(
      all.filter((d) => world.deployments.get(d)?.status === 'Succeeded'),
    );
  });
});
