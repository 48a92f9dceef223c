// Actions workflows, runs, jobs and steps from GitHub's answers to the
// shared model: statuses checked against the known values, timings as ISO
// text and durations.
import {
  runConclusions,
  runStatuses,
  type GitHubJob,
  type GitHubStep,
  type GitHubWorkflow,
  type GitHubWorkflowRun,
} from '../../../shared/github';
import { plainLabel } from '../../../shared/plain-text';
import type { WireJob, WireRun, WireWorkflow } from './wire';
import { durationMs, firstLine, known, loginOf, optional } from './wire-values';

export function toWorkflow(workflow: WireWorkflow): GitHubWorkflow {
  return {
    id: workflow.id,
    name: plainLabel(workflow.name),
    path: workflow.path,
    state: workflow.state,
    htmlUrl: workflow.html_url,
  };
}

function statusFields(
  status: string | null | undefined,
  conclusion: string | null | undefined,
): Pick<GitHubWorkflowRun, 'status' | 'rawStatus' | 'conclusion' | 'rawConclusion'> {
  const s = known(runStatuses, status) ?? { value: 'unknown' as const, raw: '' };
  const c = known(runConclusions, conclusion);
  return {
    status: s.value,
    ...optional('rawStatus', s.raw),
    ...(c ? { conclusion: c.value, ...optional('rawConclusion', c.raw) } : {}),
  };
}

export function toRun(run: WireRun): GitHubWorkflowRun {
  const startedAt = run.run_started_at ?? run.created_at;
  return {
    id: run.id,
    name: plainLabel(run.name ?? run.path),
    workflowId: run.workflow_id,
    runNumber: run.run_number,
    attempt: run.run_attempt ?? 1,
    // One plain line: a commit message may carry terminal escapes and a body.
    title: plainLabel(firstLine(run.display_title || run.head_commit?.message)),
    ...statusFields(run.status, run.conclusion),
    ...optional('branch', run.head_branch),
    headSha: run.head_sha,
    event: run.event,
    ...optional('actor', loginOf(run.actor)),
    ...optional('triggeringActor', loginOf(run.triggering_actor)),
    createdAt: run.created_at,
    startedAt,
    updatedAt: run.updated_at,
    ...optional('durationMs', run.status === 'completed' ? durationMs(startedAt, run.updated_at) : undefined),
    pullRequests: (run.pull_requests ?? []).map((p) => p.number),
    htmlUrl: run.html_url,
  };
}

export function toJob(job: WireJob): GitHubJob {
  const steps: GitHubStep[] = (job.steps ?? []).map((step) => {
    const fields = statusFields(step.status, step.conclusion);
    return {
      number: step.number,
      name: plainLabel(step.name),
      status: fields.status,
      ...optional('conclusion', fields.conclusion),
      ...optional('startedAt', step.started_at),
      ...optional('completedAt', step.completed_at),
      ...optional('durationMs', durationMs(step.started_at, step.completed_at)),
    };
  });
  return {
    id: job.id,
    runId: job.run_id,
    attempt: job.run_attempt ?? 1,
    name: plainLabel(job.name),
    ...statusFields(job.status, job.conclusion),
    ...optional('startedAt', job.started_at),
    ...optional('completedAt', job.completed_at),
    ...optional('durationMs', durationMs(job.started_at, job.completed_at)),
    ...optional('runnerName', job.runner_name),
    steps,
    htmlUrl: job.html_url ?? '',
  };
}

/** What identifies a run's visible state: when any of it moves, the run changed. */
export function runFingerprint(run: GitHubWorkflowRun): string {
  return `${run.id}:${run.attempt}:${run.status}:${run.conclusion ?? ''}:${run.updatedAt}`;
}
