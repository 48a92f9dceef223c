// The wire contract shared by every service: SigV4 required, errors in each
// protocol's own shape mapped to the SDK's modeled classes, fault injection,
// batch limits with partial results, and the endpoint env variables.
import { CodeartifactClient, ListPackageVersionsCommand } from '@aws-sdk/client-codeartifact';
import { BatchGetBuildsCommand, CodeBuildClient } from '@aws-sdk/client-codebuild';
import {
  BatchGetRepositoriesCommand,
  CodeCommitClient,
  MaximumRepositoryNamesExceededException,
} from '@aws-sdk/client-codecommit';
import { BatchGetDeploymentsCommand, BatchLimitExceededException, CodeDeployClient } from '@aws-sdk/client-codedeploy';
import {
  CodeGuruReviewerClient,
  ListCodeReviewsCommand,
  ListRecommendationsCommand,
} from '@aws-sdk/client-codeguru-reviewer';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import {
  DescribeEnvironmentHealthCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
} from '@aws-sdk/client-elastic-beanstalk';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { type Harness, startHarness } from './harness';

let sim: Harness;
beforeAll(async () => {
  sim = await startHarness('faults');
});
afterAll(async () => {
  await sim.close();
});

describe('the AWS wire', () => {
  it('rejects a request without a SigV4 Authorization header', async () => {
    const res = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CodePipeline_20150709.ListPipelines' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
    const query = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeEnvironments&Version=2010-12-01',
    });
    expect(query.status).toBe(403);
    expect(await query.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('answers STS GetCallerIdentity and Beanstalk over the query protocol', async () => {
    const sts = new STSClient(sim.config);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: demoAws.account,
      Arn: 'arn:aws:iam::111122223333:user/dev',
    });
    const eb = new ElasticBeanstalkClient(sim.config);
    const { Environments = [] } = await eb.send(new DescribeEnvironmentsCommand({}));
    expect(Environments.map((e) => [e.EnvironmentName, e.Health])).toEqual([
      [demoAws.paymentsApi.environment, 'Yellow'],
    ]);
    expect(Environments[0]?.DateUpdated).toBeInstanceOf(Date);
    const health = await eb.send(
      new DescribeEnvironmentHealthCommand({
        EnvironmentName: demoAws.paymentsApi.environment,
        AttributeNames: ['All'],
      }),
    );
    expect(health.Causes?.[0]).toContain('HTTP 5xx');
  });

  it('maps query-protocol throttling to the SDK retry path', async () => {
    const eb = new ElasticBeanstalkClient({ ...sim.config, maxAttempts: 3 });
    sim.requests.reset();
    const remove = sim.faults.add({
      service: 'elasticbeanstalk',
      operation: 'DescribeEnvironments',
      error: 'throttle',
    });
    const error = await eb
      .send(new DescribeEnvironmentsCommand({}))
      .catch((e: unknown) => e as { name: string; $metadata: { attempts: number } });
    remove();
    expect(error).toMatchObject({ name: 'Throttling', $metadata: { attempts: 3 } });
    expect(sim.requests.byOperation()['elasticbeanstalk.DescribeEnvironments']).toBe(3);
  });

  it('denies resources by policy with a message naming the IAM action', async () => {
    const pipelines = new CodePipelineClient(sim.config);
    const error = await pipelines
      .send(new GetPipelineStateCommand({ name: demoAws.paymentsApi.pipeline }))
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect((error as Error).message).toBe(
      'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: codepipeline:GetPipelineState on resource: arn:aws:codepipeline:us-east-1:111122223333:payments-api-pipeline',
    );
  });

  it('gives the expired access key ExpiredTokenException on every service', async () => {
    const credentials = { accessKeyId: demoAws.expiredAccessKeyId, secretAccessKey: 'x' };
    await expect(
      new CodePipelineClient({ ...sim.config, credentials }).send(new ListPipelinesCommand({})),
    ).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    await expect(
      new STSClient({ ...sim.config, credentials }).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({ name: 'ExpiredToken' });
  });

  it('sends a malformed body where the faults scenario says so, and resets connections on demand', async () => {
    const deploy = new CodeDeployClient({ ...sim.config, maxAttempts: 1 });
    await expect(deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ['d-1'] }))).rejects.toThrow();
    const remove = sim.faults.add({ service: 'codebuild', operation: 'BatchGetBuilds', error: 'connection-reset' });
    await expect(
      new CodeBuildClient({ ...sim.config, maxAttempts: 1 }).send(new BatchGetBuildsCommand({ ids: ['x:y'] })),
    ).rejects.toThrow();
    remove();
    expect(sim.requests.count({ operation: 'BatchGetBuilds', status: 0 })).toBe(1);
  });

  it('enforces batch limits with the modeled errors and returns partial results', async () => {
    const commit = new CodeCommitClient(sim.config);
    const names = Array.from({ length: 101 }, (_, i) => `repo-${i}`);
    await expect(commit.send(new BatchGetRepositoriesCommand({ repositoryNames: names }))).rejects.toBeInstanceOf(
      MaximumRepositoryNamesExceededException,
    );
    const partial = await commit.send(new BatchGetRepositoriesCommand({ repositoryNames: ['payments-api', 'ghost'] }));
    expect(partial.repositories?.map((r) => r.repositoryName)).toEqual(['payments-api']);
    expect(partial.repositoriesNotFound).toEqual(['ghost']);
    expect(partial.errors?.[0]).toMatchObject({
      repositoryName: 'ghost',
      errorCode: 'RepositoryDoesNotExistException',
    });
    const deploy = new CodeDeployClient(sim.config);
    const ids = Array.from({ length: 26 }, (_, i) => `d-${i}`);
    sim.faults.clear();
    await expect(deploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ids }))).rejects.toBeInstanceOf(
      BatchLimitExceededException,
    );
  });

  it('serves REST-JSON CodeArtifact and CodeGuru Reviewer', async () => {
    const artifact = new CodeartifactClient(sim.config);
    const versions = await artifact.send(
      new ListPackageVersionsCommand({
        domain: 'acme',
        repository: 'internal',
        format: 'npm',
        namespace: 'acme',
        package: 'ui-kit',
      }),
    );
    expect(versions.versions?.map((v) => v.version)).toEqual(['1.2.1', '1.2.0', '1.1.0', '1.0.0']);
    const guru = new CodeGuruReviewerClient(sim.config);
    const reviews = await guru.send(new ListCodeReviewsCommand({ Type: 'RepositoryAnalysis' }));
    const arn = reviews.CodeReviewSummaries?.[0]?.CodeReviewArn ?? '';
    const recs = await guru.send(new ListRecommendationsCommand({ CodeReviewArn: arn }));
    expect(recs.RecommendationSummaries?.map((r) => r.Severity)).toEqual(['High', 'Medium', 'Critical']);
  });

  it('is reached through AWS_ENDPOINT_URL_<SERVICE> without an endpoint option', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_CODEPIPELINE;
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = sim.endpoint;
    try {
      const client = new CodePipelineClient({ region: 'us-east-1', credentials: sim.config.credentials });
      const { pipelines = [] } = await client.send(new ListPipelinesCommand({}));
      expect(pipelines.map((p) => p.name)).toEqual([
        demoAws.mobileBackend.pipeline,
        demoAws.paymentsApi.pipeline,
        demoAws.storefront.pipeline,
      ]);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_CODEPIPELINE;
      else process.env.AWS_ENDPOINT_URL_CODEPIPELINE = saved;
    }
  });
});
