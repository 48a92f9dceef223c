// Every response the simulator produces, in every scenario and at several
// moments, conforms to the official AWS models.
import { beforeAll, describe, expect, it } from 'vitest';
import { awsServices, buildWorld } from '../../../src/sim/aws';
import { minutes } from '../../../src/sim/aws/world/context';
import { scenarioNames } from '../../../src/sim/scenarios';
import { loadBotocoreModel, loadSdkModel, type ServiceModel, validateOutput } from './model-validator';
import { walk } from './walk';

const modelNames: Record<string, { sdk: string; botocore: string }> = {
  codepipeline: { sdk: 'codepipeline', botocore: 'codepipeline' },
  codebuild: { sdk: 'codebuild', botocore: 'codebuild' },
  codecommit: { sdk: 'codecommit', botocore: 'codecommit' },
  codedeploy: { sdk: 'codedeploy', botocore: 'codedeploy' },
  logs: { sdk: 'logs', botocore: 'logs' },
  elasticbeanstalk: { sdk: 'elasticbeanstalk', botocore: 'elasticbeanstalk' },
  sts: { sdk: 'sts', botocore: 'sts' },
  codeartifact: { sdk: 'codeartifact', botocore: 'codeartifact' },
  'codeguru-reviewer': { sdk: 'codeguru-reviewer', botocore: 'codeguru-reviewer' },
  tagging: { sdk: 'resourcegroupstaggingapi', botocore: 'resourcegroupstaggingapi' },
};
const start = Date.UTC(2026, 0, 15, 9, 0, 0);
const models = new Map<string, ServiceModel[]>();

beforeAll(() => {
  for (const [service, names] of Object.entries(modelNames)) {
    const botocore = loadBotocoreModel(names.botocore);
    models.set(service, [loadSdkModel(names.sdk), ...(botocore ? [botocore] : [])]);
  }
});

function problems(service: string, operation: string, output: unknown): string[] {
  return (models.get(service) ?? []).flatMap((m) =>
    validateOutput(m, operation, output).map((p) => `${m.source} ${p}`),
  );
}

describe('responses against the official models', () => {
  it.each(scenarioNames)('scenario %s: every response conforms, now and as time passes', (scenario) => {
    const world = buildWorld(scenario, 7, 30, start);
    const services = awsServices(world);
    const found: string[] = [];
    let count = 0;
    for (const moment of [0, 3 * minutes, 20 * minutes, 24 * 60 * minutes]) {
      world.runUntil(start + moment);
      for (const r of walk(world, services)) {
        count += 1;
        found.push(...problems(r.service, r.operation, r.output));
      }
    }
    expect(found).toEqual([]);
    expect(count).toBeGreaterThan(scenario === 'empty' ? 10 : 100);
  });

  it('has botocore models with enums to check against', () => {
    expect(models.get('codepipeline')?.length).toBe(2);
  });

  it('would catch a wrong enum value and a missing required member', () => {
    const world = buildWorld('demo', 7, 30, start);
    const services = awsServices(world);
    const state = walk(world, services).find((r) => r.operation === 'GetPipelineState')?.output as {
      stageStates: { latestExecution?: { status: string } }[];
    };
    expect(problems('codepipeline', 'GetPipelineState', state)).toEqual([]);
    const stage = state.stageStates[0];
    if (!stage?.latestExecution) throw new Error('expected a stage with a latest execution');
    stage.latestExecution.status = 'Running';
    expect(problems('codepipeline', 'GetPipelineState', state).join('\n')).toMatch(
      /latestExecution\.status: not one of .*InProgress/,
    );

    const versions = walk(world, services).find((r) => r.operation === 'ListPackageVersions')?.output as {
      versions: Record<string, unknown>[];
    };
    delete versions.versions[0]?.status;
    const found = problems('codeartifact', 'ListPackageVersions', versions);
    // Both the aws-sdk model and botocore's flag it.
    expect(found.filter((p) => p.includes('versions[0].status: required member missing'))).toHaveLength(2);
  });
});
