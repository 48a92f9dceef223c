import { describe, expect, it } from 'vitest';
import {
  awsArn,
  codebuildProjectArn,
  codecommitRepositoryArn,
  indexByMemberRef,
  memberRefOf,
  partitionOf,
  projectResources,
  projectHolding,
  projectsOfResource,
} from '../../src/shared/project-resources';
import type { ProjectMember } from '../../src/shared/projects';
import { build, githubRepository, location, pipeline, repository, snapshot } from '../support/snapshot-builders';

const member = (ref: string, kind: ProjectMember['kind'] = 'other'): ProjectMember => ({ ref, kind, reasons: [] });
const webArn = 'arn:aws:codepipeline:eu-west-1:111122223333:web';
const buildProjectArn = 'arn:aws:codebuild:eu-west-1:111122223333:project/web-build';
const repoArn = 'arn:aws:codecommit:eu-west-1:111122223333:shop';

describe('ARNs built from a location', () => {
  it('builds CodeBuild project and CodeCommit repository ARNs the way the services write them', () => {
    expect(codebuildProjectArn(location, 'web-build')).toBe(buildProjectArn);
    expect(codecommitRepositoryArn(location, 'shop')).toBe(repoArn);
  });

  it('picks the partition from the region', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(awsArn({ accountId: '1', region: 'cn-north-1' }, 'codecommit', 'r')).toBe(
      'arn:aws-cn:codecommit:cn-north-1:1:r',
    );
  });
});

describe('which resources a project holds', () => {
  const web = pipeline({ name: 'web' });
  const api = pipeline({ name: 'api' });
  const b1 = build('web-build', 1, 'SUCCEEDED');
  const b2 = build('web-build', 2, 'FAILED');
  const other = build('api-build', 1, 'SUCCEEDED');
  const shop = repository([]);
  const store = githubRepository({ fullName: 'Acme/Store' });
  const index = indexByMemberRef(snapshot([web, api, b1, b2, other, shop, store]));

  it('gives each resource the reference a project member uses', () => {
    expect(memberRefOf(web)).toBe(webArn);
    expect(memberRefOf(b2)).toBe(buildProjectArn);
    expect(memberRefOf(shop)).toBe(repoArn);
  });

  it('maps members to the pipeline, every build of the build project and the repository', () => {
    const found = projectResources(
      { members: [member(webArn, 'pipeline'), member(buildProjectArn), member(repoArn)] },
      index,
    );
    expect(found.pipelines.map((r) => r.id)).toEqual([web.id]);
    expect(found.builds.map((r) => r.id).sort()).toEqual([b1.id, b2.id].sort());
    expect(found.repositories.map((r) => r.id)).toEqual([shop.id]);
  });

  it('ignores members the snapshot does not hold, and counts a resource named twice once', () => {
    const found = projectResources(
      {
        members: [
          member('acme/mobile-backend', 'github-repository'),
          member('arn:aws:codedeploy:eu-west-1:111122223333:application:web'),
          member(webArn),
          member(webArn),
        ],
      },
      index,
    );
    expect(found).toEqual({
      pipelines: [web],
      builds: [],
      repositories: [],
      githubRepositories: [],
      codedeployGroups: [],
      beanstalkEnvironments: [],
      cloudformationStacks: [],
      ecsServices: [],
    });
  });

  it('files a GitHub repository under its own list, whatever the case of its owner/name', () => {
    const found = projectResources({ members: [member('acme/store', 'github-repository'), member(repoArn)] }, index);
    expect(found.githubRepositories).toEqual([store]);
    expect(found.repositories).toEqual([shop]);
  });

  it('matches ARNs exactly: another account, region or case is another resource', () => {
    const found = projectResources(
      {
        members: [
          member('arn:aws:codepipeline:eu-west-1:999999999999:web'),
          member('arn:aws:codepipeline:us-east-1:111122223333:web'),
          member('arn:aws:codepipeline:eu-west-1:111122223333:WEB'),
        ],
      },
      index,
    );
    expect(found.pipelines).toEqual([]);
  });

  it('names the projects a resource belongs to, for main to attach to events', () => {
    const projects = [
      { id: 'web', members: [member(webArn), member(buildProjectArn)] },
      { id: 'shared', members: [member(buildProjectArn)] },
      { id: 'api', members: [member('arn:aws:codepipeline:eu-west-1:111122223333:api')] },
    ];
    expect(projectsOfResource(b1, projects)).toEqual(['web', 'shared']);
    expect(projectsOfResource(shop, projects)).toEqual([]);
  });

  it('links a page about a resource to the confirmed project holding it before a proposed one', () => {
    const projects = [
      { id: 'proposed', state: 'proposed' as const, members: [member(buildProjectArn)] },
      { id: 'web', state: 'confirmed' as const, members: [member(buildProjectArn)] },
    ];
    expect(projectHolding(b1, projects)).toBe('web');
    expect(projectHolding(b1, projects.slice(0, 1))).toBe('proposed');
    expect(projectHolding(shop, projects)).toBeUndefined();
  });
});
