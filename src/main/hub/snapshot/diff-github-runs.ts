// GitHub Actions events of a watched repository: a run that completed (failed,
// or succeeded, or fixed when the workflow's previous verdict on the same
// branch had failed; a fixed run is not also reported as succeeded), and a
// run newly waiting for a reviewer of an environment. Cancelled and skipped
// runs neither fail nor fix a workflow. `prior` is undefined on a cold start.
import type { ChangeEvent, WorkflowRunEventData } from '../../../shared/events';
import type {
  GitHubPendingDeployment,
  GitHubRepositoryRead,
  GitHubWaitingRun,
  GitHubWorkflowRun,
} from '../../../shared/github';
import type { SnapshotResource } from '../../../shared/snapshot';
import { timeOf } from './bounds';
import { changeEvent, compareIds, isNewerThanKnown, oneLine } from './diff-support';

type GitHubResource = SnapshotResource<'github-repository'>;

const failedConclusions: ReadonlySet<string> = new Set(['failure', 'timed_out', 'startup_failure']);
const isCompleted = (run: GitHubWorkflowRun) => run.status === 'completed';
const isFailed = (run: GitHubWorkflowRun) =>
  isCompleted(run) && run.conclusion !== undefined && failedConclusions.has(run.conclusion);
const isSucceeded = (run: GitHubWorkflowRun) => isCompleted(run) && run.conclusion === 'success';
/** The runs that say whether a workflow is broken on a branch. */
const isVerdict = (run: GitHubWorkflowRun) => isFailed(run) || isSucceeded(run);
/** "Fixed" compares runs of one workflow on one branch. */
const laneOf = (run: GitHubWorkflowRun) => `${run.workflowId}:${run.branch ?? ''}`;
/** Run ids grow with time: they order runs created in the same second. */
const oldestFirst = (a: GitHubWorkflowRun, b: GitHubWorkflowRun) =>
  timeOf(a.createdAt) - timeOf(b.createdAt) || a.id - b.id;

/**
 * Runs that completed since the previous read. A cold start reports, per
 * workflow, a latest verdict on the default branch that failed: other
 * branches' failures are their authors' work in progress, not the state of
 * the repository.
 */
export function runEvents(resource: GitHubResource, prior: GitHubRepositoryRead | undefined): ChangeEvent[] {
  const { runs } = resource.data;
  if (!prior) return coldRuns(resource);
  const known = new Map(prior.runs.map((r) => [r.id, r]));
  const knownStarts = prior.runs.map((r) => r.createdAt);
  // Each lane's history as far as either read remembers it, oldest first, for "fixed".
  const history = [...prior.runs.filter((r) => !runs.some((n) => n.id === r.id)), ...runs].sort(oldestFirst);
  const events: ChangeEvent[] = [];
  for (const run of [...runs].sort(oldestFirst)) {
    if (!isVerdict(run)) continue;
    const was = known.get(run.id);
    // A re-run keeps the run's id with the next attempt: its end is news again.
    if (was && isCompleted(was) && was.attempt === run.attempt) continue;
    if (!was && !isNewerThanKnown(run.createdAt, knownStarts)) continue;
    events.push(runEvent(resource, run, 'change', isSucceeded(run) ? failuresBefore(history, run, was) : 0));
  }
  return events;
}

function coldRuns(resource: GitHubResource): ChangeEvent[] {
  const branch = resource.data.repository?.defaultBranch;
  if (branch === undefined) return [];
  const latest = new Map<number, GitHubWorkflowRun>();
  for (const run of [...resource.data.runs].sort(oldestFirst)) {
    if (run.branch === branch && isVerdict(run)) latest.set(run.workflowId, run);
  }
  return [...latest.values()]
    .filter(isFailed)
    .sort(oldestFirst)
    .map((run) => runEvent(resource, run, 'current-state', 0));
}

/** Failed verdicts right before this run in its lane (its own earlier attempt last); 0 after a success. */
function failuresBefore(history: GitHubWorkflowRun[], run: GitHubWorkflowRun, was?: GitHubWorkflowRun): number {
  const lane = laneOf(run);
  const verdicts = history.slice(0, history.indexOf(run)).filter((r) => laneOf(r) === lane && isVerdict(r));
  if (was && was.attempt < run.attempt && isVerdict(was)) verdicts.push(was);
  let count = 0;
  for (const r of verdicts.reverse()) {
    if (!isFailed(r)) break;
    count += 1;
  }
  return count;
}

function runEvent(
  resource: GitHubResource,
  run: GitHubWorkflowRun,
  origin: ChangeEvent['origin'],
  failedBefore: number,
): ChangeEvent {
  const { accountKey, fullName } = resource.data;
  const data: WorkflowRunEventData = {
    accountKey,
    fullName,
    consoleUrl: run.htmlUrl,
    workflow: run.name,
    workflowId: run.workflowId,
    runId: run.id,
    runNumber: run.runNumber,
    runAttempt: run.attempt,
    title: run.title,
    conclusion: run.conclusion ?? 'unknown',
    branch: run.branch,
    headSha: run.headSha,
    event: run.event,
    actor: run.triggeringActor ?? run.actor,
  };
  const workflow = oneLine(run.name, 60);
  const name = `${workflow} #${run.runNumber}${run.attempt > 1 ? ` (attempt ${run.attempt})` : ''}`;
  const where = `${run.branch ? ` on ${run.branch}` : ''} in ${fullName}`;
  const common = {
    idParts: [resource.id, String(run.id), String(run.attempt)],
    resourceId: resource.id,
    origin,
    at: run.updatedAt,
  };
  if (isFailed(run)) {
    const how = run.conclusion === 'failure' ? 'failed' : `failed (${data.conclusion})`;
    const summary =
      origin === 'current-state'
        ? `Workflow ${workflow} is failing${where}: run #${run.runNumber} ${how}`
        : `Workflow ${name} ${how}${where}: ${oneLine(run.title, 80)}`;
    return changeEvent({ kind: 'workflow.run.failed', ...common, summary, data });
  }
  if (failedBefore > 0) {
    const runs = `${failedBefore} failed run${failedBefore > 1 ? 's' : ''}`;
    const summary = `Workflow ${name} fixed${where} after ${runs}`;
    return changeEvent({ kind: 'workflow.run.fixed', ...common, summary, data: { ...data, failedBefore } });
  }
  return changeEvent({
    kind: 'workflow.run.succeeded',
    ...common,
    summary: `Workflow ${name} succeeded${where}`,
    data,
  });
}

/** The environments a run waits on for a reviewer; a wait timer alone asks nobody. */
function forReview(waiting: GitHubWaitingRun): GitHubPendingDeployment[] {
  return waiting.pending.filter((p) => p.reviewers.length > 0);
}

/**
 * Runs newly waiting for review in an environment. A run waiting on a cold
 * start is current state. One run can wait again in the same attempt (staging
 * approved, then production): the environments newly waiting name the event.
 * A run whose pending deployments were not read yet waits for them.
 */
export function waitingEvents(
  resource: GitHubResource,
  prior: GitHubRepositoryRead | undefined,
  cap: number,
): ChangeEvent[] {
  const waiting = [...resource.data.waiting].sort((a, b) => oldestFirst(a.run, b.run));
  if (!prior) return waiting.flatMap((w) => waitingEvent(resource, w, forReview(w), 'current-state'));
  const known = new Map(prior.waiting.map((w) => [w.run.id, w]));
  // The list is capped: when it was full, a run older than every one it held was only cut off before.
  const full = prior.waiting.length > 0 && prior.waiting.length >= cap;
  const oldestKnown = Math.min(...prior.waiting.map((w) => timeOf(w.run.createdAt)));
  return waiting.flatMap((w) => {
    const was = known.get(w.run.id);
    if (!was && full && timeOf(w.run.createdAt) < oldestKnown) return [];
    const before = new Set(was?.run.attempt === w.run.attempt ? forReview(was).map((p) => p.environment.name) : []);
    return waitingEvent(
      resource,
      w,
      forReview(w).filter((p) => !before.has(p.environment.name)),
      'change',
    );
  });
}

function waitingEvent(
  resource: GitHubResource,
  waiting: GitHubWaitingRun,
  fresh: GitHubPendingDeployment[],
  origin: ChangeEvent['origin'],
): ChangeEvent[] {
  if (fresh.length === 0) return [];
  const { accountKey, fullName } = resource.data;
  const { run } = waiting;
  const all = forReview(waiting);
  const names = (list: GitHubPendingDeployment[]) => list.map((p) => p.environment.name).sort(compareIds);
  const since = fresh.flatMap((p) => (p.waitStartedAt ? [p.waitStartedAt] : [])).sort(compareIds)[0];
  const environments = names(all);
  return [
    changeEvent({
      kind: 'workflow.run.waiting',
      idParts: [resource.id, String(run.id), String(run.attempt), names(fresh).join(',')],
      resourceId: resource.id,
      origin,
      at: since ?? run.updatedAt,
      summary: `${oneLine(run.name, 60)} #${run.runNumber} in ${fullName} waits for review to deploy to ${environments.join(', ')}`,
      data: {
        accountKey,
        fullName,
        consoleUrl: run.htmlUrl,
        workflow: run.name,
        runId: run.id,
        runNumber: run.runNumber,
        runAttempt: run.attempt,
        title: run.title,
        environments,
        approvable: names(all.filter((p) => p.currentUserCanApprove)),
        branch: run.branch,
        headSha: run.headSha,
        actor: run.triggeringActor ?? run.actor,
        waitingSince: since,
      },
    }),
  ];
}
