// The call budget of issue 4: one steady-state refresh of an account region
// (pipelines' state, recent builds across all projects, watched repositories)
// costs at most N + 2R + 4 calls, where the naive per-entity way costs
// 2N + 3B + 2R + P. Counted by the simulator over the `scale` scenario.
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, type AwsAccountTarget } from '../../../src/main/sources/aws/client-config';
import { BuildSource } from '../../../src/main/sources/aws/codebuild/build-source';
import { RepositorySource } from '../../../src/main/sources/aws/codecommit/repository-source';
import { PipelineSource } from '../../../src/main/sources/aws/codepipeline/pipeline-source';
import { type Harness, startHarness } from '../../sim/aws/harness';

const day = 24 * 60 * 60 * 1000;
let sim: Harness;
let pipelines: PipelineSource;
let builds: BuildSource;
let repositories: RepositorySource;
let names: string[];

/** One refresh on the fast timer, as the hub's scheduler runs it. */
async function refresh(): Promise<void> {
  await Promise.all([pipelines.states(names), builds.refreshBuilds(), repositories.refresh()]);
}

beforeAll(async () => {
  sim = await startHarness('scale', 50, 7);
  const target: AwsAccountTarget = {
    accountKey: 'sim',
    region: sim.config.region,
    credentials: async () => sim.config.credentials,
    endpointUrl: sim.config.endpoint,
  };
  const location = { accountKey: 'sim', accountId: '111122223333', region: sim.config.region };
  const read = clientConfig(target, 'read');
  const write = clientConfig(target, 'write');
  pipelines = new PipelineSource(new CodePipelineClient(read), new CodePipelineClient(write), location);
  builds = new BuildSource(new CodeBuildClient(read), new CodeBuildClient(write), location);
  repositories = new RepositorySource(new CodeCommitClient(read), location);

  // The slow "definitions" timer: what exists, and which repositories the pipelines watch.
  const definitions = await pipelines.refreshDefinitions();
  if (!definitions.ok) throw new Error(definitions.error.message);
  names = definitions.value.pipelines.map((pipeline) => pipeline.name);
  await repositories.refreshRepositories();
  const watchedRepositories = repositories.repositories.repositories.map((repository) => ({
    repository: repository.name,
  }));
  repositories.watch(watchedRepositories);
  await builds.refreshProjects();

  // Let every running execution and build finish, then read everything once.
  sim.clock.advance(2 * day);
  await refresh();
});

afterAll(async () => {
  await sim.close();
});

describe('the AWS call budget of one refresh (issue 4)', () => {
  it('costs at most N + 2R + 4 calls in the steady state, far below the naive cost', async () => {
    sim.requests.reset();
    await refresh();
    const counts = sim.requests.byOperation();
    const n = names.length;
    const r = repositories.watched.length;
    const b = builds.projects.projects.length;
    const openPullRequests = repositories.watched.reduce((sum, w) => sum + w.pullRequests.length, 0);
    const total = sim.requests.records.length;
    const floor = n + 2 * r + 4;
    const naive = 2 * n + 3 * b + 2 * r + openPullRequests;
    console.info(
      `steady-state refresh: ${total} calls (N=${n}, R=${r}, B=${b}); floor ${floor}; naive ${naive}`,
      counts,
    );

    expect(n).toBe(50);
    expect(r).toBeGreaterThan(10);
    expect(counts['codepipeline.GetPipelineState']).toBe(n);
    expect(counts['codecommit.GetBranch']).toBe(r);
    expect(counts['codecommit.ListPullRequests']).toBe(r);
    expect(counts['codebuild.ListBuilds']).toBe(1);
    expect(counts['codepipeline.ListPipelines']).toBeUndefined();
    expect(counts['codepipeline.GetPipeline']).toBeUndefined();
    expect(counts['codebuild.BatchGetProjects']).toBeUndefined();
    expect(total).toBeLessThanOrEqual(floor);
    expect(total).toBeLessThan(naive / 2);
  });

  it('does not grow with the number of build projects', async () => {
    sim.requests.reset();
    await builds.refreshBuilds();
    expect(sim.requests.count({ service: 'codebuild' })).toBeLessThanOrEqual(2);
  });
});
