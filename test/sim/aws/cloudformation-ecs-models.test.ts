// The CloudFormation and ECS responses conform to the official AWS models
// (aws-sdk v2's and, when installed, botocore's, which has the enums), in
// every state the world can put a stack or a service in.
import { beforeAll, describe, expect, it } from 'vitest';
import { awsServices, buildWorld } from '../../../src/sim/aws';
import { toJson } from '../../../src/sim/aws/protocols/json';
import type { CallContext, Input } from '../../../src/sim/aws/service';
import { minutes } from '../../../src/sim/aws/world/context';
import { loadBotocoreModel, loadSdkModel, type ServiceModel, validateOutput } from './model-validator';

const start = Date.UTC(2026, 0, 15, 9, 0, 0);
const models = new Map<string, ServiceModel[]>();

beforeAll(() => {
  for (const name of ['cloudformation', 'ecs']) {
    const botocore = loadBotocoreModel(name);
    models.set(name, [loadSdkModel(name), ...(botocore ? [botocore] : [])]);
  }
});

/**
 * CloudFormation's own stack events carry the stack's status, cleanup
 * included (UPDATE_COMPLETE_CLEANUP_IN_PROGRESS), which botocore's
 * ResourceStatus enum does not list: real AWS sends them, so the simulator does too.
 */
const cleanupStatus = /ResourceStatus: not one of .* \(got "\w+_CLEANUP_IN_PROGRESS"\)$/;

function problems(service: string, operation: string, output: unknown): string[] {
  return (models.get(service) ?? []).flatMap((m) =>
    validateOutput(m, operation, output)
      .filter((p) => !(operation === 'DescribeStackEvents' && cleanupStatus.test(p)))
      .map((p) => `${m.source} ${p}`),
  );
}

describe('CloudFormation and ECS responses against the official models', () => {
  it('conform at every step of a stack update and a service rollout', () => {
    const world = buildWorld('empty', 7, 1, start);
    const services = awsServices(world);
    const call = (service: string, operation: string, input: Input): Record<string, unknown> => {
      const s = services.find((x) => x.name === service);
      const handler = s?.operations[operation];
      if (!s || !handler) throw new Error(`no ${service}.${operation}`);
      const context: CallContext = { service, operation, accessKeyId: 'AKIDMODEL', authorize: () => undefined };
      const raw = handler(input, context);
      return (s.protocol === 'query' ? raw : JSON.parse(toJson(raw))) as Record<string, unknown>;
    };
    const found: string[] = [];
    let checked = 0;
    const check = (service: string, operation: string, input: Input): Record<string, unknown> => {
      const output = call(service, operation, input);
      checked += 1;
      found.push(...problems(service, operation, output));
      return output;
    };
    const walk = (): void => {
      check('cloudformation', 'DescribeStacks', {});
      for (const name of world.cloudformation.stacks.keys()) {
        check('cloudformation', 'DescribeStacks', { StackName: name });
        check('cloudformation', 'DescribeStackEvents', { StackName: name });
      }
      for (const [cluster, byName] of world.ecs.clusters)
        check('ecs', 'DescribeServices', { cluster, services: [...byName.keys(), 'missing'] });
    };

    const failing = world.cloudformation.addStack('failing');
    const passing = world.cloudformation.addStack('passing');
    const web = world.ecs.addService('prod', 'web', 4);
    const api = world.ecs.addService('prod', 'api', 2);
    walk();
    world.cloudformation.update(failing, {
      fail: { logicalId: 'Service', reason: 'Resource handler returned message: "Invalid request provided"' },
    });
    world.cloudformation.update(passing);
    world.ecs.startRollout(web);
    world.ecs.startRollout(api);
    for (let i = 0; i < 12; i += 1) {
      world.runUntil(start + (i + 1) * 10_000);
      walk();
    }
    world.ecs.failRollout(web);
    world.ecs.finishRollout(api);
    world.runUntil(start + 10 * minutes);
    walk();

    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('would catch a wrong status and a missing required member', () => {
    const world = buildWorld('empty', 7, 1, start);
    const services = awsServices(world);
    world.cloudformation.addStack('one');
    const cfn = services.find((s) => s.name === 'cloudformation');
    const context: CallContext = {
      service: 'cloudformation',
      operation: 'DescribeStacks',
      accessKeyId: 'A',
      authorize: () => undefined,
    };
    const out = cfn?.operations.DescribeStacks?.({}, context) as { Stacks: Record<string, unknown>[] };
    expect(problems('cloudformation', 'DescribeStacks', out)).toEqual([]);
    const [stack] = out.Stacks;
    if (!stack) throw new Error('expected a stack');
    stack.StackStatus = 'ROLLED_BACK';
    delete stack.CreationTime;
    const found = problems('cloudformation', 'DescribeStacks', out).join('\n');
    expect(found).toMatch(/Stacks\[0\]\.CreationTime: required member missing/);
    if ((models.get('cloudformation') ?? []).length > 1) expect(found).toMatch(/StackStatus: not one of/);
  });
});
