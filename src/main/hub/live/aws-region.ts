// The sources of one workspace account in one region, built over one set of
// clients: CodePipeline (with CodeCommit for revision authors), CodeBuild,
// CodeCommit, the tagging API, and the deploy targets (CodeDeploy, Elastic
// Beanstalk, the CloudFormation stacks and ECS services pipelines deploy to). Reads use retrying clients, writes clients
// that never retry (client-config.ts).
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { PipelineDefinition, PipelineSummary } from '../../../shared/pipelines';
import { awsSourceId } from '../../../shared/snapshot';
import type { AwsLocation } from '../../../shared/sources';
import { BeanstalkSource } from '../../sources/aws/beanstalk/beanstalk-source';
import { type AwsAccountTarget, clientConfig } from '../../sources/aws/client-config';
import { StackSource } from '../../sources/aws/cloudformation/stack-source';
import { BuildSource } from '../../sources/aws/codebuild/build-source';
import { RepositorySource, type WatchTarget } from '../../sources/aws/codecommit/repository-source';
import { CodeDeploySource } from '../../sources/aws/codedeploy/deploy-source';
import { PipelineSource } from '../../sources/aws/codepipeline/pipeline-source';
import type { EcsServiceRef } from '../../sources/aws/ecs/service-source';
import { ServiceSource } from '../../sources/aws/ecs/service-source';
import type { TaggedResource } from '../projects/discovery';
import { TagSource } from '../projects/tag-source';

/** What the region's last discovery read found; kept when a later read fails. */
export interface RegionDiscovery {
  definitions: PipelineDefinition[];
  tagged: TaggedResource[];
}

/** The CloudFormation stacks and ECS services this region's pipelines deploy to. */
export interface DeployTargets {
  stacks: string[];
  services: EcsServiceRef[];
}

export class AwsRegion {
  readonly source: string;
  readonly pipelines: PipelineSource;
  readonly builds: BuildSource;
  readonly repositories: RepositorySource;
  readonly tags: TagSource;
  readonly codedeploy: CodeDeploySource;
  readonly beanstalk: BeanstalkSource;
  readonly stacks: StackSource;
  readonly services: ServiceSource;
  /** Reads build logs (build-actions.ts); retrying, like every read client. */
  readonly logs: CloudWatchLogsClient;
  /** The pipelines the last ListPipelines returned, by name; empty until definitions were read. */
  summaries = new Map<string, PipelineSummary>();
  /** Set once a discovery read of this region succeeded. */
  discovery: RegionDiscovery | undefined;
  readonly #clients: { destroy(): void }[];

  constructor(
    readonly target: AwsAccountTarget,
    readonly location: AwsLocation,
    onUnknownValue?: (field: string, value: string) => void,
  ) {
    this.source = awsSourceId(location);
    const read = clientConfig(target, 'read');
    const write = clientConfig(target, 'write');
    const codecommit = new CodeCommitClient(read);
    const clients = {
      pipelineRead: new CodePipelineClient(read),
      pipelineWrite: new CodePipelineClient(write),
      buildRead: new CodeBuildClient(read),
      buildWrite: new CodeBuildClient(write),
      tagging: new ResourceGroupsTaggingAPIClient(read),
      deployRead: new CodeDeployClient(read),
      deployWrite: new CodeDeployClient(write),
      beanstalk: new ElasticBeanstalkClient(read),
      cloudformation: new CloudFormationClient(read),
      ecs: new ECSClient(read),
      logs: new CloudWatchLogsClient(read),
    };
    this.#clients = [codecommit, ...Object.values(clients)];
    this.pipelines = new PipelineSource(clients.pipelineRead, clients.pipelineWrite, location, {
      codecommit,
      ...(onUnknownValue ? { onUnknownValue } : {}),
    });
    this.builds = new BuildSource(clients.buildRead, clients.buildWrite, location);
    this.repositories = new RepositorySource(codecommit, location);
    this.tags = new TagSource(clients.tagging, location);
    this.codedeploy = new CodeDeploySource(clients.deployRead, clients.deployWrite, location);
    this.beanstalk = new BeanstalkSource(clients.beanstalk, location);
    this.stacks = new StackSource(clients.cloudformation, location);
    this.services = new ServiceSource(clients.ecs, location);
    this.logs = clients.logs;
  }

  /** The actions of the listed pipelines' cached definitions (none before the definitions were read). */
  #actions() {
    return [...this.summaries.keys()].flatMap((name) =>
      (this.pipelines.cachedDefinition(name)?.stages ?? []).flatMap((stage) => stage.actions),
    );
  }

  /** The CodeCommit repositories (and branches) this region's pipelines read from. */
  pipelineRepositories(): WatchTarget[] {
    const branches = new Map<string, Set<string>>();
    for (const action of this.#actions()) {
      const repository = action.configuration['RepositoryName'];
      if (action.provider !== 'CodeCommit' || repository === undefined) continue;
      const set = branches.get(repository) ?? new Set<string>();
      const branch = action.configuration['BranchName'];
      if (branch !== undefined) set.add(branch);
      branches.set(repository, set);
    }
    return [...branches].map(([repository, set]) => ({ repository, branches: [...set].sort() }));
  }

  /**
   * The CloudFormation stacks (CloudFormation deploy actions' StackName) and
   * ECS services (ECS deploy actions' ClusterName and ServiceName) this
   * region's pipelines deploy to, each once, in name order. CodeDeployToECS
   * names a deployment group instead: the CodeDeploy tasks read it.
   */
  deployTargets(): DeployTargets {
    const stacks = new Set<string>();
    const services = new Map<string, EcsServiceRef>();
    for (const { category, provider, configuration: c } of this.#actions()) {
      if (category !== 'Deploy') continue;
      if (provider === 'CloudFormation' && c['StackName']) stacks.add(c['StackName']);
      const cluster = c['ClusterName'];
      const service = c['ServiceName'];
      if (provider === 'ECS' && cluster && service) services.set(`${cluster}/${service}`, { cluster, service });
    }
    return {
      stacks: [...stacks].sort(),
      services: [...services].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref),
    };
  }

  destroy(): void {
    for (const client of this.#clients) client.destroy();
  }
}
