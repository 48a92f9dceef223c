// One discovery pass over every account region: pipeline definitions (the
// source's version cache spares GetPipeline for unchanged pipelines) and
// project tags side by side, then the pure proposal. A region that could not
// be read is reported: its projects are missing from this pass, not deleted.
import type { ProposedProject } from '../../../shared/projects';
import type { SourceProblem } from '../../../shared/sources';
import type { PipelineSource } from '../../sources/aws/codepipeline/pipeline-source';
import { discoverProjects, type GitHubDeployments, type TaggedResource } from './discovery';
import type { TagSource } from './tag-source';
import type { PipelineDefinition } from '../../../shared/pipelines';

export interface RegionSources {
  pipelines: Pick<PipelineSource, 'refreshDefinitions'>;
  tags: Pick<TagSource, 'projectResources'>;
}

export interface DiscoveryPass {
  proposals: ProposedProject[];
  problems: SourceProblem[];
  /** False when some region or pipeline could not be read: keep what the last complete pass knew of it. */
  complete: boolean;
}

export async function runDiscovery(
  regions: readonly RegionSources[],
  github: readonly GitHubDeployments[] = [],
): Promise<DiscoveryPass> {
  const read = await Promise.all(
    regions.map(async (r) => Promise.all([r.pipelines.refreshDefinitions(), r.tags.projectResources()])),
  );
  const pipelines: PipelineDefinition[] = [];
  const tagged: TaggedResource[] = [];
  const problems: SourceProblem[] = [];
  for (const [definitions, tags] of read) {
    if (definitions.ok) {
      pipelines.push(...definitions.value.definitions);
      problems.push(...definitions.value.problems);
    } else problems.push(definitions.error);
    if (tags.ok) tagged.push(...tags.value);
    else problems.push(tags.error);
  }
  return { proposals: discoverProjects({ pipelines, tagged, github }), problems, complete: problems.length === 0 };
}
