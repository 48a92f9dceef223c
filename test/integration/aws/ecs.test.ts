// ServiceSource through the real ECS SDK client against the simulator: a
// rollout as a deploy action shows it, and what reading services costs
// (counted by the simulator's request log).
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { ServiceSource } from '../../../src/main/sources/aws/ecs/service-source';
import { deny } from '../../../src/sim/aws/access';
import { circuitBreakerReason } from '../../../src/sim/aws/world/ecs';
import { type Harness, startHarness } from '../../sim/aws/harness';

describe('ServiceSource', () => {
  let sim: Harness;
  let client: ECSClient;
  let source: ServiceSource;
  const calls = (): number => sim.requests.count({ service: 'ecs', operation: 'DescribeServices' });

  beforeAll(async () => {
    sim = await startHarness('empty');
    client = new ECSClient(clientConfig(sim.target, 'read'));
    sim.control.addEcsService('prod', 'web', 4);
    sim.control.addEcsService('prod', 'worker', 2);
    for (let i = 0; i < 12; i += 1) sim.control.addEcsService('batch', `job-${i}`, 1);
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });
  beforeEach(() => {
    source = new ServiceSource(client, sim.location);
    sim.requests.reset();
  });

  it('shows a steady service: its counts and a COMPLETED rollout', async () => {
    const read = await source.refresh([{ cluster: 'prod', service: 'worker' }]);
    expect(read.problems).toEqual([]);
    expect(read.services).toEqual([
      {
        arn: `arn:aws:ecs:us-east-1:${sim.location.accountId}:service/prod/worker`,
        cluster: 'prod',
        name: 'worker',
        status: 'ACTIVE',
        desired: 2,
        running: 2,
        pending: 0,
        taskDefinition: `arn:aws:ecs:us-east-1:${sim.location.accountId}:task-definition/worker:1`,
        rollout: {
          state: 'COMPLETED',
          reason: expect.stringMatching(/^ECS deployment ecs-svc\/\d+ completed\.$/) as unknown,
          updatedAt: expect.any(String) as unknown,
        },
        deployments: 0,
      },
    ]);
    expect(calls()).toBe(1);
  });

  it('shows a rollout in progress (two deployments) and then its failure with the circuit breaker’s reason', async () => {
    sim.control.startEcsRollout('prod', 'web');
    let read = await source.refresh([{ cluster: 'prod', service: 'web' }]);
    expect(read.services[0]).toMatchObject({
      desired: 4,
      running: 6, // 4 old tasks still serving, 2 new ones up
      pending: 2,
      taskDefinition: expect.stringMatching(/task-definition\/web:2$/) as unknown,
      rollout: { state: 'IN_PROGRESS' },
      deployments: 1, // the ACTIVE one beside the PRIMARY
    });

    sim.control.failEcsRollout('prod', 'web');
    read = await source.refresh([{ cluster: 'prod', service: 'web' }]);
    expect(read.services[0]?.rollout).toMatchObject({ state: 'FAILED', reason: circuitBreakerReason });
    expect(read.services[0]).toMatchObject({ running: 4, pending: 0 });
  });

  it('shows a finished rollout with one deployment left', async () => {
    sim.control.startEcsRollout('prod', 'worker');
    sim.control.finishEcsRollout('prod', 'worker');
    const read = await source.refresh([{ cluster: 'prod', service: 'worker' }]);
    expect(read.services[0]).toMatchObject({ running: 2, pending: 0, deployments: 0, rollout: { state: 'COMPLETED' } });
  });

  it('reads 12 services of one cluster with 2 DescribeServices calls, and other clusters separately', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({ cluster: 'batch', service: `job-${i}` }));
    const read = await source.refresh([...jobs, { cluster: 'prod', service: 'web' }]);
    expect(calls()).toBe(3);
    expect(read.services.map((s) => s.name)).toEqual([...jobs.map((j) => j.service), 'web']);
    sim.requests.reset();
    await source.refresh(jobs);
    expect(calls()).toBe(2);
  });

  it('reports a missing service as its own problem, and a missing cluster as the problem of its services', async () => {
    const read = await source.refresh([
      { cluster: 'prod', service: 'web' },
      { cluster: 'prod', service: 'gone' },
      { cluster: 'nowhere', service: 'web' },
    ]);
    expect(read.services.map((s) => s.name)).toEqual(['web']);
    expect(read.problem).toBeUndefined();
    expect(read.problems).toEqual(
      expect.arrayContaining([
        {
          code: 'not-found',
          message: 'ECS service gone does not exist in cluster prod.',
          resource: `arn:aws:ecs:us-east-1:${sim.location.accountId}:service/prod/gone`,
        },
        expect.objectContaining({ code: 'not-found', resource: 'nowhere' }),
      ]),
    );
    expect(read.problems).toHaveLength(2);
  });

  it('names the missing IAM action and keeps the last good copy', async () => {
    await source.refresh([{ cluster: 'prod', service: 'worker' }]);
    const arn = `arn:aws:ecs:us-east-1:${sim.location.accountId}:service/prod/worker`;
    deny(sim.control.world.policy, 'ecs:DescribeServices', arn);
    const read = await source.refresh([{ cluster: 'prod', service: 'worker' }]);
    expect(read.problem).toMatchObject({
      code: 'access-denied',
      missingPermission: 'ecs:DescribeServices',
      resource: arn,
    });
    expect(read.services.map((s) => s.name)).toEqual(['worker']);
    sim.control.world.policy.denied.clear();
  });
});
