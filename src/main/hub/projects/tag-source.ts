// The project tags of one account and region in as few calls as AWS allows:
// GetResources pages (100 resources each) over the resource types a project
// holds. No TagFilters: AWS ANDs them, so one call filtering on both project
// keys would find only resources carrying both, and a call per key doubles
// the floor; the types already narrow the listing to delivery resources.
import { paginateGetResources, type ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { AwsLocation } from '../../../shared/sources';
import { collectPages } from '../../sources/aws/batching';
import { mapPages, type SourceResult, tryCall } from '../../sources/aws/codepipeline/calls';
import { projectTag, type TaggedResource } from './discovery';

/** Resource types that can be project members (service, or service:type where the service has many). */
export const memberResourceTypes = [
  'codepipeline',
  'codecommit',
  'codebuild:project',
  'codedeploy:application',
  'codedeploy:deploymentgroup',
  'elasticbeanstalk:application',
  'elasticbeanstalk:environment',
  'cloudformation:stack',
  'ecs:service',
];

export class TagSource {
  constructor(
    private readonly client: ResourceGroupsTaggingAPIClient,
    readonly location: AwsLocation,
  ) {}

  /** Every member-type resource of the region that carries a project tag (all pages of GetResources). */
  async projectResources(): Promise<SourceResult<TaggedResource[]>> {
    const read = await tryCall('tag:GetResources', this.location.region, () =>
      collectPages((startingToken) =>
        paginateGetResources(
          { client: this.client, pageSize: 100, ...(startingToken ? { startingToken } : {}) },
          { ResourceTypeFilters: memberResourceTypes },
        ),
      ),
    );
    return mapPages(read, (page) =>
      (page.ResourceTagMappingList ?? []).flatMap((mapping) => {
        const tags: Record<string, string> = {};
        for (const t of mapping.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
        return mapping.ResourceARN !== undefined && projectTag(tags) ? [{ arn: mapping.ResourceARN, tags }] : [];
      }),
    );
  }
}
