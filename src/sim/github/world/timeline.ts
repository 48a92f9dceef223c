// What a workflow run attempt looks like at a given moment, computed from its
// plan, the reviews and interruptions it received, and the time. Keeping this
// a pure function is what makes the simulator deterministic: the world stores
// decisions, never progress.
import type { CarriedJob, Environment, EnvironmentReview, JobPlan, RunAttempt } from './model';

export type JobStatus = 'queued' | 'in_progress' | 'completed' | 'waiting';
export type Conclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepView {
  name: string;
  number: number;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: Conclusion | null;
  startedAt: number | null;
  completedAt: number | null;
}

export interface GateView {
  environment: Environment;
  openedAt: number;
  review?: EnvironmentReview;
}

export interface JobView {
  plan: JobPlan;
  status: JobStatus;
  conclusion: Conclusion | null;
  createdAt: number;
  startedAt: number;
  completedAt: number | null;
  steps: StepView[];
  gate?: GateView;
}

export interface AttemptView {
  status: 'queued' | 'in_progress' | 'waiting' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  updatedAt: number;
  completedAt: number | null;
  jobs: JobView[];
}

interface Interruption {
  at: number;
  conclusion: 'cancelled' | 'failure';
}

export function evaluateAttempt(
  attempt: RunAttempt,
  environments: ReadonlyMap<string, Environment>,
  now: number,
): AttemptView {
  const interruption = interruptionOf(attempt);
  const jobs: JobView[] = [];
  let stageStart = attempt.createdAt;
  let finished = true;
  for (const [index, stage] of attempt.stages.entries()) {
    const views = stage.map((plan) => evaluateJob(plan, stageStart, attempt, environments, interruption, now));
    jobs.push(...views);
    if (views.some((v) => v.completedAt === null)) {
      finished = false;
      break;
    }
    stageStart = Math.max(stageStart, ...views.map((v) => v.completedAt ?? stageStart));
    if (views.some((v) => v.conclusion === 'failure' || v.conclusion === 'cancelled')) {
      // Jobs that needed a failed job are listed as skipped, as GitHub does.
      for (const later of attempt.stages.slice(index + 1).flat()) jobs.push(skipped(later, stageStart));
      break;
    }
  }
  const completedAt = finished ? Math.max(attempt.createdAt, ...jobs.map((j) => j.completedAt ?? 0)) : null;
  return {
    status: runStatus(jobs, finished),
    conclusion: finished ? runConclusion(jobs, interruption) : null,
    updatedAt: Math.max(attempt.createdAt, ...jobs.flatMap(eventTimes).filter((t) => t <= now)),
    completedAt,
    jobs,
  };
}

function interruptionOf(attempt: RunAttempt): Interruption | undefined {
  const { cancelledAt, failedAt } = attempt;
  if (cancelledAt !== undefined && (failedAt === undefined || cancelledAt <= failedAt))
    return { at: cancelledAt, conclusion: 'cancelled' };
  return failedAt === undefined ? undefined : { at: failedAt, conclusion: 'failure' };
}

function runStatus(jobs: JobView[], finished: boolean): AttemptView['status'] {
  if (finished) return 'completed';
  if (jobs.some((j) => j.status === 'waiting') && !jobs.some((j) => j.status === 'in_progress')) return 'waiting';
  if (jobs.some((j) => j.status !== 'queued')) return 'in_progress';
  return 'queued';
}

function runConclusion(jobs: JobView[], interruption: Interruption | undefined): AttemptView['conclusion'] {
  if (interruption?.conclusion === 'cancelled' && jobs.some((j) => j.conclusion === 'cancelled')) return 'cancelled';
  return jobs.some((j) => j.conclusion === 'failure' || j.conclusion === 'cancelled') ? 'failure' : 'success';
}

function eventTimes(job: JobView): number[] {
  const times = [job.createdAt, job.startedAt];
  if (job.completedAt !== null) times.push(job.completedAt);
  if (job.gate?.review) times.push(job.gate.review.at);
  for (const step of job.steps) {
    if (step.startedAt !== null) times.push(step.startedAt);
    if (step.completedAt !== null) times.push(step.completedAt);
  }
  return times;
}

function skipped(plan: JobPlan, at: number): JobView {
  const steps = plan.steps.map((s, i) => stepView(s.name, i, 'completed', 'skipped', null, null));
  return { plan, status: 'completed', conclusion: 'skipped', createdAt: at, startedAt: at, completedAt: at, steps };
}

function carriedView(plan: JobPlan, carried: CarriedJob): JobView {
  const steps = carried.steps.map((s, i) => stepView(s.name, i, 'completed', 'success', s.startedAt, s.completedAt));
  const { startedAt, completedAt } = carried;
  return { plan, status: 'completed', conclusion: 'success', createdAt: startedAt, startedAt, completedAt, steps };
}

function stepView(
  name: string,
  index: number,
  status: StepView['status'],
  conclusion: Conclusion | null,
  startedAt: number | null,
  completedAt: number | null,
): StepView {
  return { name, number: index + 1, status, conclusion, startedAt, completedAt };
}

function evaluateJob(
  plan: JobPlan,
  createdAt: number,
  attempt: RunAttempt,
  environments: ReadonlyMap<string, Environment>,
  interruption: Interruption | undefined,
  now: number,
): JobView {
  if (plan.carried) return carriedView(plan, plan.carried);
  const environment = plan.environment === undefined ? undefined : environments.get(plan.environment);
  const review = attempt.reviews.find((r) => r.environment === plan.environment);
  const gated = environment !== undefined && (environment.reviewers.length > 0 || environment.waitTimerMinutes > 0);
  const gate: GateView | undefined = environment && { environment, openedAt: createdAt, ...(review && { review }) };
  const base = { plan, createdAt, startedAt: createdAt, ...(gate && { gate }) };
  const ended = (at: number, conclusion: Conclusion): JobView => ({
    ...base,
    status: 'completed',
    conclusion,
    completedAt: at,
    steps: plan.steps.map((s, i) => stepView(s.name, i, 'completed', 'skipped', null, null)),
  });

  let releasedAt = createdAt;
  if (gated) {
    const timerEnd = createdAt + environment.waitTimerMinutes * 60_000;
    const decidedAt = environment.reviewers.length > 0 ? (review?.at ?? Infinity) : createdAt;
    const openUntil = Math.max(timerEnd, decidedAt);
    if (interruption && interruption.at < openUntil) return ended(interruption.at, interruption.conclusion);
    if (review?.state === 'rejected' && review.at <= now) return ended(review.at, 'failure');
    if (openUntil > now) return { ...base, status: 'waiting', conclusion: null, completedAt: null, steps: [] };
    releasedAt = openUntil;
  }

  const runnerStart = releasedAt + plan.queueMs;
  if (interruption && interruption.at < runnerStart) return ended(interruption.at, interruption.conclusion);
  const steps: StepView[] = [];
  let t = runnerStart;
  let jobEnd: number | undefined;
  let jobConclusion: Conclusion = 'success';
  for (const [i, step] of plan.steps.entries()) {
    if (jobEnd !== undefined) {
      steps.push(stepView(step.name, i, 'completed', 'skipped', null, null));
      continue;
    }
    let end = t + step.durationMs;
    let conclusion: Conclusion = i === plan.failAtStep ? 'failure' : 'success';
    if (interruption && interruption.at < end) {
      end = Math.max(t, interruption.at);
      conclusion = interruption.conclusion;
    }
    if (conclusion !== 'success' || i === plan.steps.length - 1) {
      jobEnd = end;
      jobConclusion = conclusion;
    }
    steps.push(stepAt(step.name, i, t, end, conclusion, now));
    t = end;
  }
  const completedAt = jobEnd ?? t;
  if (completedAt <= now) {
    return { ...base, startedAt: runnerStart, status: 'completed', conclusion: jobConclusion, completedAt, steps };
  }
  const status: JobStatus = runnerStart <= now ? 'in_progress' : 'queued';
  return {
    ...base,
    startedAt: status === 'in_progress' ? runnerStart : createdAt,
    status,
    conclusion: null,
    completedAt: null,
    steps,
  };
}

function stepAt(
  name: string,
  index: number,
  start: number,
  end: number,
  conclusion: Conclusion,
  now: number,
): StepView {
  if (end <= now) return stepView(name, index, 'completed', conclusion, start, end);
  if (start <= now) return stepView(name, index, 'in_progress', null, start, null);
  return stepView(name, index, 'queued', null, null, null);
}
