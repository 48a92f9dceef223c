// BeanstalkSource through the real SDK against the simulator: what it sees
// of environments, their causes and their events, and how many calls a
// refresh spends (counted by the simulator's request log). The last block
// holds the simulator itself to the Beanstalk API reference.
import {
  DescribeEnvironmentHealthCommand,
  DescribeEnvironmentsCommand,
  DescribeEventsCommand,
  ElasticBeanstalkClient,
} from '@aws-sdk/client-elastic-beanstalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeanstalkSource } from '../../../src/main/sources/aws/beanstalk/beanstalk-source';
import { eventKey } from '../../../src/main/sources/aws/beanstalk/beanstalk-mapping';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import type { BeanstalkRead } from '../../../src/shared/deployments';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { minutes } from '../../../src/sim/aws/world/context';
import { type Harness, startHarness } from '../../sim/aws/harness';

const pa = demoAws.paymentsApi;
const staging = 'payments-api-staging';
const worker = 'reports-worker';
const legacy = 'legacy-admin';
const arnOf = (application: string, environment: string): string =>
  `arn:aws:elasticbeanstalk:us-east-1:${demoAws.account}:environment/${application}/${environment}`;
const envOf = (read: BeanstalkRead, name: string) => read.environments.find((e) => e.name === name);

describe('BeanstalkSource over the demo account', () => {
  let sim: Harness;
  let client: ElasticBeanstalkClient;
  let source: BeanstalkSource;
  const startTimes: (Date | undefined)[] = [];
  let firstPollAt = 0;
  const calls = (operation: string): number => sim.requests.count({ service: 'elasticbeanstalk', operation });

  beforeAll(async () => {
    sim = await startHarness('demo');
    client = new ElasticBeanstalkClient(clientConfig(sim.target, 'read'));
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'DescribeEventsCommand')
          startTimes.push((args.input as { StartTime?: Date }).StartTime);
        return next(args);
      },
      { step: 'initialize', name: 'recordStartTime' },
    );
    // Beside the demo's payments-api-prod (Yellow/Warning): a healthy one, a worker and one with basic health.
    sim.control.addBeanstalkEnvironment(pa.beanstalkApplication, staging);
    sim.control.addBeanstalkEnvironment('reports', worker, { tier: 'Worker' });
    sim.control.addBeanstalkEnvironment('legacy', legacy, { enhancedHealth: false });
    sim.control.degradeEnvironment(legacy, 'Red', []);
    source = new BeanstalkSource(client, sim.location, { now: () => new Date(sim.clock.now()) });
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  it('costs 1 DescribeEnvironments + 1 DescribeEvents + 1 DescribeEnvironmentHealth per troubled enhanced environment', async () => {
    sim.requests.reset();
    firstPollAt = sim.clock.now();
    const read = await source.refresh();
    expect(read.problem).toBeUndefined();
    expect(read.problems).toEqual([]);
    // Only payments-api-prod: legacy-admin is Red but has basic health, the others are Green/Ok.
    expect(sim.requests.byOperation()).toEqual({
      'elasticbeanstalk.DescribeEnvironments': 1,
      'elasticbeanstalk.DescribeEvents': 1,
      'elasticbeanstalk.DescribeEnvironmentHealth': 1,
    });
    expect(read.environments.map((e) => e.name)).toEqual([legacy, pa.environment, staging, worker]);
    expect(envOf(read, pa.environment)).toMatchObject({
      arn: arnOf(pa.beanstalkApplication, pa.environment),
      application: pa.beanstalkApplication,
      status: 'Ready',
      health: 'Yellow',
      healthStatus: 'Warning',
      causes: ['25.0 % of the requests are failing with HTTP 5xx.', 'Average latency is 2.3 seconds.'],
      tier: 'WebServer',
      platform: '64bit Amazon Linux 2023 v6.6.0 running Node.js 20',
      cname: expect.stringContaining(pa.environment) as string,
    });
    expect(envOf(read, legacy)).toMatchObject({ health: 'Red', causes: [] });
    expect(envOf(read, legacy)?.healthStatus).toBeUndefined();
    expect(envOf(read, worker)).toMatchObject({ health: 'Green', healthStatus: 'Ok', causes: [], tier: 'Worker' });

    sim.control.degradeEnvironment(worker, 'Red', ['Instance i-0abc has failed health checks'], 'Severe');
    sim.control.degradeEnvironment(
      staging,
      'Yellow',
      ['100.0 % of the requests are failing with HTTP 5xx.'],
      'Degraded',
    );
    sim.requests.reset();
    await source.refresh();
    expect(calls('DescribeEnvironments')).toBe(1);
    expect(calls('DescribeEvents')).toBe(1);
    expect(calls('DescribeEnvironmentHealth')).toBe(3);
  });

  it('shows why a degraded environment is not Ok', () => {
    const read = source.read;
    expect(envOf(read, worker)).toMatchObject({
      health: 'Red',
      healthStatus: 'Severe',
      causes: ['Instance i-0abc has failed health checks'],
    });
    expect(envOf(read, staging)).toMatchObject({
      health: 'Yellow',
      healthStatus: 'Degraded',
      causes: ['100.0 % of the requests are failing with HTTP 5xx.'],
    });
  });

  it('reads the events since the last poll once: newest first, no duplicates over three polls', async () => {
    sim.clock.advance(1 * minutes);
    sim.control.addEnvironmentEvent(worker, 'ERROR', 'Failed to deploy application.');
    const first = await source.refresh();
    expect(first.events.filter((e) => e.message === 'Failed to deploy application.')).toHaveLength(1);
    sim.clock.advance(1 * minutes);
    sim.control.addEnvironmentEvent(staging, 'WARN', 'Environment health has been set to Degraded.');
    await source.refresh();
    const third = await source.refresh();
    const keys = third.events.map(eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(third.events[0]).toMatchObject({
      environment: staging,
      severity: 'WARN',
      message: 'Environment health has been set to Degraded.',
    });
    expect(third.events.find((e) => e.message === 'Failed to deploy application.')).toMatchObject({
      severity: 'ERROR',
      environment: worker,
      application: 'reports',
    });
    const ats = third.events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    // The first poll looks back an hour; each later one starts at the newest event it has seen.
    const polls = startTimes.slice(-3);
    expect(polls[1]?.toISOString()).toBe(first.events[0]?.at);
    expect(polls[2]?.toISOString()).toBe(third.events[0]?.at);
    expect(startTimes[0]?.getTime()).toBe(firstPollAt - 60 * minutes);
  });

  it('shows a newly deployed version label as the running version', async () => {
    sim.control.deployEnvironmentVersion(pa.environment, 'v42-refund-limits');
    expect(envOf(await source.refresh(), pa.environment)?.status).toBe('Updating');
    sim.clock.advance(6 * minutes);
    const read = await source.refresh();
    expect(envOf(read, pa.environment)).toMatchObject({ status: 'Ready', versionLabel: 'v42-refund-limits' });
    expect(read.events.map((e) => e.message)).toContain(
      'New application version was deployed to running EC2 instances.',
    );
  });

  it('names elasticbeanstalk:DescribeEnvironmentHealth when one environment is refused, and keeps the others', async () => {
    const arn = arnOf('reports', worker);
    deny(sim.control.world.policy, 'elasticbeanstalk:DescribeEnvironmentHealth', arn);
    sim.control.degradeEnvironment(staging, 'Red', ['Instance i-0def has failed health checks'], 'Severe');
    const read = await source.refresh();
    sim.control.world.policy.denied.clear();
    expect(read.problem).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        missingPermission: 'elasticbeanstalk:DescribeEnvironmentHealth',
        resource: arn,
      }),
    ]);
    // The refused one keeps the causes it had; the others are fresh.
    expect(envOf(read, worker)?.causes).toEqual(['Instance i-0abc has failed health checks']);
    expect(envOf(read, staging)).toMatchObject({ health: 'Red', causes: ['Instance i-0def has failed health checks'] });
    expect((await source.refresh()).problems).toEqual([]);
  });

  it('names elasticbeanstalk:DescribeEnvironments when the listing is refused, and keeps the last good copy', async () => {
    const before = source.read;
    deny(sim.control.world.policy, 'elasticbeanstalk:DescribeEnvironments', arnOf('legacy', legacy));
    const read = await source.refresh();
    sim.control.world.policy.denied.clear();
    expect(read.problem).toMatchObject({
      code: 'access-denied',
      missingPermission: 'elasticbeanstalk:DescribeEnvironments',
    });
    expect(read.fetchedAt).toBe(before.fetchedAt);
    expect(read.environments).toEqual(before.environments);
  });

  it('drops a terminated environment (IncludeDeleted false)', async () => {
    sim.control.terminateEnvironment(legacy);
    const read = await source.refresh();
    expect(envOf(read, legacy)).toBeUndefined();
    expect(read.events[0]).toMatchObject({
      environment: legacy,
      message: 'terminateEnvironment completed successfully.',
    });
  });

  describe('the simulator, as the API reference documents Beanstalk', () => {
    it('DescribeEnvironments lists a terminated environment unless IncludeDeleted is false, and sends no HealthStatus for basic health', async () => {
      const all = await client.send(new DescribeEnvironmentsCommand({}));
      expect(all.Environments?.find((e) => e.EnvironmentName === legacy)).toMatchObject({ Status: 'Terminated' });
      const live = await client.send(new DescribeEnvironmentsCommand({ IncludeDeleted: false }));
      expect(live.Environments?.map((e) => e.EnvironmentName)).not.toContain(legacy);
      expect(live.Environments?.find((e) => e.EnvironmentName === worker)?.HealthStatus).toBe('Severe');
      sim.clock.advance(2 * 60 * minutes);
      const later = await client.send(new DescribeEnvironmentsCommand({}));
      expect(later.Environments?.map((e) => e.EnvironmentName)).not.toContain(legacy);
    });

    it('DescribeEnvironments pages with MaxRecords and NextToken', async () => {
      const first = await client.send(new DescribeEnvironmentsCommand({ MaxRecords: 2 }));
      expect(first.Environments).toHaveLength(2);
      expect(first.NextToken).toBeDefined();
      const second = await client.send(new DescribeEnvironmentsCommand({ MaxRecords: 2, NextToken: first.NextToken }));
      expect(second.Environments).toHaveLength(1);
      expect(second.NextToken).toBeUndefined();
    });

    it('DescribeEvents: newest first, StartTime inclusive, EndTime exclusive, MaxRecords 1..1000 with paging', async () => {
      const all = (await client.send(new DescribeEventsCommand({}))).Events ?? [];
      const dates = all.map((e) => e.EventDate?.getTime() ?? 0);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const newest = all[0]?.EventDate;
      const from = await client.send(new DescribeEventsCommand({ StartTime: newest }));
      expect(from.Events?.length).toBeGreaterThan(0);
      expect(from.Events?.every((e) => e.EventDate?.getTime() === newest?.getTime())).toBe(true);
      const before = await client.send(new DescribeEventsCommand({ EndTime: newest, MaxRecords: 1 }));
      expect(before.Events?.[0]?.EventDate?.getTime()).toBeLessThan(newest?.getTime() ?? 0);
      const page1 = await client.send(new DescribeEventsCommand({ MaxRecords: 3 }));
      const page2 = await client.send(new DescribeEventsCommand({ MaxRecords: 3, NextToken: page1.NextToken }));
      expect([...(page1.Events ?? []), ...(page2.Events ?? [])].map((e) => e.RequestId)).toEqual(
        all.slice(0, 6).map((e) => e.RequestId),
      );
      await expect(client.send(new DescribeEventsCommand({ MaxRecords: 1001 }))).rejects.toMatchObject({
        name: 'ValidationError',
      });
    });

    it('DescribeEnvironmentHealth answers only the attributes asked for, and only for enhanced health', async () => {
      const some = await client.send(
        new DescribeEnvironmentHealthCommand({ EnvironmentName: worker, AttributeNames: ['Causes'] }),
      );
      expect(some.Causes).toEqual(['Instance i-0abc has failed health checks']);
      expect(some.Color).toBeUndefined();
      expect(some.InstancesHealth).toBeUndefined();
      const none = await client.send(new DescribeEnvironmentHealthCommand({ EnvironmentName: worker }));
      expect(none).toMatchObject({ EnvironmentName: worker });
      expect(none.Causes).toBeUndefined();
      const all = await client.send(
        new DescribeEnvironmentHealthCommand({ EnvironmentName: worker, AttributeNames: ['All'] }),
      );
      expect(all).toMatchObject({ Color: 'Red', HealthStatus: 'Severe', Status: 'Red' });
      sim.control.addBeanstalkEnvironment('legacy', 'legacy-basic', { enhancedHealth: false });
      await expect(
        client.send(new DescribeEnvironmentHealthCommand({ EnvironmentName: 'legacy-basic', AttributeNames: ['All'] })),
      ).rejects.toMatchObject({ name: 'InvalidRequestException' });
    });
  });
});

describe('BeanstalkSource over the scale account', () => {
  let sim: Harness;
  let client: ElasticBeanstalkClient;

  beforeAll(async () => {
    sim = await startHarness('scale', 60);
    client = new ElasticBeanstalkClient(clientConfig(sim.target, 'read'));
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  it('spends 2 + N calls for N troubled environments, whatever the number of environments, and keeps 200 events', async () => {
    const world = sim.control.world.beanstalk;
    const names = [...world.environments.keys()];
    for (const name of names.slice(0, 3))
      sim.control.degradeEnvironment(name, 'Red', [`Instance i-0${name.length} has failed health checks`], 'Severe');
    const troubled = [...world.environments.values()].filter(
      (e) => e.enhancedHealth && !(e.health === 'Green' && e.healthStatus === 'Ok'),
    ).length;
    const source = new BeanstalkSource(client, sim.location, {
      now: () => new Date(sim.clock.now()),
      lookBackMs: 14 * 24 * 60 * minutes,
    });
    sim.requests.reset();
    const read = await source.refresh();
    expect(read.problems).toEqual([]);
    expect(read.environments).toHaveLength(names.length);
    expect(sim.requests.byOperation()).toEqual({
      'elasticbeanstalk.DescribeEnvironments': 1,
      'elasticbeanstalk.DescribeEvents': 1,
      'elasticbeanstalk.DescribeEnvironmentHealth': troubled,
    });
    expect(troubled).toBeGreaterThanOrEqual(3);
    expect(troubled).toBeLessThan(names.length);
    // Two weeks of deployments are more events than the source keeps.
    expect(world.events.length).toBeGreaterThan(200);
    expect(read.events).toHaveLength(200);
    console.info(
      `[beanstalk] scale: ${names.length} environments, ${troubled} troubled -> ${2 + troubled} calls per refresh`,
    );
  });
});
