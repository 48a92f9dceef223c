// The refresh tasks of one account region, as the scheduler runs them. Fast
// ones (pipeline states, recent builds, watched repositories) on the running
// or idle cadence; slow ones (pipeline definitions with project tags,
// repository metadata and branches) on the definitions cadence. Each task
// reads through its source, folds the answer into the snapshot and reports
// the outcome that sets its next run.
import type { PipelineDetail, PipelineExecution } from '../../../shared/pipelines';
import {
  type AnyResource,
  buildResource,
  pipelineId,
  pipelineResource,
  repositoryResource,
  type ResourceKind,
  type Snapshot,
} from '../../../shared/snapshot';
import type { Freshness, SourceProblem } from '../../../shared/sources';
import { mapLimit } from '../../sources/aws/batching';
import { outcomeFromProblems, type RefreshTask, type RunOutcome } from '../scheduler';
import { applyRead, type ListRead } from '../snapshot/update';
import type { AwsRegion } from './aws-region';

export interface RegionContext {
  snapshot(): Snapshot;
  commit(change: (snapshot: Snapshot) => Snapshot): void;
  /** A pipeline's state was read: the approvals inbox follows what waits. */
  pipelineState(region: AwsRegion, name: string, detail: PipelineDetail): void;
  /** Pipelines that left the region's list. */
  pipelinesGone(region: AwsRegion, names: readonly string[]): void;
  /** A discovery read of the region succeeded (definitions and tags). */
  discovered(region: AwsRegion): void;
  /** CodeCommit repositories the user's projects name in this region, besides those the pipelines read. */
  projectRepositories(region: AwsRegion): string[];
  /** Run another task of the region soon (definitions changed what it reads). */
  nudge(key: string): void;
  now(): Date;
}

export type RegionTaskKind = 'pipelines' | 'definitions' | 'builds' | 'repositories' | 'repository-metadata';

export const regionTaskKey = (region: AwsRegion, kind: RegionTaskKind) => `${region.source}:${kind}`;

/** Executions kept per pipeline; the newest page of ListPipelineExecutions. */
const executionsPerPipeline = 10;

export function regionTasks(region: AwsRegion, context: RegionContext): RefreshTask[] {
  const { accountKey, region: name } = region.location;
  // Throttling is per account, region and service: the account is part of the lane.
  const task = (
    kind: RegionTaskKind,
    service: string,
    cadence: RefreshTask['cadence'],
    run: () => Promise<RunOutcome>,
  ): RefreshTask => ({
    key: regionTaskKey(region, kind),
    account: accountKey,
    service: `${service}@${accountKey}`,
    region: name,
    cadence,
    run,
  });
  return [
    task('definitions', 'codepipeline', 'definitions', () => refreshDefinitions(region, context)),
    task('pipelines', 'codepipeline', 'idle', () => refreshPipelines(region, context)),
    task('builds', 'codebuild', 'idle', () => refreshBuilds(region, context)),
    task('repository-metadata', 'codecommit', 'definitions', () => refreshRepositoryMetadata(region, context)),
    task('repositories', 'codecommit', 'idle', () => refreshRepositories(region, context)),
  ];
}

/** ListPipelines (GetPipeline only for changed versions) and the project tags: what exists, and what discovery reads. */
async function refreshDefinitions(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const [definitions, tags] = await Promise.all([
    region.pipelines.refreshDefinitions(),
    region.tags.projectResources(),
  ]);
  const fetchedAt = context.now().toISOString();
  if (!definitions.ok) {
    context.commit((s) => applyRead(s, staleRead(region, 'pipeline', definitions.error)));
    return outcomeFromProblems({ cadence: 'definitions', problem: definitions.error });
  }
  const listed = definitions.value.pipelines;
  const gone = [...region.summaries.keys()].filter((n) => !listed.some((p) => p.name === n));
  region.summaries = new Map(listed.map((p) => [p.name, p]));
  context.commit((s) =>
    applyRead(s, {
      source: region.source,
      kind: 'pipeline',
      freshness: { fetchedAt },
      complete: true,
      resources: listed.map((summary) => {
        const known = s.resources[pipelineId(summary.location, summary.name)];
        const data = known?.kind === 'pipeline' ? { ...known.data, summary } : { summary };
        return pipelineResource(data, known?.freshness ?? { fetchedAt });
      }),
    }),
  );
  if (gone.length > 0) context.pipelinesGone(region, gone);
  // Discovery needs both halves; a failed tag read keeps the last good tags.
  if (definitions.value.problems.length === 0 && (tags.ok || region.discovery)) {
    region.discovery = {
      definitions: definitions.value.definitions,
      tagged: tags.ok ? tags.value : (region.discovery?.tagged ?? []),
    };
    context.discovered(region);
  }
  context.nudge(regionTaskKey(region, 'pipelines'));
  context.nudge(regionTaskKey(region, 'repository-metadata'));
  return outcomeFromProblems({
    cadence: 'definitions',
    problems: [...definitions.value.problems, ...(tags.ok ? [] : [tags.error])],
  });
}

/**
 * One GetPipelineState per pipeline, and ListPipelineExecutions only for
 * pipelines whose executions moved (a new execution id in the state, or one
 * known to be running): the steady state costs N calls.
 */
async function refreshPipelines(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const names = [...region.summaries.keys()];
  if (names.length === 0) return { kind: 'ok', cadence: 'idle' };
  const states = await region.pipelines.states(names);
  const before = context.snapshot();
  const stale = names.filter((n) => {
    const state = states.get(n);
    return state?.ok === true && executionsMoved(state.value, knownExecutions(before, region, n));
  });
  const executions = new Map(
    await mapLimit(stale, 4, async (n) => [n, await region.pipelines.executions(n, executionsPerPipeline)] as const),
  );
  const problems: SourceProblem[] = [];
  const running = names.some((n) => {
    const state = states.get(n);
    const read = executions.get(n);
    return state?.ok === true && isRunning(state.value, read?.ok ? read.value : knownExecutions(before, region, n));
  });
  context.commit((s) => {
    const resources: AnyResource[] = [];
    for (const n of names) {
      const summary = region.summaries.get(n);
      if (!summary) continue;
      const known = s.resources[pipelineId(summary.location, n)];
      const data = known?.kind === 'pipeline' ? { ...known.data, summary } : { summary };
      const state = states.get(n);
      const read = executions.get(n);
      if (read && !read.ok) problems.push(read.error);
      if (state?.ok) {
        const list = read?.ok ? read.value : data.executions;
        resources.push(
          pipelineResource(
            { ...data, state: state.value, ...(list ? { executions: list } : {}) },
            {
              fetchedAt: state.value.fetchedAt,
            },
          ),
        );
      } else if (state) {
        problems.push(state.error);
        resources.push(pipelineResource(data, { fetchedAt: known?.freshness.fetchedAt ?? '', problem: state.error }));
      }
    }
    const allFailed = resources.length > 0 && resources.every((r) => r.freshness.problem);
    return applyRead(s, {
      source: region.source,
      kind: 'pipeline',
      freshness: allFailed ? { fetchedAt: '', ...problemOf(problems) } : { fetchedAt: context.now().toISOString() },
      resources,
      complete: false,
    });
  });
  for (const n of names) {
    const state = states.get(n);
    if (state?.ok) context.pipelineState(region, n, state.value);
  }
  const outdated = [...states.values()].some((state) => state.ok && state.value.definitionOutdated);
  if (outdated) {
    context.nudge(regionTaskKey(region, 'definitions'));
  }
  return outcomeFromProblems({ cadence: running ? 'running' : 'idle', problems });
}

/** The newest ListBuilds page and BatchGetBuilds for new and running builds: one call when idle. */
async function refreshBuilds(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const read = await region.builds.refreshBuilds();
  const freshness: Freshness = read.problem
    ? { fetchedAt: read.fetchedAt, problem: read.problem }
    : { fetchedAt: read.fetchedAt };
  context.commit((s) =>
    applyRead(s, {
      source: region.source,
      kind: 'build',
      freshness,
      // Builds once complete never change: each keeps the freshness of the read that saw it last.
      resources: read.builds.map((build) => buildResource(build, freshness)),
      complete: false,
    }),
  );
  const running = read.builds.some((build) => !build.complete);
  return outcomeFromProblems({
    cadence: running ? 'running' : 'idle',
    ...(read.problem ? { problem: read.problem } : {}),
    problems: read.problems,
  });
}

/** Heads of the watched branches, new commits, open pull requests. */
async function refreshRepositories(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const watched = await region.repositories.refresh();
  const problems = watched.flatMap((w) => (w.problem ? [w.problem] : []));
  const allFailed = watched.length > 0 && problems.length === watched.length;
  context.commit((s) =>
    applyRead(s, {
      source: region.source,
      kind: 'repository',
      freshness: allFailed ? { fetchedAt: '', ...problemOf(problems) } : { fetchedAt: context.now().toISOString() },
      resources: watched.map(repositoryResource),
      complete: !allFailed,
    }),
  );
  return outcomeFromProblems({ cadence: 'idle', problems });
}

/** Repository metadata, which repositories to watch (the pipelines' and the projects'), branches and PR details. */
async function refreshRepositoryMetadata(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const listed = await region.repositories.refreshRepositories();
  const targets = region.pipelineRepositories();
  for (const name of context.projectRepositories(region)) {
    if (!targets.some((t) => t.repository === name)) targets.push({ repository: name });
  }
  region.repositories.watch(targets);
  await region.repositories.refreshBranches();
  await region.repositories.refreshPullRequestDetails();
  context.nudge(regionTaskKey(region, 'repositories'));
  return outcomeFromProblems({
    cadence: 'definitions',
    ...(listed.problem ? { problem: listed.problem } : {}),
    problems: listed.problems,
  });
}

function knownExecutions(snapshot: Snapshot, region: AwsRegion, name: string): PipelineExecution[] | undefined {
  const resource = snapshot.resources[pipelineId(region.location, name)];
  return resource?.kind === 'pipeline' ? resource.data.executions : undefined;
}

/** Whether the state names an execution the list does not know, or the list has one still running. */
export function executionsMoved(state: PipelineDetail, executions: readonly PipelineExecution[] | undefined): boolean {
  if (!executions) return true;
  const known = new Map(executions.map((e) => [e.pipelineExecutionId, e.status]));
  if (executions.some((e) => e.status === 'InProgress' || e.status === 'Stopping')) return true;
  return state.stages.some((stage) => {
    const id = stage.latestExecution?.pipelineExecutionId;
    return id !== undefined && !known.has(id);
  });
}

function isRunning(state: PipelineDetail, executions: readonly PipelineExecution[] | undefined): boolean {
  if (state.stages.some((stage) => stage.latestExecution?.status === 'InProgress')) return true;
  return (executions ?? []).some((e) => e.status === 'InProgress' || e.status === 'Stopping');
}

function problemOf(problems: readonly SourceProblem[]): { problem?: SourceProblem } {
  const first = problems[0];
  return first ? { problem: first } : {};
}

/** A whole list read failed: every resource of the kind from this source keeps its data, marked stale. */
function staleRead(region: AwsRegion, kind: ResourceKind, problem: SourceProblem): ListRead {
  return { source: region.source, kind, freshness: { fetchedAt: '', problem }, resources: [], complete: false };
}
