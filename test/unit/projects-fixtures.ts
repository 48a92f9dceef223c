// Pipeline definitions and tagged resources for the project tests, in the
// shapes the CodePipeline source and the tag source produce.
import type { TaggedResource } from '../../src/main/hub/projects/discovery';
import type { ActionDefinition, PipelineDefinition } from '../../src/shared/pipelines';

export const account = '111122223333';
export const region = 'us-east-1';
export const arn = (service: string, resource: string, at = region): string =>
  `arn:aws:${service}:${at}:${account}:${resource}`;

type Action = Omit<ActionDefinition, 'name'> & { name?: string };

export const codeCommit = (repository: string): Action => ({
  category: 'Source',
  owner: 'AWS',
  provider: 'CodeCommit',
  configuration: { RepositoryName: repository, BranchName: 'main' },
});
export const connection = (fullRepositoryId: string): Action => ({
  category: 'Source',
  owner: 'AWS',
  provider: 'CodeStarSourceConnection',
  configuration: { ConnectionArn: arn('codeconnections', 'connection/x'), FullRepositoryId: fullRepositoryId },
});
export const s3Source = (): Action => ({
  category: 'Source',
  provider: 'S3',
  configuration: { S3Bucket: 'b', S3ObjectKey: 'k.zip' },
});
export const codeBuild = (project: string, category: 'Build' | 'Test' = 'Build'): Action => ({
  category,
  provider: 'CodeBuild',
  configuration: { ProjectName: project },
});
export const codeDeploy = (app: string, group: string): Action => ({
  category: 'Deploy',
  provider: 'CodeDeploy',
  configuration: { ApplicationName: app, DeploymentGroupName: group },
});
export const beanstalk = (app: string, env: string): Action => ({
  category: 'Deploy',
  provider: 'ElasticBeanstalk',
  configuration: { ApplicationName: app, EnvironmentName: env },
});
export const stack = (name: string): Action => ({
  category: 'Deploy',
  provider: 'CloudFormation',
  configuration: { StackName: name },
});
export const ecs = (cluster: string, service: string): Action => ({
  category: 'Deploy',
  provider: 'ECS',
  configuration: { ClusterName: cluster, ServiceName: service },
});

/** A pipeline with one stage per action, named after the action's category. */
export function pipeline(name: string, actions: Action[], at = region): PipelineDefinition {
  return {
    name,
    location: { accountKey: 'main', accountId: account, region: at },
    arn: arn('codepipeline', name, at),
    version: 1,
    consoleUrl: `https://console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/view`,
    stages: actions.map((a, i) => ({
      name: typeof a.category === 'string' ? a.category : `Stage${i}`,
      actions: [{ ...a, name: a.name ?? (typeof a.category === 'string' ? a.category : 'Action') }],
    })),
  };
}

export const tagged = (ref: string, tags: Record<string, string>): TaggedResource => ({ arn: ref, tags });
export const project = (value: string): Record<string, string> => ({ 'starboard:project': value });
