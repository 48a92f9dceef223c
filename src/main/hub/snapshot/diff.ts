// Change detection: typed events from a previous and a next snapshot. Pure,
// so the renderer feed, the tray and notifications can be tested from
// hand-built snapshots.
//
// Cold start: whatever is read for the first time (no previous snapshot, a
// pipeline's state or executions never read, a repository never read, builds
// of an account and region never read) yields no news, only what is true now
// and worth attention, with origin 'current-state': approvals waiting, a
// pipeline whose latest execution failed, a build project whose latest build
// failed; for GitHub, runs waiting for review, a workflow failing on the
// default branch and an environment whose newest deployment failed (see
// diff-github.ts). Nothing "started" or "succeeded" is ever reported on a
// cold start.
// The ids are the ones the same facts get as news, so once delivered they are
// not delivered again (dedup.ts).
import type { ChangeEvent } from '../../../shared/events';
import { emptySnapshot, resourceKinds, type ResourceKind, type Snapshot } from '../../../shared/snapshot';
import { defaultSnapshotLimits, type SnapshotLimits } from './bounds';
import { diffBuilds } from './diff-builds';
import { diffBeanstalk, diffCodeDeploy, diffServices, diffStacks } from './diff-deploy-targets';
import { diffGitHub } from './diff-github';
import { diffPipelines } from './diff-pipelines';
import { diffRepositories } from './diff-repositories';

type Differ = (previous: Snapshot, next: Snapshot, limits: SnapshotLimits) => ChangeEvent[];

/**
 * One differ per resource kind. A kind added to ResourceKinds (deployments,
 * Beanstalk environments) does not compile until it has one here.
 */
const differs: Record<ResourceKind, Differ> = {
  pipeline: diffPipelines,
  build: diffBuilds,
  repository: diffRepositories,
  'github-repository': diffGitHub,
  'codedeploy-group': diffCodeDeploy,
  'beanstalk-environment': diffBeanstalk,
  'cloudformation-stack': diffStacks,
  'ecs-service': diffServices,
};

/**
 * The events between two snapshots, in a stable order: by kind of resource,
 * then per resource (per project for builds), oldest first within each.
 * Without a previous snapshot everything is a cold start. `limits` must be
 * the store's, so a list cut at its cap is not mistaken for news.
 */
export function diffSnapshots(
  previous: Snapshot | undefined,
  next: Snapshot,
  limits: SnapshotLimits = defaultSnapshotLimits,
): ChangeEvent[] {
  const before = previous ?? emptySnapshot(next.updatedAt);
  return resourceKinds.flatMap((kind) => differs[kind](before, next, limits));
}
