// The refresh tasks of one account region, as the scheduler runs them. Fast
// ones (pipeline states, recent builds, watched repositories) on the running
// or idle cadence; slow ones (pipeline definitions with project tags,
// repository metadata and branches) on the definitions cadence. Each task
// reads through its source, folds the answer into the snapshot and reports
// the outcome that sets its next run.
import type { PipelineDetail, PipelineExecution } from '../../../shared/pipelines';
import {
  buildResource,
  pipelineId,
  pipelineResource,
  repositoryResource,
  type ResourceKind,
  type Snapshot,
} from '../../../shared/snapshot';
import type { Freshness, SourceProblem } from '../../../shared/sources';
import { outcomeFromProblems, type RefreshTask, type RunOutcome } from '../scheduler';
import { applyRead, type ListRead, putResource } from '../snapshot/update';
import type { AwsRegion } from './aws-region';
import { deployTasks } from './deploy-tasks';

export interface RegionContext {
  snapshot(): Snapshot;
  commit(change: (snapshot: Snapshot) => Snapshot): void;
  /** A pipeline's state was read: the approvals inbox follows what waits. */
  pipelineState(region: AwsRegion, name: string, detail: PipelineDetail): void;
  /** Pipelines that joined or left the region's list: their tasks come and go. */
  pipelinesChanged(region: AwsRegion, added: readonly string[], gone: readonly string[]): void;
  /** A discovery read of the region succeeded (definitions and tags). */
  discovered(region: AwsRegion): void;
  /** CodeCommit repositories the user's projects name in this region, besides those the pipelines read. */
  projectRepositories(region: AwsRegion): string[];
  /** Run another task of the region soon (definitions changed what it reads). */
  nudge(key: string): void;
  now(): Date;
}

export type RegionTaskKind = 'definitions' | 'builds' | 'repositories' | 'repository-metadata';

export const regionTaskKey = (region: AwsRegion, kind: RegionTaskKind) => `${region.source}:${kind}`;
export const pipelineTaskKey = (region: AwsRegion, name: string) => `${region.source}:pipeline:${name}`;

/** Throttling is per account, region and service: the account is part of the lane. */
export const lane = (region: AwsRegion, service: string) => ({
  account: region.location.accountKey,
  service: `${service}@${region.location.accountKey}`,
  region: region.location.region,
});

/** The task that keeps one pipeline's state and executions current. */
export function pipelineTask(region: AwsRegion, name: string, context: RegionContext): RefreshTask {
  return {
    key: pipelineTaskKey(region, name),
    ...lane(region, 'codepipeline'),
    cadence: 'idle',
    run: () => refreshPipeline(region, name, context),
  };
}

/** Executions kept per pipeline; the newest page of ListPipelineExecutions. */
const executionsPerPipeline = 10;

/** The region's own tasks; each pipeline gets its own (pipelineTask) once listed. */
export function regionTasks(region: AwsRegion, context: RegionContext): RefreshTask[] {
  const task = (
    kind: RegionTaskKind,
    service: string,
    cadence: RefreshTask['cadence'],
    run: () => Promise<RunOutcome>,
  ): RefreshTask => ({ key: regionTaskKey(region, kind), ...lane(region, service), cadence, run });
  return [
    task('definitions', 'codepipeline', 'definitions', () => refreshDefinitions(region, context)),
    task('builds', 'codebuild', 'idle', () => refreshBuilds(region, context)),
    task('repository-metadata', 'codecommit', 'definitions', () => refreshRepositoryMetadata(region, context)),
    task('repositories', 'codecommit', 'idle', () => refreshRepositories(region, context)),
    ...deployTasks(region, context),
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
  const previous = region.summaries;
  const gone = [...previous.keys()].filter((n) => !listed.some((p) => p.name === n));
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
  const added = listed.filter((p) => !previous.has(p.name)).map((p) => p.name);
  if (gone.length > 0 || added.length > 0) context.pipelinesChanged(region, added, gone);
  // A failed tag read keeps the last good tags (none at first: projects then come from the pipelines alone).
  if (definitions.value.problems.length === 0) {
    region.discovery = {
      definitions: definitions.value.definitions,
      tagged: tags.ok ? tags.value : (region.discovery?.tagged ?? []),
    };
    context.discovered(region);
  }
  context.nudge(regionTaskKey(region, 'repository-metadata'));
  return outcomeFromProblems({
    cadence: 'definitions',
    problems: [...definitions.value.problems, ...(tags.ok ? [] : [tags.error])],
  });
}

/**
 * One pipeline: one GetPipelineState, and ListPipelineExecutions only when
 * the executions moved. Each pipeline is its own task, so a running one is
 * read every few seconds while the quiet ones stay on the idle cadence.
 */
async function refreshPipeline(region: AwsRegion, name: string, context: RegionContext): Promise<RunOutcome> {
  const summary = region.summaries.get(name);
  if (!summary) return { kind: 'ok', cadence: 'idle' };
  let state = await region.pipelines.state(name);
  const before = context.snapshot();
  const knownList = knownExecutions(before, region, name);
  const read =
    state.ok && executionsMoved(state.value, knownList, knownState(before, region, name))
      ? await region.pipelines.executions(name, executionsPerPipeline)
      : undefined;
  // An approval seen before its execution's revisions were known: read the state once more, now with what would ship.
  if (read?.ok && state.ok && state.value.waitingApprovals.some((a) => a.sourceRevisions.length === 0)) {
    const again = await region.pipelines.state(name);
    if (again.ok) state = again;
  }
  const executions = read?.ok ? read.value : knownList;
  context.commit((s) => {
    const known = s.resources[pipelineId(summary.location, name)];
    const data = known?.kind === 'pipeline' ? { ...known.data, summary } : { summary };
    const resource = state.ok
      ? pipelineResource(
          { ...data, state: state.value, ...(executions ? { executions } : {}) },
          { fetchedAt: state.value.fetchedAt },
        )
      : pipelineResource(data, { fetchedAt: known?.freshness.fetchedAt ?? '', problem: state.error });
    return putResource(s, resource);
  });
  if (!state.ok) return outcomeFromProblems({ cadence: 'idle', problem: state.error });
  context.pipelineState(region, name, state.value);
  if (state.value.definitionOutdated) context.nudge(regionTaskKey(region, 'definitions'));
  return outcomeFromProblems({
    cadence: isRunning(state.value, executions) ? 'running' : 'idle',
    problems: read && !read.ok ? [read.error] : [],
  });
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
  // Before the definitions were first read (a start while AWS is unreachable) nothing says what to watch:
  // watch what the last snapshot holds, so a failed read marks it stale instead of a read of nothing erasing it.
  if (region.discovery === undefined && region.repositories.watched.length === 0) {
    const held = Object.values(context.snapshot().resources).flatMap((r) =>
      r.kind === 'repository' && r.source === region.source ? [{ repository: r.data.repository }] : [],
    );
    region.repositories.watch(held);
  }
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

function knownState(snapshot: Snapshot, region: AwsRegion, name: string): PipelineDetail | undefined {
  const resource = snapshot.resources[pipelineId(region.location, name)];
  return resource?.kind === 'pipeline' ? resource.data.state : undefined;
}

function knownExecutions(snapshot: Snapshot, region: AwsRegion, name: string): PipelineExecution[] | undefined {
  const resource = snapshot.resources[pipelineId(region.location, name)];
  return resource?.kind === 'pipeline' ? resource.data.executions : undefined;
}

/**
 * Whether the executions list may have changed: never read, the state names
 * an execution the list does not know, or one the list has in progress while
 * the state moved since the last read (an execution parked at a manual
 * approval does not move: no call).
 */
export function executionsMoved(
  state: PipelineDetail,
  executions: readonly PipelineExecution[] | undefined,
  previous?: PipelineDetail,
): boolean {
  if (!executions) return true;
  const known = new Set(executions.map((e) => e.pipelineExecutionId));
  const unknown = state.stages.some((stage) => {
    const id = stage.latestExecution?.pipelineExecutionId;
    return id !== undefined && !known.has(id);
  });
  if (unknown) return true;
  const inFlight = executions.some((e) => e.status === 'InProgress' || e.status === 'Stopping');
  return inFlight && (previous === undefined || progressOf(previous) !== progressOf(state));
}

/** What moves while an execution runs: each stage's execution and status, each action's status. */
function progressOf(state: PipelineDetail): string {
  return JSON.stringify(
    state.stages.map((stage) => [
      stage.latestExecution?.pipelineExecutionId,
      stage.latestExecution?.status,
      stage.actions.map((action) => [action.actionExecutionId, action.status]),
    ]),
  );
}

/**
 * Work in flight: a stage or execution in progress, unless all that is in
 * progress is a manual approval waiting for someone (days, possibly): that
 * is watched on the idle cadence.
 */
export function isRunning(state: PipelineDetail, executions: readonly PipelineExecution[] | undefined): boolean {
  const waiting = new Set(state.waitingApprovals.map((a) => `${a.ref.stage}/${a.ref.action}`));
  const busy = state.stages.some(
    (stage) =>
      stage.latestExecution?.status === 'InProgress' &&
      stage.actions.some((action) => action.status === 'InProgress' && !waiting.has(`${stage.name}/${action.name}`)),
  );
  if (busy) return true;
  const parked = state.stages.some((stage) => stage.actions.some((a) => waiting.has(`${stage.name}/${a.name}`)));
  return !parked && (executions ?? []).some((e) => e.status === 'InProgress' || e.status === 'Stopping');
}

function problemOf(problems: readonly SourceProblem[]): { problem?: SourceProblem } {
  const first = problems[0];
  return first ? { problem: first } : {};
}

/** A whole list read failed: every resource of the kind from this source keeps its data, marked stale. */
function staleRead(region: AwsRegion, kind: ResourceKind, problem: SourceProblem): ListRead {
  return { source: region.source, kind, freshness: { fetchedAt: '', problem }, resources: [], complete: false };
}
