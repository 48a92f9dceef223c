// Discovery as a pure function: pipeline families, what each action names,
// tags overriding, GitHub repositories joining, and ids that are valid,
// unique and the same whatever order the sources answered in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverProjects, type DiscoveryInput } from '../../src/main/hub/projects/discovery';
import { projectIdSchema, projectNameSchema, type ProposedProject } from '../../src/shared/projects';
import {
  arn,
  beanstalk,
  codeBuild,
  codeCommit,
  codeDeploy,
  connection,
  ecs,
  pipeline,
  project,
  s3Source,
  stack,
  tagged,
} from './projects-fixtures';

const refs = (p: ProposedProject | undefined): string[] => (p?.members ?? []).map((m) => m.ref);
const find = (all: ProposedProject[], id: string): ProposedProject | undefined => all.find((p) => p.id === id);

describe('pipeline families', () => {
  it('puts pipelines that share a repository in one project named after it', () => {
    const all = discoverProjects({
      pipelines: [
        pipeline('web-main', [codeCommit('web'), codeBuild('web-build')]),
        pipeline('web-release', [codeCommit('web'), codeDeploy('web', 'web-prod')]),
        pipeline('api', [codeCommit('api'), beanstalk('api', 'api-prod')]),
      ],
    });
    expect(all.map((p) => [p.id, p.name, p.namedBy.kind])).toEqual([
      ['api', 'api', 'repository'],
      ['web', 'web', 'repository'],
    ]);
    expect(refs(find(all, 'web'))).toEqual([
      arn('codepipeline', 'web-main'),
      arn('codepipeline', 'web-release'),
      arn('codecommit', 'web'),
      arn('codebuild', 'project/web-build'),
      arn('codedeploy', 'application:web'),
      arn('codedeploy', 'deploymentgroup:web/web-prod'),
    ]);
    expect(find(all, 'web')?.members[0]?.reasons).toEqual([{ kind: 'pipeline', repository: arn('codecommit', 'web') }]);
    expect(find(all, 'web')?.anchors).toEqual(['web-main', 'web-release']);
  });

  it('joins families transitively through a second source action', () => {
    const all = discoverProjects({
      pipelines: [
        pipeline('a', [codeCommit('one')]),
        pipeline('b', [codeCommit('one'), { ...connection('acme/two'), name: 'Second' }]),
        pipeline('c', [connection('Acme/Two')]),
      ],
    });
    expect(all).toHaveLength(1);
    expect(refs(all[0])).toEqual([
      arn('codepipeline', 'a'),
      arn('codepipeline', 'b'),
      arn('codepipeline', 'c'),
      arn('codecommit', 'one'),
      'acme/two',
    ]);
  });

  it('names every kind of deployment target and a test action', () => {
    const [only] = discoverProjects({
      pipelines: [
        pipeline('svc', [
          connection('acme/svc'),
          codeBuild('svc-it', 'Test'),
          stack('svc-stack'),
          ecs('main', 'svc'),
          { ...codeDeploy('svc-ecs', 'svc-bg'), provider: 'CodeDeployToECS' },
        ]),
      ],
    });
    expect(only?.members.map((m) => [m.kind, m.reasons.map((r) => r.kind).join()])).toEqual([
      ['pipeline', 'pipeline'],
      ['github-repository', 'source-action'],
      ['codebuild-project', 'test-action'],
      ['codedeploy-application', 'deploy-action'],
      ['codedeploy-deployment-group', 'deploy-action'],
      ['cloudformation-stack', 'deploy-action'],
      ['ecs-service', 'deploy-action'],
    ]);
    expect(refs(only)).toContain(arn('ecs', 'service/main/svc'));
    expect(refs(only)).toContain(arn('cloudformation', 'stack/svc-stack'));
  });

  it('names a pipeline without a repository after the pipeline, in its own partition and region', () => {
    const [only] = discoverProjects({
      pipelines: [pipeline('Nightly Export', [s3Source(), codeBuild('x')], 'cn-north-1')],
    });
    expect(only).toMatchObject({ id: 'nightly-export', name: 'Nightly Export', namedBy: { kind: 'pipeline' } });
    expect(refs(only)).toContain('arn:aws:codebuild:cn-north-1:111122223333:project/x');
  });

  it('keeps same-named repositories apart with a stable qualified id', () => {
    const input: DiscoveryInput = {
      pipelines: [pipeline('web-us', [codeCommit('web')]), pipeline('web-eu', [codeCommit('web')], 'eu-west-1')],
    };
    const ids = discoverProjects(input).map((p) => p.id);
    expect(ids[0]).toBe('web');
    expect(ids[1]).toMatch(/^web-[0-9a-f]{6}$/);
    expect(discoverProjects(input).map((p) => p.id)).toEqual(ids);
  });
});

describe('tags', () => {
  it('name the project, and a tagged resource joins the project its tag names', () => {
    const all = discoverProjects({
      pipelines: [pipeline('pay', [codeCommit('pay'), codeBuild('shared-build'), beanstalk('pay', 'pay-prod')])],
      tagged: [
        tagged(arn('codepipeline', 'pay'), project('Payments API')),
        tagged(arn('codebuild', 'project/shared-build'), { 'awscodestar:projectId': 'platform' }),
        tagged(arn('codebuild', 'project/lint'), project('platform')),
        tagged(arn('codebuild', 'project/other'), { team: 'x' }),
      ],
    });
    expect(all.map((p) => [p.id, p.name])).toEqual([
      ['payments-api', 'Payments API'],
      ['platform', 'platform'],
    ]);
    expect(refs(find(all, 'payments-api'))).not.toContain(arn('codebuild', 'project/shared-build'));
    const shared = find(all, 'platform')?.members.find((m) => m.ref === arn('codebuild', 'project/shared-build'));
    expect(shared?.reasons.map((r) => r.kind)).toEqual(['tag', 'build-action']);
    expect(find(all, 'payments-api')?.anchors).toEqual(['pay']);
  });

  it('prefer starboard:project to the CodeStar tag, and match a stack ARN with its id', () => {
    const all = discoverProjects({
      pipelines: [pipeline('infra', [codeCommit('infra'), stack('core')])],
      tagged: [
        tagged(arn('codecommit', 'infra'), { 'awscodestar:projectId': 'old', 'starboard:project': 'new' }),
        tagged(arn('cloudformation', 'stack/core/3f1c-uuid'), { 'awscodestar:projectId': 'old' }),
      ],
    });
    // The repository's tag names the family; the stack follows its own tag.
    expect(all.map((p) => p.id)).toEqual(['new', 'old']);
    expect(refs(find(all, 'old'))).toEqual([arn('cloudformation', 'stack/core')]);
  });

  it('let a family take the tag its members carry most, and split pipelines tagged apart', () => {
    const all = discoverProjects({
      pipelines: [
        pipeline('mono-a', [codeCommit('mono')]),
        pipeline('mono-b', [codeCommit('mono')]),
        pipeline('mono-c', [codeCommit('mono')]),
      ],
      tagged: [
        tagged(arn('codepipeline', 'mono-a'), project('alpha')),
        tagged(arn('codepipeline', 'mono-b'), project('beta')),
        tagged(arn('codecommit', 'mono'), project('beta')),
      ],
    });
    expect(all.map((p) => [p.id, refs(p).filter((r) => r.includes('codepipeline'))])).toEqual([
      ['alpha', [arn('codepipeline', 'mono-a')]],
      ['beta', [arn('codepipeline', 'mono-b'), arn('codepipeline', 'mono-c')]],
    ]);
  });
});

describe('GitHub repositories', () => {
  it('join the project holding the repository, or the project named the same, or stand alone', () => {
    const all = discoverProjects({
      pipelines: [pipeline('shop', [connection('Acme/Shop')])],
      tagged: [tagged(arn('codebuild', 'project/app-it'), project('app'))],
      github: [
        { fullName: 'acme/shop', environments: ['prod'] },
        { fullName: 'acme/app', environments: ['staging', 'prod'] },
        { fullName: 'acme/docs', environments: ['pages'] },
        { fullName: 'acme/scratch', environments: [] },
      ],
    });
    expect(all.map((p) => [p.id, refs(p)])).toEqual([
      ['app', ['acme/app', arn('codebuild', 'project/app-it')]],
      ['docs', ['acme/docs']],
      ['shop', [arn('codepipeline', 'shop'), 'acme/shop']],
    ]);
    expect(find(all, 'app')?.members[0]?.reasons).toEqual([
      { kind: 'github-deployments', environments: ['prod', 'staging'] },
    ]);
    expect(find(all, 'shop')?.name).toBe('Shop');
  });
});

const worldArb = fc.record({
  pipelines: fc.array(
    fc.record({
      repo: fc.constantFrom('a', 'b', 'c', 'd', 'acme/e', 'acme/f', undefined),
      build: fc.constantFrom('b1', 'b2', 'b3', undefined),
      tag: fc.constantFrom('x', 'y', 'Y', undefined),
      region: fc.constantFrom('us-east-1', 'eu-west-1'),
    }),
    { maxLength: 12 },
  ),
  tags: fc.array(
    fc.record({ build: fc.constantFrom('b1', 'b2', 'b4'), tag: fc.constantFrom('x', 'z', 'Ünïcødé', '日本') }),
    {
      maxLength: 4,
    },
  ),
  github: fc.array(fc.record({ repo: fc.constantFrom('acme/e', 'acme/g', 'other/x'), envs: fc.boolean() }), {
    maxLength: 3,
  }),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(world: World): DiscoveryInput {
  return {
    pipelines: world.pipelines.map((p, i) =>
      pipeline(
        `p${i}`,
        [
          p.repo === undefined ? s3Source() : p.repo.includes('/') ? connection(p.repo) : codeCommit(p.repo),
          ...(p.build ? [codeBuild(p.build)] : []),
        ],
        p.region,
      ),
    ),
    tagged: [
      ...world.pipelines.flatMap((p, i) =>
        p.tag ? [tagged(arn('codepipeline', `p${i}`, p.region), project(p.tag))] : [],
      ),
      ...world.tags.map((t) => tagged(arn('codebuild', `project/${t.build}`), project(t.tag))),
    ],
    github: world.github.map((g) => ({ fullName: g.repo, environments: g.envs ? ['prod'] : [] })),
  };
}

describe('properties', () => {
  it('every pipeline belongs to exactly one project; ids are valid and unique', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = inputOf(world);
        const all = discoverProjects(input);
        for (const p of input.pipelines) expect(all.filter((proj) => refs(proj).includes(p.arn))).toHaveLength(1);
        expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
        for (const p of all) {
          expect(projectIdSchema.safeParse(p.id).success).toBe(true);
          expect(projectNameSchema.safeParse(p.name).success).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order the sources answered in', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (world, seed) => {
        const input = inputOf(world);
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item, i) => ({ item, k: Math.sin(seed + i) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.item);
        const shuffled = {
          pipelines: shuffle(input.pipelines),
          tagged: shuffle(input.tagged ?? []),
          github: shuffle(input.github ?? []),
        };
        expect(discoverProjects(shuffled)).toEqual(discoverProjects(input));
      }),
    );
  });
});
