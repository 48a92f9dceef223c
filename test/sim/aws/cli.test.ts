// The AWS CLI (botocore, a client we did not write) against the demo.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { type Harness, startHarness } from './harness';

const run = promisify(execFile);
const hasCli = await run('aws', ['--version']).then(
  () => true,
  () => false,
);
let sim: Harness;

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIDCLITEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  const { stdout } = await run('aws', ['--endpoint-url', sim.endpoint, '--output', 'json', ...args], { env });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe.skipIf(!hasCli)('the AWS CLI against the demo scenario', () => {
  beforeAll(async () => {
    sim = await startHarness('demo');
  });
  afterAll(async () => {
    await sim.close();
  });

  it('prints the storefront pipeline state with the waiting approval', async () => {
    const out = (await aws('codepipeline', 'get-pipeline-state', '--name', demoAws.storefront.pipeline)) as {
      stageStates: { stageName: string; actionStates: { latestExecution?: { status: string; token?: string } }[] }[];
    };
    const approval = out.stageStates.find((s) => s.stageName === demoAws.storefront.approvalStage);
    expect(approval?.actionStates[0]?.latestExecution?.status).toBe('InProgress');
    expect(approval?.actionStates[0]?.latestExecution?.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prints builds and Beanstalk environments', async () => {
    const id =
      [...sim.control.world.codebuild.builds.values()].find(
        (b) => b.projectName === demoAws.paymentsApi.buildProject && b.buildStatus === 'FAILED',
      )?.id ?? '';
    const builds = (await aws('codebuild', 'batch-get-builds', '--ids', id)) as {
      builds: { buildStatus: string; projectName: string }[];
    };
    expect(builds.builds[0]).toMatchObject({ buildStatus: 'FAILED', projectName: demoAws.paymentsApi.buildProject });
    const envs = (await aws('elasticbeanstalk', 'describe-environments')) as {
      Environments: { EnvironmentName: string; Health: string }[];
    };
    expect(envs.Environments[0]).toMatchObject({ EnvironmentName: demoAws.paymentsApi.environment, Health: 'Yellow' });
  });
});
