// The demo account's deploy targets as the app's sources read them, through
// the real SDK clients: the mobile backend pipeline's definition names a
// staging stack (its latest update failed on the push queue and rolled back)
// and a production ECS service (fully rolled out), and the storefront's
// staging group holds a deployment a user made that failed ValidateService
// on one instance. Everything here is the simulated history, not set up by
// the test.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { StackSource } from '../../../src/main/sources/aws/cloudformation/stack-source';
import { CodeDeploySource } from '../../../src/main/sources/aws/codedeploy/deploy-source';
import { PipelineSource } from '../../../src/main/sources/aws/codepipeline/pipeline-source';
import { ServiceSource } from '../../../src/main/sources/aws/ecs/service-source';
import type { PipelineDefinition } from '../../../src/shared/pipelines';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { type Harness, startHarness } from '../../sim/aws/harness';

const mb = demoAws.mobileBackend;
const sf = demoAws.storefront;

describe('the demo account’s deploy targets', () => {
  let sim: Harness;
  let definition: PipelineDefinition;
  let pipelines: PipelineSource;
  const clients: { destroy(): void }[] = [];
  const client = <C extends { destroy(): void }>(made: C): C => {
    clients.push(made);
    return made;
  };
  /** The configuration of the pipeline's action in `stage`. */
  const configuration = (stage: string): Record<string, string> =>
    definition.stages.find((s) => s.name === stage)?.actions[0]?.configuration ?? {};

  beforeAll(async () => {
    sim = await startHarness('demo');
    const read = client(new CodePipelineClient(clientConfig(sim.target, 'read')));
    pipelines = new PipelineSource(read, read, sim.location);
    const listed = await pipelines.listPipelines();
    const summary = listed.ok ? listed.value.find((p) => p.name === mb.pipeline) : undefined;
    if (!summary) throw new Error(`the demo has no pipeline ${mb.pipeline}`);
    const got = await pipelines.definition(summary.name, summary.version);
    if (!got.ok) throw new Error(got.error.message);
    definition = got.value;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await sim.close();
  });

  it('the mobile backend pipeline deploys the staging stack, then the production ECS service', () => {
    expect(definition.stages.map((s) => [s.name, s.actions[0]?.provider])).toEqual([
      ['Source', 'CodeStarSourceConnection'],
      ['Build', 'CodeBuild'],
      ['Staging', 'CloudFormation'],
      ['Production', 'ECS'],
    ]);
    expect(configuration('Source').FullRepositoryId).toBe(mb.githubRepository);
    expect(configuration('Staging').StackName).toBe(mb.stagingStack);
    expect(configuration('Production')).toMatchObject({ ClusterName: mb.cluster, ServiceName: mb.service });
  });

  it('its staging stack rolled back: UPDATE_ROLLBACK_COMPLETE, the push queue’s handler error and the cancelled service', async () => {
    const source = new StackSource(client(new CloudFormationClient(clientConfig(sim.target, 'read'))), sim.location);
    const read = await source.refresh([configuration('Staging').StackName ?? '']);
    expect(read.problems).toEqual([]);
    const [stack] = read.stacks;
    expect(stack).toMatchObject({
      name: mb.stagingStack,
      status: 'UPDATE_ROLLBACK_COMPLETE',
      reason: `The following resource(s) failed to update: [${mb.cancelledResource}, ${mb.failingResource}]. `,
    });
    // Newest first: the cancelled service after the queue that failed.
    expect(stack?.failures.map((f) => [f.logicalId, f.resourceType, f.status])).toEqual([
      [mb.cancelledResource, 'AWS::ECS::Service', 'UPDATE_FAILED'],
      [mb.failingResource, 'AWS::SQS::Queue', 'UPDATE_FAILED'],
    ]);
    expect(stack?.failures[0]?.reason).toBe('Resource update cancelled');
    expect(stack?.failures[1]?.reason).toMatch(
      /^Resource handler returned message: "Invalid value for the parameter MessageRetentionPeriod\. .*HandlerErrorCode: InvalidRequest\)$/,
    );
    // It rolled back this morning, the latest operation of two weeks of releases.
    const updatedAt = Date.parse(stack?.updatedAt ?? '');
    expect(sim.clock.now() - updatedAt).toBeLessThan(6 * 3_600_000);

    // The pipeline's latest execution stopped there: production kept the last good release.
    const state = await pipelines.state(mb.pipeline);
    if (!state.ok) throw new Error(state.error.message);
    const stage = (name: string) => state.value.stages.find((s) => s.name === name);
    expect(stage('Staging')?.latestExecution?.status).toBe('Failed');
    expect(stage('Staging')?.actions[0]?.errorDetails?.message).toContain('UPDATE_ROLLBACK_COMPLETE');
    expect(stage('Production')?.latestExecution?.status).toBe('Succeeded');
    expect(stage('Production')?.latestExecution?.pipelineExecutionId).not.toBe(
      stage('Staging')?.latestExecution?.pipelineExecutionId,
    );
  });

  it('its production service is fully rolled out: 3 of 3 tasks running, rollout COMPLETED', async () => {
    const source = new ServiceSource(client(new ECSClient(clientConfig(sim.target, 'read'))), sim.location);
    const { ClusterName: cluster = '', ServiceName: service = '' } = configuration('Production');
    const read = await source.refresh([{ cluster, service }]);
    expect(read.problems).toEqual([]);
    expect(read.services).toEqual([
      {
        arn: `arn:aws:ecs:${demoAws.region}:${demoAws.account}:service/${mb.cluster}/${mb.service}`,
        cluster: mb.cluster,
        name: mb.service,
        status: 'ACTIVE',
        desired: mb.serviceTasks,
        running: mb.serviceTasks,
        pending: 0,
        taskDefinition: expect.stringMatching(
          new RegExp(`^arn:aws:ecs:${demoAws.region}:${demoAws.account}:task-definition/${mb.service}:\\d+$`),
        ) as unknown,
        rollout: {
          state: 'COMPLETED',
          reason: expect.stringMatching(/^ECS deployment ecs-svc\/\d+ completed\.$/) as unknown,
          updatedAt: expect.any(String) as unknown,
        },
        deployments: 0,
      },
    ]);
    // Each release the pipeline rolled out registered one more task definition revision.
    const revision = Number(read.services[0]?.taskDefinition?.split(':').at(-1));
    expect(revision).toBeGreaterThan(1);
  });

  it('the storefront’s staging deployment, made by a user, failed ValidateService on its second instance', async () => {
    const read = client(new CodeDeployClient(clientConfig(sim.target, 'read')));
    const source = new CodeDeploySource(read, read, sim.location, { now: () => new Date(sim.clock.now()) });
    const groups = await source.refreshGroups();
    expect(groups.groups.map((g) => g.name)).toContain(sf.stagingGroup);
    const { deployments } = await source.refresh();
    const staging = deployments.filter((d) => d.group === sf.stagingGroup);
    const [latest, ...earlier] = staging;
    expect(earlier.length).toBeGreaterThan(2);
    expect(earlier.every((d) => d.status === 'Succeeded' && d.creator === 'user')).toBe(true);
    expect(latest).toMatchObject({
      application: sf.deployApplication,
      status: 'Failed',
      creator: 'user',
      // CodeDeploy's word for it; the script's own is on the failed hook.
      error: {
        code: 'HEALTH_CONSTRAINTS',
        message: expect.stringContaining('too many individual instances failed') as unknown,
      },
      overview: { succeeded: 1, failed: 1, skipped: 1, pending: 0, inProgress: 0 },
    });
    // A couple of hours ago, from a commit of the storefront repository rather than a pipeline artifact.
    expect(sim.clock.now() - Date.parse(latest?.createdAt ?? '')).toBeLessThan(3 * 3_600_000);
    expect(latest?.revision).toMatchObject({
      type: 'GitHub',
      commitId: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown,
    });

    const targets = latest?.targets ?? [];
    expect(targets.map((t) => t.status)).toEqual(['Succeeded', 'Failed', 'Skipped']);
    const failedHooks = targets[1]?.lifecycle ?? [];
    expect(failedHooks.map((e) => e.status)).toEqual([...Array<string>(6).fill('Succeeded'), 'Failed']);
    expect(failedHooks[6]).toMatchObject({
      name: 'ValidateService',
      diagnostics: {
        errorCode: 'ScriptFailed',
        scriptName: 'scripts/validate.sh',
        message: expect.stringContaining('exit code 7') as unknown,
        logTail: expect.stringContaining('curl: (7) Failed to connect to localhost port 80') as unknown,
      },
    });
    expect(targets[2]?.lifecycle.every((e) => e.status === 'Skipped')).toBe(true);
  });
});
