// Deployments are not stored: each job that targets an environment is one,
// and its statuses follow the job (queued at the gate, in_progress when a
// runner takes it, then success/failure/error, and inactive once a newer
// deployment to the same environment succeeds), as Actions reports them.
import type { Repository, SimUser, WorkflowRun } from './model';
import { evaluateAttempt, type JobView } from './timeline';
import type { World } from './world';

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';

export interface DeploymentStatusView {
  id: number;
  state: DeploymentState;
  description: string;
  createdAt: number;
}

export interface DeploymentView {
  id: number;
  environment: string;
  sha: string;
  ref: string;
  creator: SimUser;
  createdAt: number;
  run: WorkflowRun;
  /** Oldest first. */
  statuses: DeploymentStatusView[];
}

/** Every deployment of the repository at `now`, newest first. */
export function deploymentsOf(world: World, repo: Repository, now = world.now()): DeploymentView[] {
  const environments = world.environmentsOf(repo);
  const out: DeploymentView[] = [];
  for (const run of world.visibleRuns(repo, now)) {
    for (const attempt of run.attempts) {
      if (attempt.createdAt > now) continue;
      for (const job of evaluateAttempt(attempt, environments, now).jobs) {
        const { deploymentId, environment } = job.plan;
        if (deploymentId === undefined || environment === undefined || !job.gate) continue;
        out.push({
          id: deploymentId,
          environment,
          sha: run.headSha,
          ref: run.headBranch,
          creator: attempt.actor,
          createdAt: job.createdAt,
          run,
          statuses: statusesOf(deploymentId, job),
        });
      }
    }
  }
  markSuperseded(out, now);
  return out.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

function statusesOf(deploymentId: number, job: JobView): DeploymentStatusView[] {
  const statuses: DeploymentStatusView[] = [];
  const add = (state: DeploymentState, createdAt: number, description: string): void => {
    statuses.push({ id: deploymentId * 8 + statuses.length, state, createdAt, description });
  };
  add('queued', job.createdAt, job.gate?.environment.reviewers.length ? 'Waiting for review' : 'Queued');
  const ranSteps = job.steps.some((s) => s.startedAt !== null);
  if (ranSteps) add('in_progress', job.startedAt, 'Deploying');
  if (job.completedAt === null) return statuses;
  if (job.conclusion === 'success') add('success', job.completedAt, 'Deployed');
  else if (job.conclusion === 'cancelled') add('error', job.completedAt, 'Deployment cancelled');
  else if (job.gate?.review?.state === 'rejected' && !ranSteps) add('failure', job.completedAt, 'Deployment rejected');
  else add('failure', job.completedAt, 'Deployment failed');
  return statuses;
}

/** A successful deployment becomes inactive when a newer one to the same environment succeeds. */
function markSuperseded(deployments: DeploymentView[], now: number): void {
  const successAt = (d: DeploymentView): number | undefined => d.statuses.find((s) => s.state === 'success')?.createdAt;
  const byEnvironment = new Map<string, DeploymentView[]>();
  for (const d of deployments) byEnvironment.set(d.environment, [...(byEnvironment.get(d.environment) ?? []), d]);
  for (const list of byEnvironment.values()) {
    const succeeded = list
      .filter((d) => successAt(d) !== undefined)
      .sort((a, b) => (successAt(a) ?? 0) - (successAt(b) ?? 0));
    for (const [i, d] of succeeded.entries()) {
      const next = succeeded[i + 1];
      const at = next && successAt(next);
      if (at !== undefined && at <= now)
        d.statuses.push({
          id: d.id * 8 + d.statuses.length,
          state: 'inactive',
          description: 'Superseded',
          createdAt: at,
        });
    }
  }
}
