// Builders for the pipeline stages scenarios declare.
import type { ActionDef, StageDef } from '../world/pipeline-model';

const action = (
  init: Omit<ActionDef, 'runOrder' | 'inputArtifacts' | 'outputArtifacts'> & Partial<ActionDef>,
): ActionDef => ({
  runOrder: 1,
  inputArtifacts: [],
  outputArtifacts: [],
  ...init,
});

const sourceStage = (provider: string, configuration: Record<string, string>): StageDef => ({
  name: 'Source',
  actions: [
    action({
      name: 'Source',
      category: 'Source',
      provider,
      configuration: { ...configuration, OutputArtifactFormat: 'CODE_ZIP' },
      outputArtifacts: ['SourceArtifact'],
    }),
  ],
});

export function codeCommitSource(repositoryName: string, branchName = 'main'): StageDef {
  return sourceStage('CodeCommit', {
    RepositoryName: repositoryName,
    BranchName: branchName,
    PollForSourceChanges: 'false',
  });
}

export function connectionSource(connectionArn: string, fullRepositoryId: string, branchName = 'main'): StageDef {
  return sourceStage('CodeStarSourceConnection', {
    ConnectionArn: connectionArn,
    FullRepositoryId: fullRepositoryId,
    BranchName: branchName,
  });
}

export function buildStage(projectName: string): StageDef {
  return {
    name: 'Build',
    actions: [
      action({
        name: 'Build',
        category: 'Build',
        provider: 'CodeBuild',
        configuration: { ProjectName: projectName },
        inputArtifacts: ['SourceArtifact'],
        outputArtifacts: ['BuildArtifact'],
      }),
    ],
  };
}

export function approvalStage(
  stageName: string,
  actionName: string,
  customData: string,
  externalEntityLink?: string,
): StageDef {
  const configuration: Record<string, string> = { CustomData: customData };
  if (externalEntityLink !== undefined) configuration.ExternalEntityLink = externalEntityLink;
  return {
    name: stageName,
    actions: [action({ name: actionName, category: 'Approval', provider: 'Manual', configuration })],
  };
}

export function codeDeployStage(applicationName: string, deploymentGroupName: string): StageDef {
  return {
    name: 'Deploy',
    actions: [
      action({
        name: 'Deploy',
        category: 'Deploy',
        provider: 'CodeDeploy',
        configuration: { ApplicationName: applicationName, DeploymentGroupName: deploymentGroupName },
        inputArtifacts: ['BuildArtifact'],
      }),
    ],
  };
}

export function beanstalkStage(applicationName: string, environmentName: string): StageDef {
  return {
    name: 'Deploy',
    actions: [
      action({
        name: 'Deploy',
        category: 'Deploy',
        provider: 'ElasticBeanstalk',
        configuration: { ApplicationName: applicationName, EnvironmentName: environmentName },
        inputArtifacts: ['BuildArtifact'],
      }),
    ],
  };
}

/** A CloudFormation deploy (CREATE_UPDATE) of one stack from a template in the source. */
export function cloudFormationStage(
  stageName: string,
  stackName: string,
  options: { templatePath: string; roleArn: string; parameterOverrides?: string },
): StageDef {
  return {
    name: stageName,
    actions: [
      action({
        name: 'DeployStack',
        category: 'Deploy',
        provider: 'CloudFormation',
        configuration: {
          ActionMode: 'CREATE_UPDATE',
          StackName: stackName,
          TemplatePath: options.templatePath,
          Capabilities: 'CAPABILITY_IAM',
          RoleArn: options.roleArn,
          ...(options.parameterOverrides !== undefined ? { ParameterOverrides: options.parameterOverrides } : {}),
        },
        inputArtifacts: ['SourceArtifact', 'BuildArtifact'],
      }),
    ],
  };
}

/** An ECS (rolling update) deploy of the image the build wrote to imagedefinitions.json. */
export function ecsStage(stageName: string, clusterName: string, serviceName: string): StageDef {
  return {
    name: stageName,
    actions: [
      action({
        name: 'DeployService',
        category: 'Deploy',
        provider: 'ECS',
        configuration: { ClusterName: clusterName, ServiceName: serviceName, FileName: 'imagedefinitions.json' },
        inputArtifacts: ['BuildArtifact'],
      }),
    ],
  };
}
