// What a pipeline definition says about the resources around it: the
// repositories its source actions read, the CodeBuild projects its build and
// test actions run, and the deployment targets its deploy actions update.
import type { ActionDefinition, PipelineDefinition } from '../../../shared/pipelines';
import type { ActionRef, MemberReason } from '../../../shared/projects';
import { type ArnScope, arns, parseArn, partitionOf } from './refs';

export interface PipelineLink {
  ref: string;
  reason: Extract<MemberReason, ActionRef>;
  /** A source repository: pipelines that share one form a family. */
  repository: boolean;
}

type Role = 'source-action' | 'build-action' | 'test-action' | 'deploy-action';

/** The partition, region and account of a pipeline's resources (actions run where their pipeline is). */
export function pipelineScope(pipeline: PipelineDefinition): ArnScope {
  const parsed = parseArn(pipeline.arn);
  return {
    partition: parsed?.partition || partitionOf(pipeline.location.region),
    region: parsed?.region || pipeline.location.region,
    account: parsed?.account || pipeline.location.accountId,
  };
}

/** The refs one action names, by its provider's configuration keys. */
function actionRefs(scope: ArnScope, action: ActionDefinition): { refs: string[]; role: Role } | undefined {
  const c = action.configuration;
  const category = typeof action.category === 'string' ? action.category : undefined;
  const provider = action.provider ?? '';
  if (category === 'Source') {
    if (provider === 'CodeCommit' && c.RepositoryName) {
      return { refs: [arns.codecommitRepository(scope, c.RepositoryName)], role: 'source-action' };
    }
    // CodeStarSourceConnection (GitHub, Bitbucket, GitLab through a connection) and GitHub via GitHub App.
    if (c.FullRepositoryId && /^[^/\s]+\/[^\s]+$/.test(c.FullRepositoryId)) {
      return { refs: [c.FullRepositoryId], role: 'source-action' };
    }
    return undefined;
  }
  if ((category === 'Build' || category === 'Test') && provider === 'CodeBuild' && c.ProjectName) {
    return {
      refs: [arns.codebuildProject(scope, c.ProjectName)],
      role: category === 'Build' ? 'build-action' : 'test-action',
    };
  }
  if (category !== 'Deploy') return undefined;
  const refs: string[] = [];
  if ((provider === 'CodeDeploy' || provider === 'CodeDeployToECS') && c.ApplicationName) {
    refs.push(arns.codedeployApplication(scope, c.ApplicationName));
    if (c.DeploymentGroupName) refs.push(arns.codedeployGroup(scope, c.ApplicationName, c.DeploymentGroupName));
  } else if (provider === 'ElasticBeanstalk' && c.ApplicationName) {
    refs.push(arns.beanstalkApplication(scope, c.ApplicationName));
    if (c.EnvironmentName) refs.push(arns.beanstalkEnvironment(scope, c.ApplicationName, c.EnvironmentName));
  } else if (provider === 'CloudFormation' && c.StackName) {
    refs.push(arns.cloudformationStack(scope, c.StackName));
  } else if (provider === 'ECS' && c.ClusterName && c.ServiceName) {
    refs.push(arns.ecsService(scope, c.ClusterName, c.ServiceName));
  }
  return refs.length > 0 ? { refs, role: 'deploy-action' } : undefined;
}

export function pipelineLinks(pipeline: PipelineDefinition): PipelineLink[] {
  const scope = pipelineScope(pipeline);
  const links: PipelineLink[] = [];
  for (const stage of pipeline.stages) {
    for (const action of stage.actions) {
      const named = actionRefs(scope, action);
      if (!named) continue;
      for (const ref of named.refs) {
        links.push({
          ref,
          repository: named.role === 'source-action',
          reason: {
            kind: named.role,
            pipeline: pipeline.name,
            pipelineArn: pipeline.arn,
            stage: stage.name,
            action: action.name,
            ...(action.provider !== undefined ? { provider: action.provider } : {}),
          },
        });
      }
    }
  }
  return links;
}
