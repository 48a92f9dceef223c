// The simulator's CloudFormation and ECS answer in the shapes moto (an AWS
// emulator we did not write) answers in, for equivalent data: a stack and
// its events, services with a missing one. Compared through the real SDK and
// through the sources themselves, which must read both alike.
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StackSource } from '../../../src/main/sources/aws/cloudformation/stack-source';
import { ServiceSource } from '../../../src/main/sources/aws/ecs/service-source';
import type { AwsLocation } from '../../../src/shared/sources';
import { type Harness, startHarness } from './harness';
import { type MotoServer, motoMissingReason, startMoto } from './moto-server';

const missing = motoMissingReason();
const credentials = { accessKeyId: 'AKIDMOTO', secretAccessKey: 'secret' };
const location: AwsLocation = { accountKey: 'test', accountId: '123456789012', region: 'us-east-1' };
const template = JSON.stringify({
  Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'app-queue' } } },
});

/** Every key path of a value with the type found there ("Stacks[].StackStatus: string"). */
function shape(value: unknown, path = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const p of shape(item, `${path}[]`)) out.add(p);
  } else if (value instanceof Date) out.add(`${path}: date`);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$metadata' || v === undefined) continue;
      for (const p of shape(v, path ? `${path}.${key}` : key)) out.add(p);
    }
  } else out.add(`${path}: ${typeof value}`);
  return out;
}

const only = (paths: Set<string>, prefixes: string[]): string[] =>
  [...paths].filter((p) => prefixes.some((prefix) => p.startsWith(prefix))).sort();

describe.skipIf(missing !== undefined)(
  `CloudFormation and ECS: simulator and moto agree${missing === undefined ? '' : ` (skipped: ${missing})`}`,
  () => {
    let sim: Harness | undefined;
    let moto: MotoServer | undefined;
    const clients: { cfn: CloudFormationClient; ecs: ECSClient }[] = [];
    let simSide: { cfn: CloudFormationClient; ecs: ECSClient };
    let motoSide: { cfn: CloudFormationClient; ecs: ECSClient };
    const side = (endpoint: string) => {
      const config = { endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
      const made = { cfn: new CloudFormationClient(config), ecs: new ECSClient(config) };
      clients.push(made);
      return made;
    };

    beforeAll(async () => {
      const started = await Promise.allSettled([
        startHarness('empty').then((h) => (sim = h)),
        startMoto().then((m) => (moto = m)),
      ]);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      if (!sim || !moto) throw new Error('a server did not start');
      simSide = side(sim.endpoint);
      motoSide = side(moto.endpoint);
      sim.control.addStack('app');
      sim.control.addEcsService('prod', 'web', 1);
      await motoSide.cfn.send(new CreateStackCommand({ StackName: 'app', TemplateBody: template }));
      await motoSide.ecs.send(new CreateClusterCommand({ clusterName: 'prod' }));
      await motoSide.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'web',
          containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }],
        }),
      );
      await motoSide.ecs.send(
        new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }),
      );
    }, 60_000);

    afterAll(async () => {
      for (const c of clients) {
        c.cfn.destroy();
        c.ecs.destroy();
      }
      await Promise.all([sim?.close(), moto?.close()]);
    });

    it('DescribeStacks: the members the source reads, with the same types', async () => {
      const ask = (s: typeof simSide) => s.cfn.send(new DescribeStacksCommand({ StackName: 'app' }));
      const [a, b] = await Promise.all([ask(simSide), ask(motoSide)]);
      const read = ['Stacks[].StackId', 'Stacks[].StackName', 'Stacks[].StackStatus', 'Stacks[].CreationTime'];
      expect(only(shape(a), read)).toEqual(only(shape(b), read));
      expect(a.Stacks?.[0]?.StackStatus).toBe(b.Stacks?.[0]?.StackStatus);
    });

    it('DescribeStackEvents: newest first, the stack’s own CREATE_IN_PROGRESS last', async () => {
      const ask = (s: typeof simSide) => s.cfn.send(new DescribeStackEventsCommand({ StackName: 'app' }));
      const [a, b] = await Promise.all([ask(simSide), ask(motoSide)]);
      const read = ['StackEvents[].LogicalResourceId', 'StackEvents[].ResourceType', 'StackEvents[].ResourceStatus'];
      expect(only(shape(a), [...read, 'StackEvents[].Timestamp'])).toEqual(
        only(shape(b), [...read, 'StackEvents[].Timestamp']),
      );
      for (const out of [a, b]) {
        const events = out.StackEvents ?? [];
        expect(events[0]).toMatchObject({ LogicalResourceId: 'app', ResourceStatus: 'CREATE_COMPLETE' });
        expect(events.at(-1)).toMatchObject({ LogicalResourceId: 'app', ResourceStatus: 'CREATE_IN_PROGRESS' });
      }
    });

    it('DescribeServices: services and failures[] for a missing one alike', async () => {
      const ask = (s: typeof simSide) =>
        s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web', 'gone'] }));
      const [a, b] = await Promise.all([ask(simSide), ask(motoSide)]);
      const read = [
        'services[].serviceArn',
        'services[].serviceName',
        'services[].clusterArn',
        'services[].status',
        'services[].desiredCount',
        'services[].runningCount',
        'services[].pendingCount',
        'services[].deployments[].status',
        'services[].deployments[].taskDefinition',
        'failures[]',
      ];
      expect(only(shape(a), read)).toEqual(only(shape(b), read));
      expect(a.failures?.[0]?.reason).toBe('MISSING');
      // moto names a missing service in the old ARN format (service/gone), the simulator in the
      // long one AWS uses now (service/prod/gone); the source reads the name from either.
      expect(a.failures?.[0]?.arn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:service\/prod\/gone$/);
      expect(b.failures?.[0]?.arn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:service\/(prod\/)?gone$/);
    });

    it('the sources read both alike', async () => {
      const [a, b] = await Promise.all(
        [simSide, motoSide].map((s) => new StackSource(s.cfn, location).refresh(['app', 'gone'])),
      );
      expect(a?.stacks.map((s) => [s.name, s.status, s.failures])).toEqual(
        b?.stacks.map((s) => [s.name, s.status, s.failures]),
      );
      expect(a?.problems.map((p) => p.code)).toEqual(['not-found']);
      expect(b?.problems.map((p) => p.code)).toEqual(['not-found']);

      const refs = [
        { cluster: 'prod', service: 'web' },
        { cluster: 'prod', service: 'gone' },
      ];
      const [x, y] = await Promise.all(
        [simSide, motoSide].map((s) => new ServiceSource(s.ecs, location).refresh(refs)),
      );
      expect(x?.services.map((s) => [s.name, s.cluster, s.desired])).toEqual(
        y?.services.map((s) => [s.name, s.cluster, s.desired]),
      );
      expect(x?.problems.map((p) => p.code)).toEqual(['not-found']);
      expect(y?.problems.map((p) => p.code)).toEqual(['not-found']);
    });
  },
);
