// Project discovery against the simulator through the real SDK clients: the
// demo's three projects with their members, the scale scenario's one project
// per pipeline with the calls one pass costs, edits that outlive a
// rediscovery, and the simulator's GetResources held to AWS's rules.
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import {
  GetResourcesCommand,
  type GetResourcesCommandInput,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/main/hub/projects/edits';
import { applyCommand } from '../../../src/main/hub/projects/edit-commands';
import { runDiscovery, type DiscoveryPass } from '../../../src/main/hub/projects/discovery-pass';
import { TagSource } from '../../../src/main/hub/projects/tag-source';
import { type AwsAccountTarget, clientConfig } from '../../../src/main/sources/aws/client-config';
import { PipelineSource } from '../../../src/main/sources/aws/codepipeline/pipeline-source';
import { emptyProjectEdits, type ProjectEdits, type ProposedProject } from '../../../src/shared/projects';
import { demoAws as names } from '../../../src/sim/aws';
import { taggedArns } from '../../../src/sim/aws/services/tagging';
import { buildStage, connectionSource } from '../../../src/sim/aws/scenarios/stages';
import { type Harness, startHarness } from '../../sim/aws/harness';

const { account, region } = names;
const arn = (service: string, resource: string): string => `arn:aws:${service}:${region}:${account}:${resource}`;
const github = [
  { fullName: names.mobileBackend.githubRepository, environments: ['staging', 'production'] },
  { fullName: names.storefront.fullRepositoryId, environments: ['production'] },
];

interface Rig {
  sim: Harness;
  tagging: ResourceGroupsTaggingAPIClient;
  discover: (withGitHub?: typeof github) => Promise<DiscoveryPass>;
  close: () => Promise<void>;
}

async function startRig(scenario: 'demo' | 'scale', scale = 10): Promise<Rig> {
  const sim = await startHarness(scenario, scale, 7);
  const target: AwsAccountTarget = {
    accountKey: 'sim',
    region: sim.config.region,
    credentials: () => Promise.resolve(sim.config.credentials),
    endpointUrl: sim.config.endpoint,
  };
  const location = { accountKey: 'sim', accountId: account, region: sim.config.region };
  const read = new CodePipelineClient(clientConfig(target, 'read'));
  const tagging = new ResourceGroupsTaggingAPIClient(clientConfig(target, 'read'));
  const region = { pipelines: new PipelineSource(read, read, location), tags: new TagSource(tagging, location) };
  return {
    sim,
    tagging,
    discover: (withGitHub = []) => runDiscovery([region], withGitHub),
    close: async () => {
      read.destroy();
      tagging.destroy();
      await sim.close();
    },
  };
}

/** The mobile backend's pipeline, what it builds and deploys, its tagged test project and its repository. */
const mobileBackendRefs = [
  names.mobileBackend.githubRepository,
  arn('codepipeline', names.mobileBackend.pipeline),
  arn('codebuild', `project/${names.mobileBackend.buildProject}`),
  arn('codebuild', `project/${names.mobileBackend.imageBuildProject}`),
  arn('cloudformation', `stack/${names.mobileBackend.stagingStack}`),
  arn('ecs', `service/${names.mobileBackend.cluster}/${names.mobileBackend.service}`),
].sort();
const refs = (project: ProposedProject | undefined): string[] => (project?.members ?? []).map((m) => m.ref).sort();
const byId = (pass: DiscoveryPass, id: string): ProposedProject | undefined => pass.proposals.find((p) => p.id === id);

describe('discovery over the demo account', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('demo');
  });
  afterAll(async () => {
    await rig.close();
  });

  it('proposes storefront, payments-api and mobile-backend with their members', async () => {
    const pass = await rig.discover(github);
    expect(pass.problems).toEqual([]);
    expect(pass.proposals.map((p) => [p.id, p.name])).toEqual([
      ['mobile-backend', 'mobile-backend'],
      ['payments-api', 'payments-api'],
      ['storefront', 'storefront'],
    ]);
    expect(refs(byId(pass, 'storefront'))).toEqual(
      [
        names.storefront.fullRepositoryId,
        arn('codepipeline', names.storefront.pipeline),
        arn('codebuild', `project/${names.storefront.buildProject}`),
        arn('codedeploy', `application:${names.storefront.deployApplication}`),
        arn('codedeploy', `deploymentgroup:${names.storefront.deployApplication}/${names.storefront.deploymentGroup}`),
        arn('codedeploy', `deploymentgroup:${names.storefront.deployApplication}/${names.storefront.stagingGroup}`),
      ].sort(),
    );
    const pa = names.paymentsApi;
    expect(refs(byId(pass, 'payments-api'))).toEqual(
      [
        arn('codepipeline', pa.pipeline),
        arn('codecommit', pa.repository),
        arn('codebuild', `project/${pa.buildProject}`),
        arn('elasticbeanstalk', `application/${pa.beanstalkApplication}`),
        arn('elasticbeanstalk', `environment/${pa.beanstalkApplication}/${pa.environment}`),
      ].sort(),
    );
    expect(refs(byId(pass, 'mobile-backend'))).toEqual(mobileBackendRefs);
  });

  it('says why each member joined', async () => {
    const pass = await rig.discover(github);
    const reasons = (id: string, ref: string): string[] =>
      (byId(pass, id)?.members.find((m) => m.ref === ref)?.reasons ?? []).map((r) => r.kind);
    expect(reasons('storefront', names.storefront.fullRepositoryId)).toEqual(['source-action', 'github-deployments']);
    expect(reasons('storefront', arn('codebuild', `project/${names.storefront.buildProject}`))).toEqual([
      'tag',
      'build-action',
    ]);
    expect(
      reasons('storefront', arn('codedeploy', `deploymentgroup:storefront/${names.storefront.deploymentGroup}`)),
    ).toEqual(['deploy-action']);
    expect(reasons('payments-api', arn('codecommit', names.paymentsApi.repository))).toEqual(['tag', 'source-action']);
    expect(
      reasons('storefront', arn('codedeploy', `deploymentgroup:storefront/${names.storefront.stagingGroup}`)),
    ).toEqual(['tag']);
    // The AWS pipeline and the GitHub deployments of one repository land in one project.
    const mb = names.mobileBackend;
    expect(reasons('mobile-backend', mb.githubRepository)).toEqual(['source-action', 'github-deployments']);
    expect(reasons('mobile-backend', arn('codebuild', `project/${mb.buildProject}`))).toEqual(['tag']);
    expect(reasons('mobile-backend', arn('codepipeline', mb.pipeline))).toEqual(['pipeline', 'tag']);
    expect(reasons('mobile-backend', arn('cloudformation', `stack/${mb.stagingStack}`))).toEqual(['deploy-action']);
    expect(reasons('mobile-backend', arn('ecs', `service/${mb.cluster}/${mb.service}`))).toEqual(['deploy-action']);
  });

  it('leaves GitHub out when the GitHub source gives nothing', async () => {
    const pass = await rig.discover();
    // The pipeline's source action still names the repository.
    expect(refs(byId(pass, 'mobile-backend'))).toEqual(mobileBackendRefs);
    expect(refs(byId(pass, 'storefront'))).toContain(names.storefront.fullRepositoryId);
  });

  it('keeps the user edits when a rediscovery finds new resources', async () => {
    let edits: ProjectEdits = emptyProjectEdits;
    const run = (command: Parameters<typeof applyCommand>[1], view: ReturnType<typeof applyEdits>): void => {
      const next = applyCommand(edits, command, view);
      if (!next.ok) throw new Error(next.error.message);
      edits = next.value;
    };
    const first = await rig.discover(github);
    let view = applyEdits(first.proposals, edits);
    run({ kind: 'rename', project: 'storefront', name: 'Web shop' }, view);
    view = applyEdits(first.proposals, edits);
    run({ kind: 'merge', from: 'mobile-backend', into: 'payments-api' }, view);
    view = applyEdits(first.proposals, edits);
    const repo = arn('codecommit', names.paymentsApi.repository);
    run({ kind: 'remove-member', project: 'payments-api', resource: repo }, view);

    // A hotfix pipeline on the storefront repository appears, untagged.
    const world = rig.sim.control.world;
    world.pipelines.add('storefront-hotfix', [
      connectionSource(names.storefront.connectionArn, names.storefront.fullRepositoryId, 'hotfix'),
      buildStage(names.storefront.buildProject),
    ]);
    const second = await rig.discover(github);
    view = applyEdits(second.proposals, edits);
    const shop = view.projects.find((p) => p.id === 'storefront');
    expect(shop?.name).toBe('Web shop');
    expect(shop?.state).toBe('confirmed');
    expect(shop?.members.map((m) => m.ref)).toContain(arn('codepipeline', 'storefront-hotfix'));
    expect(view.projects.map((p) => p.id)).toEqual(['payments-api', 'storefront']);
    const payments = view.projects.find((p) => p.id === 'payments-api');
    expect(payments?.mergedFrom).toEqual(['mobile-backend']);
    expect(payments?.members.map((m) => m.ref)).toContain(names.mobileBackend.githubRepository);
    expect(payments?.members.map((m) => m.ref)).not.toContain(repo);
  });
});

describe.each([50, 200])('discovery over the scale scenario (%i pipelines)', (scale) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('scale', scale);
  });
  afterAll(async () => {
    await rig.close();
  });

  it('proposes one project per pipeline and puts every pipeline in exactly one, in few calls', async () => {
    rig.sim.requests.reset();
    const pass = await rig.discover();
    const first = rig.sim.requests.byOperation();
    rig.sim.requests.reset();
    const again = await rig.discover();
    const second = rig.sim.requests.byOperation();

    const world = rig.sim.control.world;
    const pipelineArns = [...world.pipelines.pipelines.values()].map((p) => p.arn);
    const tagPages = Math.ceil(taggedArns(world).length / 100);
    const listPages = Math.ceil(pipelineArns.length / 100);
    console.info(
      `discovery of ${scale} pipelines: first pass ${JSON.stringify(first)}, rediscovery ${JSON.stringify(second)}`,
    );

    expect(pass.problems).toEqual([]);
    expect(pass.proposals).toHaveLength(scale);
    const homes = pipelineArns.map(
      (p) => pass.proposals.filter((project) => project.members.some((m) => m.ref === p)).length,
    );
    expect(homes.every((n) => n === 1)).toBe(true);
    expect(pass.proposals.every((p) => p.members.length >= 3)).toBe(true);
    expect(again.proposals).toEqual(pass.proposals);

    expect(first).toEqual({
      'codepipeline.ListPipelines': listPages,
      'codepipeline.GetPipeline': scale,
      'tagging.GetResources': tagPages,
    });
    expect(second).toEqual({ 'codepipeline.ListPipelines': listPages, 'tagging.GetResources': tagPages });
  });
});

describe("the simulator's GetResources", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('scale', 50);
  });
  afterAll(async () => {
    await rig.close();
  });
  const get = (input: GetResourcesCommandInput) => rig.tagging.send(new GetResourcesCommand(input));

  it('ANDs tag filters and ORs the values of one filter, as AWS documents', async () => {
    const one = await get({ TagFilters: [{ Key: 'starboard:project', Values: ['svc-001', 'svc-002'] }] });
    expect(new Set(one.ResourceTagMappingList?.flatMap((r) => r.Tags?.map((t) => t.Value)))).toEqual(
      new Set(['svc-001', 'svc-002']),
    );
    const both = await get({ TagFilters: [{ Key: 'starboard:project' }, { Key: 'awscodestar:projectId' }] });
    expect(both.ResourceTagMappingList).toEqual([]);
    expect(both.PaginationToken).toBe('');
  });

  it('pages by ResourcesPerPage and ends with an empty token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await get({
        ResourcesPerPage: 40,
        ResourceTypeFilters: ['codebuild', 'codepipeline'],
        PaginationToken: token,
      });
      seen.push(...(page.ResourceTagMappingList ?? []).map((r) => r.ResourceARN ?? ''));
      token = page.PaginationToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
  });

  it('never splits a resource from its tags under TagsPerPage', async () => {
    // The first two resources by ARN get 60 tags each: 120 do not fit in a page of 100 tags.
    for (const name of ['svc-001-build', 'svc-002-build']) {
      const project = rig.sim.control.world.codebuild.projects.get(name);
      for (let i = 0; i < 59; i += 1) if (project) project.tags[`extra-${i}`] = 'x';
    }
    const first = await get({ TagsPerPage: 100, ResourcesPerPage: 100 });
    expect(first.ResourceTagMappingList?.map((r) => r.Tags?.length)).toEqual([60]);
    const second = await get({ TagsPerPage: 100, ResourcesPerPage: 100, PaginationToken: first.PaginationToken });
    expect(second.ResourceTagMappingList?.map((r) => r.Tags?.length)).toEqual([60, ...Array<number>(40).fill(1)]);
  });

  it('refuses what AWS refuses', async () => {
    await expect(get({ ResourcesPerPage: 101 })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(get({ PaginationToken: 'bm90LWEtdG9rZW4=' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      get({ ResourceARNList: [arn('codepipeline', 'svc-001-pipeline')], ResourceTypeFilters: ['codebuild'] }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const listed = await get({
      ResourceARNList: [arn('codepipeline', 'svc-001-pipeline'), arn('codepipeline', 'nope')],
    });
    expect(listed.ResourceTagMappingList?.map((r) => r.ResourceARN)).toEqual([arn('codepipeline', 'svc-001-pipeline')]);
  });
});
