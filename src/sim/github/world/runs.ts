// Everything that changes a workflow run: starting one, re-running it, a
// cancel, an environment review, a forced failure. Each change records a
// decision with the current time; timeline.ts turns decisions into state.
import type { JobPlan, Repository, RunAttempt, SimUser, StepPlan, WorkflowRun } from './model';
import { latestAttempt } from './model';
import type { World } from './world';

/** A job before ids are assigned: what a workflow file describes. */
export interface JobTemplate {
  name: string;
  environment?: string;
  queueMs: number;
  steps: StepPlan[];
  failAtStep?: number;
}

export interface StartRunInput {
  workflowId: number;
  event: WorkflowRun['event'];
  headBranch: string;
  headSha: string;
  actor: SimUser;
  createdAt: number;
  stages: JobTemplate[][];
  pullNumbers?: number[];
}

export function startRun(world: World, repo: Repository, input: StartRunInput): WorkflowRun {
  const sameWorkflow = repo.runs.filter((r) => r.workflowId === input.workflowId);
  const run: WorkflowRun = {
    id: world.ids.next('run'),
    workflowId: input.workflowId,
    runNumber: sameWorkflow.length + 1,
    event: input.event,
    headBranch: input.headBranch,
    headSha: input.headSha,
    pullNumbers: input.pullNumbers ?? [],
    createdAt: input.createdAt,
    attempts: [],
  };
  run.attempts.push(newAttempt(world, 1, input.actor, input.createdAt, input.stages));
  repo.runs.push(run);
  return run;
}

function newAttempt(
  world: World,
  number: number,
  actor: SimUser,
  createdAt: number,
  stages: (JobTemplate & Pick<JobPlan, 'carried'>)[][],
): RunAttempt {
  const planned = stages.map((stage) =>
    stage.map((t): JobPlan => {
      const plan: JobPlan = { ...t, id: world.ids.next('job') };
      if (t.environment !== undefined && !t.carried) plan.deploymentId = world.ids.next('deployment');
      return plan;
    }),
  );
  return { number, actor, createdAt, stages: planned, reviews: [] };
}

export type RerunOutcome = 'rerun' | 'not-completed' | 'nothing-failed';

/** Re-runs all jobs, or only failed ones; the new attempt's jobs pass (a flaky failure that a re-run fixes). */
export function rerun(
  world: World,
  repo: Repository,
  run: WorkflowRun,
  actor: SimUser,
  failedOnly: boolean,
): RerunOutcome {
  const now = world.now();
  const view = world.view(repo, run, now);
  if (view.status !== 'completed') return 'not-completed';
  if (failedOnly && view.conclusion === 'success') return 'nothing-failed';
  const byId = new Map(view.jobs.map((j) => [j.plan.id, j]));
  const stages = latestAttempt(run).stages.map((stage) =>
    stage.map((plan) => {
      const previous = byId.get(plan.id);
      const template: JobTemplate & Pick<JobPlan, 'carried'> = {
        name: plan.name,
        queueMs: plan.queueMs,
        steps: plan.steps,
        ...(plan.environment !== undefined && { environment: plan.environment }),
      };
      if (failedOnly && previous?.conclusion === 'success' && previous.completedAt !== null) {
        template.carried = plan.carried ?? {
          startedAt: previous.startedAt,
          completedAt: previous.completedAt,
          steps: previous.steps.map((s) => ({
            name: s.name,
            startedAt: s.startedAt ?? previous.startedAt,
            completedAt: s.completedAt ?? previous.completedAt ?? previous.startedAt,
          })),
        };
      }
      return template;
    }),
  );
  run.attempts.push(newAttempt(world, run.attempts.length + 1, actor, now, stages));
  return 'rerun';
}

/** Cancels a run that has not completed; false when there is nothing to cancel (GitHub answers 409). */
export function cancel(world: World, repo: Repository, run: WorkflowRun): boolean {
  const now = world.now();
  if (world.view(repo, run, now).status === 'completed') return false;
  latestAttempt(run).cancelledAt = now;
  return true;
}

/** Makes whatever is running now fail (a control-object action for tests and the demo). */
export function failNow(world: World, repo: Repository, run: WorkflowRun): boolean {
  const now = world.now();
  if (world.view(repo, run, now).status === 'completed') return false;
  latestAttempt(run).failedAt = now;
  return true;
}

export type ReviewOutcome =
  | { kind: 'reviewed'; deploymentIds: number[] }
  | { kind: 'not-pending' }
  | { kind: 'not-a-reviewer'; environment: string };

/**
 * Approves or rejects the named environments of a waiting run. Every id must
 * name an environment the run waits for right now, and the viewer must be
 * allowed to review each of them; otherwise nothing is recorded.
 */
export function review(
  world: World,
  repo: Repository,
  run: WorkflowRun,
  viewer: SimUser,
  environmentIds: readonly number[],
  state: 'approved' | 'rejected',
  comment: string,
): ReviewOutcome {
  const now = world.now();
  const attempt = latestAttempt(run);
  const waiting = world.view(repo, run, now).jobs.filter((j) => j.status === 'waiting' && j.gate);
  const chosen = environmentIds.map((id) => waiting.filter((j) => j.gate?.environment.id === id));
  if (chosen.some((jobs) => jobs.length === 0)) return { kind: 'not-pending' };
  const jobs = chosen.flat();
  for (const job of jobs) {
    if (job.gate && !canApprove(viewer, attempt, job.gate.environment))
      return { kind: 'not-a-reviewer', environment: job.gate.environment.name };
  }
  for (const job of jobs) {
    if (!job.gate) continue;
    attempt.reviews.push({ environment: job.gate.environment.name, state, user: viewer, comment, at: now });
  }
  return {
    kind: 'reviewed',
    deploymentIds: jobs.flatMap((j) => (j.plan.deploymentId === undefined ? [] : [j.plan.deploymentId])),
  };
}

/** A required reviewer may approve, unless the environment prevents self-review and they triggered the run. */
export function canApprove(
  viewer: SimUser,
  attempt: RunAttempt,
  environment: { reviewers: SimUser[]; preventSelfReview: boolean },
): boolean {
  if (!environment.reviewers.some((r) => r.login === viewer.login)) return false;
  return !(environment.preventSelfReview && attempt.actor.login === viewer.login);
}

/**
 * Records a review for every gate the run reaches, `delayMs` after it opens,
 * so a scenario's historical runs finish the way they did on GitHub.
 */
export function reviewEveryGate(
  world: World,
  repo: Repository,
  run: WorkflowRun,
  reviewer: SimUser,
  delayMs: number,
  state: 'approved' | 'rejected' = 'approved',
): void {
  const attempt = latestAttempt(run);
  for (;;) {
    const gate = world
      .view(repo, run, Number.MAX_SAFE_INTEGER)
      .jobs.find((j) => j.status === 'waiting' && j.gate?.environment.reviewers.length)?.gate;
    if (!gate) return;
    const comment = state === 'approved' ? 'Looks good, shipping.' : 'Not today.';
    attempt.reviews.push({
      environment: gate.environment.name,
      state,
      user: reviewer,
      comment,
      at: gate.openedAt + delayMs,
    });
  }
}
