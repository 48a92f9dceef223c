// Proposes projects from what the accounts already say, the way CodeStar
// grouped them: one project per pipeline family (pipelines sharing a source
// repository), holding the repositories, build projects and deployment
// targets its actions name. Project tags override: a tagged resource joins
// the project its tag names. GitHub repositories that deploy to environments
// join the project of the same repository. Pure: same input, same proposals.
import type { PipelineDefinition } from '../../../shared/pipelines';
import { type ProjectTagKey, projectTagKeys, type ProposedProject } from '../../../shared/projects';
import { type BucketKey, Buckets } from './buckets';
import { slug } from './naming';
import { type PipelineLink, pipelineLinks } from './pipeline-links';
import { canonicalRef, shortName } from './refs';

/** A resource the Resource Groups Tagging API returned, with all its tags. */
export interface TaggedResource {
  arn: string;
  tags: Record<string, string>;
}

/** A GitHub repository whose workflows deploy to environments (from the GitHub source). */
export interface GitHubDeployments {
  /** `owner/repo`. */
  fullName: string;
  environments: string[];
}

export interface DiscoveryInput {
  /** Pipeline definitions of every account and region, each with its ARN and location. */
  pipelines: readonly PipelineDefinition[];
  tagged?: readonly TaggedResource[];
  github?: readonly GitHubDeployments[];
}

interface ProjectTag {
  key: ProjectTagKey;
  value: string;
}

interface Family {
  pipelines: PipelineDefinition[];
  /** Canonical repository refs, the most shared first. */
  repositories: string[];
}

const byArn = <T extends { arn: string }>(a: T, b: T): number => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);

/** The project a resource's tags name: `starboard:project` before `awscodestar:projectId`; blank values name nothing. */
export function projectTag(tags: Record<string, string>): ProjectTag | undefined {
  for (const key of projectTagKeys) {
    const value = tags[key]?.trim();
    if (value) return { key, value };
  }
  return undefined;
}

const tagKey = (tag: ProjectTag): BucketKey => ({ kind: 'tag', ref: tag.value, name: tag.value });

export function discoverProjects(input: DiscoveryInput): ProposedProject[] {
  const tags = new Map<string, ProjectTag>();
  // The same ARN twice (two workspace entries for one account): the same one wins whatever the order.
  const tagOrder = (a: TaggedResource, b: TaggedResource): number =>
    byArn(a, b) ||
    JSON.stringify(Object.entries(a.tags).sort()).localeCompare(JSON.stringify(Object.entries(b.tags).sort()));
  for (const r of [...(input.tagged ?? [])].sort(tagOrder)) {
    const tag = projectTag(r.tags);
    if (tag && !tags.has(canonicalRef(r.arn))) tags.set(canonicalRef(r.arn), tag);
  }
  const pipelineOrder = (a: PipelineDefinition, b: PipelineDefinition): number =>
    byArn(a, b) || a.location.accountKey.localeCompare(b.location.accountKey);
  const pipelines = [...input.pipelines].sort(pipelineOrder).filter((p, i, all) => all[i - 1]?.arn !== p.arn);
  const links = new Map(pipelines.map((p) => [p.arn, pipelineLinks(p)]));
  const buckets = new Buckets();

  for (const family of pipelineFamilies(pipelines, links)) {
    const familyKey = familyKeyOf(family, links, tags);
    const anchors = [
      ...family.repositories.map((r) => slug(shortName(r))),
      ...family.pipelines.map((p) => slug(p.name)),
    ];
    for (const pipeline of family.pipelines) {
      const own = tags.get(canonicalRef(pipeline.arn));
      const key = own ? tagKey(own) : familyKey;
      const shared = !own && family.pipelines.length > 1 ? family.repositories[0] : undefined;
      buckets.add(key, pipeline.arn, [{ kind: 'pipeline', ...(shared ? { repository: shared } : {}) }], anchors);
      for (const link of links.get(pipeline.arn) ?? []) {
        const tag = tags.get(canonicalRef(link.ref));
        buckets.add(tag ? tagKey(tag) : key, link.ref, [link.reason]);
      }
    }
  }
  for (const [ref, tag] of tags) buckets.add(tagKey(tag), ref, [{ kind: 'tag', key: tag.key, value: tag.value }]);

  // One entry per repository, with every environment any entry named.
  const github = new Map<string, GitHubDeployments>();
  for (const repo of [...(input.github ?? [])].sort((a, b) => (a.fullName < b.fullName ? -1 : 1))) {
    const ref = canonicalRef(repo.fullName);
    const environments = new Set([...(github.get(ref)?.environments ?? []), ...repo.environments]);
    github.set(ref, { fullName: github.get(ref)?.fullName ?? repo.fullName, environments: [...environments] });
  }
  for (const repo of [...github.values()].sort((a, b) => (a.fullName < b.fullName ? -1 : 1))) {
    const ref = canonicalRef(repo.fullName);
    const reason = { kind: 'github-deployments' as const, environments: [...repo.environments].sort() };
    const holders = buckets.holding(ref);
    for (const key of holders) buckets.add(key, ref, [reason]);
    // Its own proposal unless it deploys nowhere; one named the same (a tag's) takes it in.
    if (holders.length === 0 && repo.environments.length > 0) {
      buckets.add({ kind: 'repository', ref, name: shortName(repo.fullName) }, ref, [reason]);
    }
  }
  return buckets.proposals();
}

/** Pipelines that share a source repository, joined transitively (union-find over repositories). */
function pipelineFamilies(pipelines: PipelineDefinition[], links: Map<string, PipelineLink[]>): Family[] {
  const parent = new Map(pipelines.map((p) => [p.arn, p.arn]));
  const root = (arn: string): string => {
    let at = arn;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  const users = new Map<string, string[]>();
  for (const p of pipelines) {
    for (const link of links.get(p.arn) ?? []) {
      if (!link.repository) continue;
      const ref = canonicalRef(link.ref);
      const seen = users.get(ref) ?? [];
      if (!seen.includes(p.arn)) seen.push(p.arn);
      users.set(ref, seen);
      const [a, b] = [root(seen[0] ?? p.arn), root(p.arn)].sort();
      if (a !== undefined && b !== undefined) parent.set(b, a);
    }
  }
  const families = new Map<string, Family>();
  for (const p of pipelines) {
    const family = families.get(root(p.arn)) ?? { pipelines: [], repositories: [] };
    family.pipelines.push(p);
    families.set(root(p.arn), family);
  }
  for (const [ref, arns] of [...users].sort(([a], [b]) => (a < b ? -1 : 1))) {
    families.get(root(arns[0] ?? ''))?.repositories.push(ref);
  }
  for (const family of families.values()) {
    family.repositories.sort((a, b) => (users.get(b)?.length ?? 0) - (users.get(a)?.length ?? 0) || (a < b ? -1 : 1));
  }
  return [...families.values()];
}

/**
 * What names a family's untagged pipelines: the tag its pipelines and
 * repositories carry most often, else its most shared repository, else its
 * (single, repository-less) pipeline.
 */
function familyKeyOf(family: Family, links: Map<string, PipelineLink[]>, tags: Map<string, ProjectTag>): BucketKey {
  const votes = new Map<string, { tag: ProjectTag; count: number }>();
  for (const ref of [...family.pipelines.map((p) => p.arn), ...family.repositories]) {
    const tag = tags.get(canonicalRef(ref));
    if (!tag) continue;
    const vote = votes.get(slug(tag.value)) ?? { tag, count: 0 };
    vote.count += 1;
    votes.set(slug(tag.value), vote);
  }
  const winner = [...votes].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))[0];
  if (winner) return tagKey(winner[1].tag);
  const repository = family.repositories[0];
  const pipeline = family.pipelines[0];
  if (repository !== undefined) {
    const named = family.pipelines
      .flatMap((p) => links.get(p.arn) ?? [])
      .find((l) => canonicalRef(l.ref) === repository);
    return { kind: 'repository', ref: repository, name: shortName(named?.ref ?? repository) };
  }
  if (!pipeline) throw new Error('a pipeline family has at least one pipeline');
  return { kind: 'pipeline', ref: pipeline.arn, name: pipeline.name };
}
