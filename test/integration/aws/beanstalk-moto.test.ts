// BeanstalkSource against moto, an AWS emulator we did not write
// (ARCHITECTURE "Simulated accounts"). moto 5.2 implements CreateApplication,
// CreateEnvironment and DescribeEnvironments, but not DescribeEvents nor
// DescribeEnvironmentHealth (it answers HTTP 500 with an HTML page): so this
// checks the environment listing and that the two missing calls each become
// one problem beside an otherwise good read. Causes and events are checked
// against the simulator (beanstalk.test.ts).
import {
  CreateApplicationCommand,
  CreateEnvironmentCommand,
  ElasticBeanstalkClient,
} from '@aws-sdk/client-elastic-beanstalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeanstalkSource } from '../../../src/main/sources/aws/beanstalk/beanstalk-source';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { type MotoServer, motoMissingReason, startMoto } from '../../sim/aws/moto-server';

const missing = motoMissingReason();
if (missing) console.info(`[skip] BeanstalkSource against moto: ${missing}`);

describe.skipIf(missing !== undefined)('BeanstalkSource against moto', () => {
  let moto: MotoServer | undefined;
  let client: ElasticBeanstalkClient | undefined;
  const sent: string[] = [];

  beforeAll(async () => {
    const server = await startMoto();
    moto = server;
    const target = {
      accountKey: 'moto',
      region: 'us-east-1',
      credentials: () => Promise.resolve({ accessKeyId: 'AKIDMOTO', secretAccessKey: 'secret' }),
      endpointUrl: server.endpoint,
    };
    // One attempt: moto's 500s for the operations it lacks are not worth retrying here.
    const eb = new ElasticBeanstalkClient({ ...clientConfig(target, 'read'), maxAttempts: 1 });
    client = eb;
    eb.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    await eb.send(new CreateApplicationCommand({ ApplicationName: 'payments-api' }));
    await eb.send(
      new CreateEnvironmentCommand({
        ApplicationName: 'payments-api',
        EnvironmentName: 'payments-api-prod',
        SolutionStackName: '64bit Amazon Linux 2023 v6.6.0 running Node.js 20',
        Tier: { Name: 'WebServer', Type: 'Standard', Version: '1.0' },
      }),
    );
    await eb.send(new CreateApplicationCommand({ ApplicationName: 'reports' }));
    await eb.send(
      new CreateEnvironmentCommand({
        ApplicationName: 'reports',
        EnvironmentName: 'reports-worker',
        SolutionStackName: '64bit Amazon Linux 2023 v6.6.0 running Node.js 20',
      }),
    );
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    await moto?.close();
  });

  it('reads every environment with one DescribeEnvironments; the calls moto lacks become problems, not a lost read', async () => {
    if (!client) throw new Error('moto did not start');
    const source = new BeanstalkSource(client, { accountKey: 'moto', accountId: '123456789012', region: 'us-east-1' });
    sent.length = 0;
    const read = await source.refresh();
    expect(read.problem).toBeUndefined();
    expect(read.fetchedAt).not.toBe('');
    expect(read.environments.map((e) => [e.application, e.name])).toEqual([
      ['payments-api', 'payments-api-prod'],
      ['reports', 'reports-worker'],
    ]);
    // moto says Grey and "No Data" (AWS spells it NoData): kept as an unknown value, not dropped.
    expect(read.environments[0]).toMatchObject({
      arn: 'arn:aws:elasticbeanstalk:us-east-1:123456789012:environment/payments-api/payments-api-prod',
      status: 'Ready',
      health: 'Grey',
      healthStatus: { unknown: 'No Data' },
      causes: [],
      tier: 'WebServer',
    });
    // Grey with enhanced health is a reason to ask for causes: one call per such environment.
    expect(sent.filter((c) => c === 'DescribeEnvironmentsCommand')).toHaveLength(1);
    expect(sent.filter((c) => c === 'DescribeEventsCommand')).toHaveLength(1);
    expect(sent.filter((c) => c === 'DescribeEnvironmentHealthCommand')).toHaveLength(2);
    expect(sent).toHaveLength(4);
    expect(read.problems).toHaveLength(3);
    expect(read.problems.filter((p) => p.resource?.endsWith('/payments-api/payments-api-prod'))).toHaveLength(1);
    expect(read.events).toEqual([]);
  });
});
