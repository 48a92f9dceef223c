// StackSource through the real CloudFormation SDK client against the
// simulator: what a deploy action's stack shows, and what reading it costs
// (counted by the simulator's request log).
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { StackSource } from '../../../src/main/sources/aws/cloudformation/stack-source';
import { deny } from '../../../src/sim/aws/access';
import { minutes } from '../../../src/sim/aws/world/context';
import { type Harness, startHarness } from '../../sim/aws/harness';

const invalid =
  'Resource handler returned message: "Invalid request provided: TaskDefinition is inactive ' +
  '(Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)"';

describe('StackSource', () => {
  let sim: Harness;
  let client: CloudFormationClient;
  let source: StackSource;
  const calls = (operation: string): number => sim.requests.count({ service: 'cloudformation', operation });

  beforeAll(async () => {
    sim = await startHarness('empty');
    client = new CloudFormationClient(clientConfig(sim.target, 'read'));
    for (const name of ['api-prod', 'web-prod', 'worker-prod']) sim.control.addStack(name);
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });
  beforeEach(() => {
    source = new StackSource(client, sim.location);
  });

  it('shows a failed update that rolled back: UPDATE_ROLLBACK_COMPLETE with the failed resource and its reason', async () => {
    await source.refresh(['api-prod']);
    expect(source.stacks.stacks[0]).toMatchObject({ name: 'api-prod', status: 'CREATE_COMPLETE', failures: [] });

    sim.control.updateStack('api-prod', { logicalId: 'Service', reason: invalid });
    sim.clock.advance(5 * minutes);
    sim.requests.reset();
    const read = await source.refresh(['api-prod']);
    expect(sim.requests.byOperation()).toEqual({
      'cloudformation.DescribeStacks': 1,
      'cloudformation.DescribeStackEvents': 1,
    });
    expect(read.problems).toEqual([]);
    const [stack] = read.stacks;
    expect(stack?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack?.arn).toMatch(/^arn:aws:cloudformation:us-east-1:\d{12}:stack\/api-prod\//);
    expect(stack?.failures).toEqual([
      {
        at: expect.any(String) as unknown,
        logicalId: 'Service',
        resourceType: 'AWS::ECS::Service',
        status: 'UPDATE_FAILED',
        reason: invalid,
      },
    ]);
  });

  it('costs one DescribeStacks and no DescribeStackEvents when the stack did not change', async () => {
    await source.refresh(['web-prod']);
    sim.requests.reset();
    const read = await source.refresh(['web-prod']);
    expect(calls('DescribeStacks')).toBe(1);
    expect(calls('DescribeStackEvents')).toBe(0);
    expect(read.stacks[0]?.status).toBe('CREATE_COMPLETE');
  });

  it('reads events again at each step of an operation, and keeps only the last operation’s failures', async () => {
    sim.control.updateStack('worker-prod', { logicalId: 'TaskDefinition', reason: invalid });
    sim.clock.advance(5 * minutes);
    await source.refresh(['worker-prod']);
    expect(source.stacks.stacks[0]?.failures.map((f) => f.logicalId)).toEqual(['TaskDefinition']);

    sim.control.updateStack('worker-prod');
    sim.requests.reset();
    let read = await source.refresh(['worker-prod']);
    expect(read.stacks[0]?.status).toBe('UPDATE_IN_PROGRESS');
    expect(read.stacks[0]?.failures).toEqual([]);
    expect(calls('DescribeStackEvents')).toBe(1);

    sim.clock.advance(5 * minutes);
    sim.requests.reset();
    read = await source.refresh(['worker-prod']);
    expect(read.stacks[0]).toMatchObject({ status: 'UPDATE_COMPLETE', failures: [] });
    expect(calls('DescribeStackEvents')).toBe(1);
  });

  it('reports a missing stack as its own problem and still reads the others', async () => {
    sim.requests.reset();
    const read = await source.refresh(['api-prod', 'gone-prod']);
    expect(read.stacks.map((s) => s.name)).toEqual(['api-prod']);
    expect(read.problems).toEqual([
      { code: 'not-found', message: 'Stack gone-prod does not exist.', resource: 'gone-prod' },
    ]);
    expect(read.problem).toBeUndefined();
    expect(calls('DescribeStacks')).toBe(2);
  });

  it('reads many stacks with one unfiltered DescribeStacks walk', async () => {
    const names = ['s1', 's2', 's3', 's4', 's5', 's6'];
    for (const name of names) sim.control.addStack(name);
    sim.requests.reset();
    const read = await source.refresh([...names, 'missing']);
    expect(calls('DescribeStacks')).toBe(1);
    expect(calls('DescribeStackEvents')).toBe(names.length);
    expect(read.stacks.map((s) => s.name)).toEqual(names);
    expect(read.problems.map((p) => [p.code, p.resource])).toEqual([['not-found', 'missing']]);
    sim.requests.reset();
    await source.refresh([...names, 'missing']);
    expect(sim.requests.byOperation()).toEqual({ 'cloudformation.DescribeStacks': 1 });
  });

  it('reads events across pages back to the start of the last operation', async () => {
    const resources = Array.from({ length: 60 }, (_, i) => ({ logicalId: `Queue${i}`, type: 'AWS::SQS::Queue' }));
    const stack = sim.control.world.cloudformation.addStack('big-prod', resources);
    sim.control.world.cloudformation.update(stack, { fail: { logicalId: 'Queue59', reason: invalid } });
    sim.clock.advance(60 * minutes);
    sim.requests.reset();
    const read = await source.refresh(['big-prod']);
    expect(calls('DescribeStackEvents')).toBeGreaterThan(1);
    expect(read.stacks[0]?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(read.stacks[0]?.failures.map((f) => f.logicalId)).toEqual(['Queue59']);
  });

  it('names the missing IAM action, per stack', async () => {
    const arn = sim.control.world.cloudformation.stacks.get('web-prod')?.id ?? '';
    deny(sim.control.world.policy, 'cloudformation:DescribeStackEvents', arn);
    deny(sim.control.world.policy, 'cloudformation:DescribeStacks', 'arn:none');
    const read = await source.refresh(['web-prod', 'api-prod']);
    expect(read.stacks.map((s) => s.name)).toEqual(['web-prod', 'api-prod']);
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        missingPermission: 'cloudformation:DescribeStackEvents',
        resource: arn,
      }),
    ]);
    const stacksDenied = sim.control.world.cloudformation.stacks.get('api-prod')?.id ?? '';
    deny(sim.control.world.policy, 'cloudformation:DescribeStacks', stacksDenied);
    const again = await new StackSource(client, sim.location).refresh(['api-prod']);
    expect(again.problem).toMatchObject({ code: 'access-denied', missingPermission: 'cloudformation:DescribeStacks' });
    sim.control.world.policy.denied.clear();
  });
});
