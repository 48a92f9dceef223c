// AWS_ENDPOINT_URL_<SERVICE> is honoured by the SDK for clients built with
// clientConfig() and no account endpoint, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
// turns it off, and clear-text overrides off this machine are flagged (A08, A12).
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { credentialsFor, endpointOverrideProblem } from '../../../src/main/sources/aws/credentials';
import { credentialTestContext } from './support/credentials-env';

const t = credentialTestContext(false);
beforeEach(async () => {
  await t.env.writeCredentials('[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n');
});

function pipelineClient(): { client: CodePipelineClient; hosts: string[] } {
  const config = clientConfig({
    accountKey: 'w',
    region: 'us-east-1',
    credentials: credentialsFor({ profile: 'work' }),
  });
  const client = new CodePipelineClient(config);
  const hosts: string[] = [];
  // Observes where the request would go; stops requests bound for real AWS before they leave.
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { hostname?: string; port?: number };
      hosts.push(`${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}`);
      if (request.hostname !== '127.0.0.1') throw new Error('not sent: bound for real AWS');
      return next(args);
    },
    { step: 'finalizeRequest', name: 'observeHost' },
  );
  return { client, hosts };
}

describe('endpoint overrides from the environment', () => {
  it('sends CodePipeline calls to AWS_ENDPOINT_URL_CODEPIPELINE', async () => {
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = t.sim.endpoint;
    const { client, hosts } = pipelineClient();
    const out = await client.send(new ListPipelinesCommand({}));
    expect(out.pipelines?.length).toBeGreaterThan(0);
    expect(hosts).toEqual([new URL(t.sim.endpoint).host]);
    expect(t.sim.requests.byOperation()).toEqual({ 'codepipeline.ListPipelines': 1 });
  });

  it('ignores it when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true', async () => {
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = t.sim.endpoint;
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
    const { client, hosts } = pipelineClient();
    await expect(client.send(new ListPipelinesCommand({}))).rejects.toThrow(/bound for real AWS/);
    expect(hosts).toEqual(['codepipeline.us-east-1.amazonaws.com']);
    expect(t.sim.requests.count()).toBe(0);
  });

  it('lets the service variable win over AWS_ENDPOINT_URL', async () => {
    process.env.AWS_ENDPOINT_URL = 'https://elsewhere.example';
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = t.sim.endpoint;
    const { client } = pipelineClient();
    await client.send(new ListPipelinesCommand({}));
    expect(t.sim.requests.count({ operation: 'ListPipelines' })).toBe(1);
  });
});

describe('endpointOverrideProblem', () => {
  it('accepts https and loopback http, flags clear text to another host', () => {
    expect(endpointOverrideProblem({})).toBeUndefined();
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URL_CODEPIPELINE: 'http://127.0.0.1:4566' })).toBeUndefined();
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URL: 'http://localhost:4566' })).toBeUndefined();
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URL: 'https://emulator.example' })).toBeUndefined();
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URL_CODEBUILD: 'http://10.0.0.5:4566' })).toMatchObject({
      variable: 'AWS_ENDPOINT_URL_CODEBUILD',
      message: expect.stringMatching(/without TLS/) as unknown,
    });
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URL: 'not a url' })?.message).toMatch(/not a URL/);
    expect(endpointOverrideProblem({ AWS_ENDPOINT_URLS: 'http://10.0.0.5' })).toBeUndefined();
  });

  it('has nothing to flag when overrides are switched off', () => {
    expect(
      endpointOverrideProblem({ AWS_ENDPOINT_URL: 'http://10.0.0.5', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
  });
});
