// The Resource Groups Tagging API over AWS JSON 1.1 (ResourceGroupsTaggingAPI_20170126):
// GetResources over the tags the world's resources already carry, with AWS's
// filter rules (filters AND-ed, values of one filter OR-ed) and pagination.
import { AwsError, optionalNumber, optionalString, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';

export interface TaggedArn {
  arn: string;
  tags: Record<string, string>;
}

interface TagFilter {
  key: string;
  values: string[];
}

const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message);

/** Every resource of the account that has tags, ordered by ARN (the order pages are cut in). */
export function taggedArns(world: World): TaggedArn[] {
  const { account, region } = world;
  const all: TaggedArn[] = [
    ...[...world.pipelines.pipelines.values()].map((p) => ({ arn: p.arn, tags: p.tags })),
    ...[...world.codebuild.projects.values()].map((p) => ({ arn: p.arn, tags: p.tags })),
    ...[...world.codecommit.repositories.values()].map((r) => ({ arn: r.arn, tags: r.tags })),
    ...[...world.codedeploy.applications.values()].map((a) => ({
      arn: `arn:aws:codedeploy:${region}:${account}:application:${a.name}`,
      tags: a.tags,
    })),
    ...[...world.codedeploy.groups.values()].map((g) => ({
      arn: `arn:aws:codedeploy:${region}:${account}:deploymentgroup:${g.applicationName}/${g.name}`,
      tags: g.tags,
    })),
    ...[...world.beanstalk.environments.values()].map((e) => ({
      arn: `arn:aws:elasticbeanstalk:${region}:${account}:environment/${e.applicationName}/${e.name}`,
      tags: e.tags,
    })),
  ];
  return all.filter((r) => Object.keys(r.tags).length > 0).sort((a, b) => (a.arn < b.arn ? -1 : 1));
}

/** `service:type` of an ARN as ResourceTypeFilters name it (codepipeline and codecommit ARNs name no type). */
function resourceType(arn: string): { service: string; type: string } {
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  const bare: Record<string, string> = { codepipeline: 'pipeline', codecommit: 'repository' };
  const type = bare[service] ?? resource.split(/[/:]/)[0] ?? '';
  return { service, type };
}

function tagFilters(input: Input): TagFilter[] {
  const raw = input.TagFilters ?? [];
  if (!Array.isArray(raw)) throw new AwsError('SerializationException', 'Expected a list for TagFilters');
  if (raw.length > 50) throw invalidParameter('TagFilters can include up to 50 keys.');
  return raw.map((f: unknown, i) => {
    const { Key, Values } = (typeof f === 'object' && f !== null ? f : {}) as { Key?: unknown; Values?: unknown };
    if (typeof Key !== 'string' || Key.length < 1 || Key.length > 128)
      throw invalidParameter(`TagFilters[${i}].Key must be between 1 and 128 characters.`);
    const values = stringList(`TagFilters[${i}].Values`, Values);
    if (values.length > 20) throw invalidParameter(`TagFilters[${i}].Values can include up to 20 values.`);
    return { key: Key, values };
  });
}

function matches(resource: TaggedArn, filters: TagFilter[], types: string[]): boolean {
  const { service, type } = resourceType(resource.arn);
  if (types.length > 0 && !types.some((t) => t === service || t === `${service}:${type}`)) return false;
  return filters.every((f) => {
    const value = resource.tags[f.key];
    return value !== undefined && (f.values.length === 0 || f.values.includes(value));
  });
}

function range(input: Input, member: string, min: number, max: number): number | undefined {
  const value = optionalNumber(input[member]);
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max))
    throw invalidParameter(`${member} must be between ${min} and ${max}.`);
  return value;
}

function mapping(resource: TaggedArn, compliance: boolean): unknown {
  return {
    ResourceARN: resource.arn,
    Tags: Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value })),
    ...(compliance
      ? { ComplianceDetails: { NoncompliantKeys: [], KeysWithNoncompliantValues: [], ComplianceStatus: true } }
      : {}),
  };
}

export function taggingService(world: World): JsonService {
  return {
    name: 'tagging',
    protocol: 'json',
    targetPrefix: 'ResourceGroupsTaggingAPI_20170126',
    invalidTokenCode: 'InvalidParameterException',
    operations: {
      GetResources: (input) => {
        const filters = tagFilters(input);
        const types = stringList('ResourceTypeFilters', input.ResourceTypeFilters);
        const arns =
          input.ResourceARNList === undefined ? undefined : stringList('ResourceARNList', input.ResourceARNList);
        const perPage = range(input, 'ResourcesPerPage', 1, 100);
        const tagsPerPage = range(input, 'TagsPerPage', 100, 500);
        const token = optionalString(input.PaginationToken);
        const compliance = input.IncludeComplianceDetails === true;
        if (input.ExcludeCompliantResources === true && !compliance)
          throw invalidParameter('ExcludeCompliantResources requires IncludeComplianceDetails.');
        if (arns !== undefined) {
          if (filters.length > 0 || types.length > 0 || perPage !== undefined || tagsPerPage !== undefined || token)
            throw invalidParameter(
              'ResourceARNList cannot be combined with TagFilters, ResourceTypeFilters or pagination parameters.',
            );
          if (arns.length < 1 || arns.length > 100) throw invalidParameter('ResourceARNList must hold 1 to 100 ARNs.');
          const wanted = new Set(arns);
          const found = taggedArns(world).filter((r) => wanted.has(r.arn));
          return { ResourceTagMappingList: found.map((r) => mapping(r, compliance)), PaginationToken: '' };
        }
        // Compliant resources only exist in the simulator: with ExcludeCompliantResources nothing is left.
        const all =
          input.ExcludeCompliantResources === true ? [] : taggedArns(world).filter((r) => matches(r, filters, types));
        const options = {
          scope: `GetResources/${JSON.stringify([filters, types])}`,
          key: (r: TaggedArn) => r.arn,
          defaultSize: 50,
          maxSize: 100,
          invalidToken: () => invalidParameter('The specified PaginationToken is not valid.'),
        };
        let page = paginate(all, { nextToken: token, maxResults: perPage }, options);
        if (tagsPerPage !== undefined) {
          // A resource and its tags never split across pages: cut the page before the resource that would overflow.
          let kept = 0;
          let tags = 0;
          for (const r of page.items) {
            const count = Math.max(1, Object.keys(r.tags).length);
            if (kept > 0 && tags + count > tagsPerPage) break;
            kept += 1;
            tags += count;
          }
          if (kept < page.items.length) page = paginate(all, { nextToken: token, maxResults: kept }, options);
        }
        // AWS ends a listing with an empty token, not an absent one.
        return {
          ResourceTagMappingList: page.items.map((r) => mapping(r, compliance)),
          PaginationToken: page.nextToken ?? '',
        };
      },
    },
  };
}
