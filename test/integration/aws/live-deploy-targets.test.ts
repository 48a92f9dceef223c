// The deploy targets in the live workspace, end to end against the simulator:
// the storefront's CodeDeploy groups, the payments API's Beanstalk
// environment and the mobile backend's stack and ECS service reach the
// snapshot with their projects, a failed deployment and a degraded
// environment are delivered once, the idle cost stays a handful of calls,
// and a user without CodeDeploy or Beanstalk permissions is not asked again
// every minute. The simulator's clock starts at the real time: the
// sources list "what was created since the last refresh" by the real clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/hub/log';
import type { ProjectEvent } from '../../../src/shared/events';
import { projectsOfResource } from '../../../src/shared/project-resources';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { type AwsSim, demoAws, startAwsSim } from '../../../src/sim/aws';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import { type LiveRig, openLiveRig } from './support-live';

const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
const mb = demoAws.mobileBackend;
const minutes = 60_000;

interface Sim {
  aws: AwsSim;
  clock: ManualClock;
  faults: FaultInjector;
  requests: RequestLog;
}

let sim: Sim;
let dir: string;
let rig: Rig | undefined;

type Rig = LiveRig;

function open(): Rig {
  rig = openLiveRig({ dir, endpoint: sim.aws.endpoint, log: silentLogger });
  return rig;
}

beforeEach(async () => {
  const clock = new ManualClock(Date.now());
  const faults = new FaultInjector(new Random(1).fork('faults'));
  const requests = new RequestLog();
  const aws = await startAwsSim({ scenario: 'demo', seed: 1, scale: 10, clock, faults, requests, port: 0 });
  sim = { aws, clock, faults, requests };
  dir = mkdtempSync(join(tmpdir(), 'starboard-deploy-'));
});
afterEach(async () => {
  await rig?.live.close();
  rig = undefined;
  await sim.aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const ofKind = (r: Rig, kind: ProjectEvent['kind']) => r.delivered().filter((e) => e.kind === kind);

describe('the deploy targets in the live workspace', () => {
  it('holds the storefront deployment groups, the payments API environment and the mobile backend stack and service, each with its project', async () => {
    const r = open();
    await r.run(10_000);
    const snapshot = r.live.snapshot;
    const projects = r.live.projects.projects;

    const groups = resourcesOfKind(snapshot, 'codedeploy-group');
    const group = groups.find((g) => g.data.group.name === sf.deploymentGroup);
    if (!group) throw new Error(`no ${sf.deploymentGroup} in the snapshot`);
    expect(group.data.group.application).toBe(sf.deployApplication);
    expect(group.data.deployments.length).toBeGreaterThan(0);
    expect(group.data.deployments.every((d) => d.group === sf.deploymentGroup)).toBe(true);
    const created = group.data.deployments.map((d) => d.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(projectsOfResource(group, projects)).toEqual(['storefront']);

    const environments = resourcesOfKind(snapshot, 'beanstalk-environment');
    const environment = environments.find((e) => e.data.environment.name === pa.environment);
    if (!environment) throw new Error(`no ${pa.environment} in the snapshot`);
    expect(environment.data.environment.health).toBe('Yellow');
    expect(environment.data.environment.causes.length).toBeGreaterThan(0);
    expect(environment.data.events.every((e) => e.environment === pa.environment)).toBe(true);
    expect(projectsOfResource(environment, projects)).toEqual(['payments-api']);

    // A group no pipeline names joins its project by its tag.
    const staging = groups.find((g) => g.data.group.name === sf.stagingGroup);
    expect(staging?.data.deployments[0]?.status).toBe('Failed');
    expect(staging && projectsOfResource(staging, projects)).toEqual(['storefront']);

    // The stack and the service the mobile backend pipeline's definition names, read because it names them.
    const [stack, ...otherStacks] = resourcesOfKind(snapshot, 'cloudformation-stack');
    expect(otherStacks).toEqual([]);
    expect(stack?.data.stack).toMatchObject({ name: mb.stagingStack, status: 'UPDATE_ROLLBACK_COMPLETE' });
    expect(stack?.data.stack.failures.map((f) => f.logicalId)).toEqual([mb.cancelledResource, mb.failingResource]);
    expect(stack && projectsOfResource(stack, projects)).toEqual([mb.project]);
    const [service, ...otherServices] = resourcesOfKind(snapshot, 'ecs-service');
    expect(otherServices).toEqual([]);
    expect(service?.data.service).toMatchObject({
      name: mb.service,
      running: mb.serviceTasks,
      desired: mb.serviceTasks,
      rollout: { state: 'COMPLETED' },
    });
    expect(service && projectsOfResource(service, projects)).toEqual([mb.project]);
  });

  it('delivers a failed ValidateService deployment and a degraded environment once each', async () => {
    const r = open();
    await r.run(10_000);
    // Yellow already at the first read: reported once, as the current state.
    expect(ofKind(r, 'environment.health.degraded')).toHaveLength(1);

    sim.aws.control.failNextDeployment(sf.deployApplication, sf.deploymentGroup, {
      message: 'Script at specified location: scripts/validate.sh failed with exit code 1',
      logTail: 'curl: (7) Failed to connect to localhost port 8080',
    });
    const deploymentId = sim.aws.control.startDeployment(sf.deployApplication, sf.deploymentGroup);
    sim.aws.control.degradeEnvironment(pa.environment, 'Red', ['100 % of the requests are failing with HTTP 5xx.']);
    sim.aws.control.advance(30 * minutes);
    // Each idle task runs at least once more (65 s ± 7 %), then once again: nothing is delivered twice.
    await r.run(90_000);
    await r.run(90_000);

    const failed = ofKind(r, 'codedeploy.deployment.failed').filter(
      (e) => (e.data as { deploymentId?: string }).deploymentId === deploymentId,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      origin: 'change',
      projects: ['storefront'],
      data: { failedHook: { hook: 'ValidateService' } },
    });
    const degraded = ofKind(r, 'environment.health.degraded');
    expect(degraded).toHaveLength(2);
    expect(degraded[1]).toMatchObject({
      origin: 'change',
      projects: ['payments-api'],
      data: { health: 'Red', previous: 'Yellow' },
    });
    const group = resourcesOfKind(r.live.snapshot, 'codedeploy-group').find(
      (g) => g.data.group.name === sf.deploymentGroup,
    );
    expect(group?.data.deployments[0]).toMatchObject({ id: deploymentId, status: 'Failed' });
  });

  it('adds one ListDeployments, one DescribeEnvironments, DescribeEvents and health read per troubled environment, and one DescribeStacks and DescribeServices when idle', async () => {
    const deployCalls = () =>
      Object.fromEntries(
        Object.entries(sim.requests.byOperation()).filter(([op]) =>
          /^(codedeploy|elasticbeanstalk|cloudformation|ecs)\./.test(op),
        ),
      );
    const r = open();
    await r.run(10_000);
    console.info('deploy-target calls of the first refresh of the demo account:', deployCalls());
    sim.requests.reset();
    await r.run(90_000);
    const deploy = deployCalls();
    console.info('deploy-target calls in 90 idle seconds of the demo account:', deploy);
    const troubled = resourcesOfKind(r.live.snapshot, 'beanstalk-environment').filter(
      (e) => e.data.environment.health !== 'Green',
    ).length;
    // One DescribeStacks per stack and one DescribeServices per cluster (the demo deploys to one of each).
    expect(deploy).toEqual({
      'codedeploy.ListDeployments': 1,
      'elasticbeanstalk.DescribeEnvironments': 1,
      'elasticbeanstalk.DescribeEvents': 1,
      'elasticbeanstalk.DescribeEnvironmentHealth': troubled,
      'cloudformation.DescribeStacks': 1,
      'ecs.DescribeServices': 1,
    });
  });

  it('asks a user without CodeDeploy or Beanstalk permissions again on the definitions timer only', async () => {
    sim.faults.add({ service: 'codedeploy', operation: 'ListApplications', error: 'access-denied' });
    sim.faults.add({ service: 'elasticbeanstalk', operation: 'DescribeEnvironments', error: 'access-denied' });
    const r = open();
    await r.run(10 * minutes);
    expect(sim.requests.count({ service: 'codedeploy', operation: 'ListApplications' })).toBe(1);
    expect(sim.requests.count({ service: 'codedeploy', operation: 'ListDeployments' })).toBe(0);
    expect(sim.requests.count({ service: 'elasticbeanstalk', operation: 'DescribeEnvironments' })).toBe(1);
    const status = r.live.snapshot.sources['aws:sim:us-east-1']?.kinds;
    expect(status?.['codedeploy-group']?.problem?.code).toBe('access-denied');
    expect(status?.['beanstalk-environment']?.problem?.code).toBe('access-denied');
    // The pipelines and builds are read as ever.
    expect(resourcesOfKind(r.live.snapshot, 'pipeline').length).toBeGreaterThan(0);
  });
});
