// The sources of one workspace account in one region, built over one set of
// clients: CodePipeline (with CodeCommit for revision authors), CodeBuild,
// CodeCommit and the tagging API. Reads use retrying clients, writes clients
// that never retry (client-config.ts).
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { PipelineDefinition, PipelineSummary } from '../../../shared/pipelines';
import { awsSourceId } from '../../../shared/snapshot';
import type { AwsLocation } from '../../../shared/sources';
import { type AwsAccountTarget, clientConfig } from '../../sources/aws/client-config';
import { BuildSource } from '../../sources/aws/codebuild/build-source';
import { RepositorySource, type WatchTarget } from '../../sources/aws/codecommit/repository-source';
import { PipelineSource } from '../../sources/aws/codepipeline/pipeline-source';
import type { TaggedResource } from '../projects/discovery';
import { TagSource } from '../projects/tag-source';

/** What the region's last discovery read found; kept when a later read fails. */
export interface RegionDiscovery {
  definitions: PipelineDefinition[];
  tagged: TaggedResource[];
}

export class AwsRegion {
  readonly source: string;
  readonly pipelines: PipelineSource;
  readonly builds: BuildSource;
  readonly repositories: RepositorySource;
  readonly tags: TagSource;
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
    };
    this.#clients = [codecommit, ...Object.values(clients)];
    this.pipelines = new PipelineSource(clients.pipelineRead, clients.pipelineWrite, location, {
      codecommit,
      ...(onUnknownValue ? { onUnknownValue } : {}),
    });
    this.builds = new BuildSource(clients.buildRead, clients.buildWrite, location);
    this.repositories = new RepositorySource(codecommit, location);
    this.tags = new TagSource(clients.tagging, location);
  }

  /** The CodeCommit repositories (and branches) this region's pipelines read from. */
  pipelineRepositories(): WatchTarget[] {
    const branches = new Map<string, Set<string>>();
    for (const name of this.summaries.keys()) {
      const definition = this.pipelines.cachedDefinition(name);
      for (const stage of definition?.stages ?? []) {
        for (const action of stage.actions) {
          const repository = action.configuration['RepositoryName'];
          if (action.provider !== 'CodeCommit' || repository === undefined) continue;
          const set = branches.get(repository) ?? new Set<string>();
          const branch = action.configuration['BranchName'];
          if (branch !== undefined) set.add(branch);
          branches.set(repository, set);
        }
      }
    }
    return [...branches].map(([repository, set]) => ({ repository, branches: [...set].sort() }));
  }

  destroy(): void {
    for (const client of this.#clients) client.destroy();
  }
}
