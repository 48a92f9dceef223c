// CodeDeploySource against moto, an AWS emulator we did not write
// (ARCHITECTURE "Simulated accounts"), for the operations moto 5.2
// implements: ListApplications, ListDeploymentGroups, ListDeployments and
// BatchGetDeployments. It lacks BatchGetDeploymentGroups,
// ListDeploymentTargets, BatchGetDeploymentTargets and StopDeployment, so
// those are checked against the simulator only (codedeploy.test.ts); here
// their absence must come back as a problem on the read, not a crash.
// moto also sends deployment times as ISO text where CodeDeploy sends epoch
// seconds (the SDK refuses them), and ignores includeOnlyStatuses and
// createTimeRange on the account-wide ListDeployments; the first is undone
// below, before the SDK parses moto's answer, the second does no harm here.
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-codedeploy';
import type { DeserializeMiddleware, HttpResponse } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { CodeDeploySource } from '../../../src/main/sources/aws/codedeploy/deploy-source';
import { type MotoServer, motoMissingReason, startMoto } from '../../sim/aws/moto-server';

const missing = motoMissingReason();

/** Rewrites moto's ISO timestamps as the epoch seconds CodeDeploy sends, under the SDK's deserializer. */
function epochTimes(client: CodeDeployClient): void {
  const times = new Set(['createTime', 'startTime', 'completeTime', 'endTime', 'lastUpdatedAt']);
  const fix = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fix);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        times.has(key) && typeof v === 'string' ? Date.parse(v) / 1000 : fix(v),
      ]),
    );
  };
  const rewrite: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
    const out = await next(args);
    const response = out.response as HttpResponse;
    const text = await new Response(response.body as ReadableStream).text();
    let body = text;
    try {
      body = JSON.stringify(fix(JSON.parse(text) as unknown));
    } catch {
      // Not JSON (moto's HTML page for an operation it lacks): left as it is.
    }
    response.body = new TextEncoder().encode(body);
    return out;
  };
  client.middlewareStack.addRelativeTo(rewrite, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'motoEpochTimes',
  });
}
const location = { accountKey: 'moto', accountId: '123456789012', region: 'us-east-1' };

describe.skipIf(missing !== undefined)('CodeDeploySource against moto', () => {
  let moto: MotoServer;
  let client: CodeDeployClient;
  let source: CodeDeploySource;
  let deploymentId = '';
  const sent: string[] = [];

  beforeAll(async () => {
    moto = await startMoto();
    const credentials = { accessKeyId: 'AKIDMOTO', secretAccessKey: 'secret' };
    client = new CodeDeployClient(
      clientConfig({
        accountKey: 'moto',
        region: location.region,
        credentials: () => Promise.resolve(credentials),
        endpointUrl: moto.endpoint,
      }),
    );
    epochTimes(client);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    await client.send(new CreateApplicationCommand({ applicationName: 'shop', computePlatform: 'Server' }));
    await client.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'shop',
        deploymentGroupName: 'shop-prod',
        serviceRoleArn: `arn:aws:iam::${location.accountId}:role/CodeDeployServiceRole`,
      }),
    );
    const created = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'shop',
        deploymentGroupName: 'shop-prod',
        description: 'Release 42',
        revision: {
          revisionType: 'GitHub',
          gitHubLocation: { repository: 'acme/shop', commitId: '0a1b2c3d4e5f' },
        },
      }),
    );
    deploymentId = created.deploymentId ?? '';
    source = new CodeDeploySource(client, client, location);
  }, 60_000);
  afterAll(async () => {
    client.destroy();
    await moto.close();
  });

  it('lists applications and groups, and reports the batch read moto lacks as a problem', async () => {
    sent.length = 0;
    const read = await source.refreshGroups();
    expect(sent).toEqual(['ListApplicationsCommand', 'ListDeploymentGroupsCommand', 'BatchGetDeploymentGroupsCommand']);
    expect(read.groups).toEqual([]);
    expect(read.problems).toEqual([expect.objectContaining({ code: 'internal' })]);
  });

  it('reads a deployment created through the SDK with one account-wide listing', async () => {
    sent.length = 0;
    const read = await source.refresh();
    expect(read.problem).toBeUndefined();
    expect(sent.filter((c) => c === 'BatchGetDeploymentsCommand')).toHaveLength(1);
    expect(read.deployments).toEqual([
      expect.objectContaining({
        id: deploymentId,
        application: 'shop',
        group: 'shop-prod',
        status: 'Created',
        creator: 'user',
        description: 'Release 42',
        revision: { type: 'GitHub', location: 'acme/shop@0a1b2c3d4e5f', commitId: '0a1b2c3d4e5f' },
      }),
    ]);
    // Created is active, so its targets are asked for: moto lacks ListDeploymentTargets, a problem of that deployment only.
    expect(sent).toContain('ListDeploymentTargetsCommand');
    expect(read.problems).toContainEqual(expect.objectContaining({ resource: deploymentId }));
    expect(read.deployments[0]?.targets).toBeUndefined();
  });
});
