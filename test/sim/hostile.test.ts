// The `hostile` scenario holds what the browser test looks for: a waiting
// approval with hostile CustomData and a javascript: link, a failed build
// whose log prints every payload, hostile CodeCommit text, a Red Beanstalk
// environment and a rolled-back stack with hostile reasons, and on GitHub a
// run waiting on the hostile environment and a failed job whose log holds
// the hostile step names. Read over the wire where it matters (the SDK and
// the REST API), so what Starboard receives is what is checked.
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BatchGetBuildsCommand, CodeBuildClient, ListBuildsForProjectCommand } from '@aws-sdk/client-codebuild';
import { CodePipelineClient, GetPipelineCommand } from '@aws-sdk/client-codepipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileAws } from '../../src/sim/aws/scenarios/hostile';
import { hostileGitHub } from '../../src/sim/github/scenarios/hostile';
import { hostile } from '../../src/sim/hostile-payloads';
import { ManualClock, startSimulator, type Simulator } from '../../src/sim/index';

let sim: Simulator;
const aws = (): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} => ({
  endpoint: sim.awsEndpoint,
  region: hostileAws.region,
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'sim' },
});

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'hostile', seed: 1, clock: new ManualClock(Date.UTC(2026, 2, 1, 12)) });
});

afterAll(async () => {
  await sim.close();
});

describe('the hostile scenario on AWS', () => {
  it('waits on one approval whose note is markup and whose link is script', async () => {
    const { shop } = hostileAws;
    expect(sim.aws.waitingApprovals().map((a) => a.pipelineName)).toEqual([shop.pipeline]);
    const { pipeline } = await new CodePipelineClient(aws()).send(new GetPipelineCommand({ name: shop.pipeline }));
    const action = pipeline?.stages?.find((s) => s.name === shop.approvalStage)?.actions?.[0];
    expect(action?.configuration?.['CustomData']).toBe(shop.approvalCustomData);
    expect(action?.configuration?.['ExternalEntityLink']).toBe(hostile.javascriptUrl);
  });

  it('prints every payload in the latest (failed) build’s log', async () => {
    const codebuild = new CodeBuildClient(aws());
    const { ids } = await codebuild.send(
      new ListBuildsForProjectCommand({ projectName: hostileAws.shop.buildProject }),
    );
    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: ids?.slice(0, 1) }));
    const build = builds?.[0];
    expect(build?.buildStatus).toBe('FAILED');
    const { events } = await new CloudWatchLogsClient(aws()).send(
      new GetLogEventsCommand({ logGroupName: build?.logs?.groupName, logStreamName: build?.logs?.streamName }),
    );
    const text = (events ?? []).map((e) => e.message).join('\n');
    for (const payload of [hostile.script, hostile.img, hostile.template, hostile.osc8, hostile.terminal])
      expect(text).toContain(payload);
  });

  it('carries hostile text in CodeCommit, CodeDeploy, Beanstalk and CloudFormation', () => {
    const { world } = sim.aws;
    const repo = world.codecommit.repositories.get(hostileAws.shop.repository);
    expect(repo?.description).toContain(hostile.svg);
    expect(repo?.pullRequests.map((p) => p.title)).toEqual([hostileAws.shop.pullRequestTitle]);
    const messages = [...(repo?.commits.values() ?? [])].map((c) => c.message);
    for (const message of hostileAws.shop.commitMessages) expect(messages).toContain(message);
    const deployment = [...world.codedeploy.deployments.values()].find(
      (d) => d.description === hostileAws.shop.deploymentDescription,
    );
    expect(deployment?.status).toBe('Failed');
    expect(world.beanstalk.environments.get(hostileAws.api.environment)?.health).toBe('Red');
    expect(world.beanstalk.events.map((e) => e.message)).toContain(hostileAws.api.eventMessage);
    const stack = world.cloudformation.stacks.get(hostileAws.api.stack);
    expect(stack?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack?.events.map((e) => e.reason)).toContain(hostileAws.api.stackFailure);
  });
});

describe('the hostile scenario on GitHub', () => {
  const token = 'ghp_hostiletest000000000000000000000000001';
  const get = async (path: string): Promise<Response> =>
    fetch(`${sim.githubApiUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });

  it('has a run waiting on the hostile environment, started by someone the viewer may approve for', () => {
    const runs = sim.github.runs(hostileGitHub.fullName);
    expect(runs.filter((r) => r.status === 'waiting').map((r) => r.waitingFor)).toEqual([[hostileGitHub.environment]]);
  });

  it('serves hostile pull request titles and a failed job whose log prints the hostile step names', async () => {
    const pulls = (await (await get(`/repos/${hostileGitHub.fullName}/pulls`)).json()) as { title: string }[];
    expect(pulls.map((p) => p.title).sort()).toEqual([...hostileGitHub.pullTitles].sort());
    const failed = sim.github.runs(hostileGitHub.fullName).find((r) => r.conclusion === 'failure');
    if (!failed) throw new Error('no failed run');
    const jobs = (await (await get(`/repos/${hostileGitHub.fullName}/actions/runs/${failed.id}/jobs`)).json()) as {
      jobs: { id: number; name: string }[];
    };
    const job = jobs.jobs[0];
    expect(job?.name).toBe(hostileGitHub.failingJob);
    const log = await (await get(`/repos/${hostileGitHub.fullName}/actions/jobs/${job?.id ?? 0}/logs`)).text();
    for (const step of hostileGitHub.hostileSteps) expect(log).toContain(step);
  });
});
