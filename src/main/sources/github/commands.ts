// The writes a user can ask for: re-run a workflow run (all jobs or the
// failed ones), cancel it, and approve or reject its pending deployments.
// Each is one POST, never retried; GitHub's refusals become precise errors
// (a run that is not waiting any more, a user who may not review there).
import { fail, ok, type ContractError, type Result } from '../../../shared/result';
import type { GitHubClient } from './client';
import { GitHubProblemError, problemOf } from './problems';
import { routeParams, type RepoRef } from './repo-ref';
import type { WireReviewedDeployments } from './wire';

export type ReviewState = 'approved' | 'rejected';

/** Turns a caught failure into the Result's error, keeping what the UI can act on. */
export function commandError(error: unknown, resource: string, extra: Partial<ContractError> = {}): ContractError {
  const { code, message, missingPermission, retryAt } = problemOf(error, resource);
  return {
    code,
    message,
    ...(missingPermission !== undefined ? { missingPermission } : {}),
    ...(retryAt !== undefined ? { retryAt } : {}),
    ...extra,
  };
}

const said = (error: unknown): string => (error instanceof GitHubProblemError ? (error.githubMessage ?? '') : '');
const status = (error: unknown): number | undefined => (error instanceof GitHubProblemError ? error.status : undefined);

/** Re-runs every job of a completed run, or only its failed jobs (and what depends on them). */
export async function rerunWorkflowRun(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
  options: { failedOnly: boolean },
): Promise<Result<{ runId: number }>> {
  const route = options.failedOnly
    ? 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs'
    : 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun';
  const resource = `${ref.fullName} run ${runId}`;
  try {
    await client.write(route, { ...routeParams(ref), run_id: runId }, resource);
    return ok({ runId });
  } catch (error) {
    // GitHub answers 403 for a run that cannot be re-run now; that is about the run, not the token.
    if (status(error) === 403 && /not completed/i.test(said(error)))
      return fail('conflict', `Run ${runId} has not completed yet; re-run it once it has finished.`);
    if (status(error) === 403 && /no failed jobs/i.test(said(error)))
      return fail('conflict', `Run ${runId} has no failed jobs to re-run.`);
    return { ok: false, error: commandError(error, resource) };
  }
}

export async function cancelWorkflowRun(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
): Promise<Result<{ runId: number }>> {
  const resource = `${ref.fullName} run ${runId}`;
  try {
    await client.write(
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
      { ...routeParams(ref), run_id: runId },
      resource,
    );
    return ok({ runId });
  } catch (error) {
    if (status(error) === 409)
      return fail('conflict', `Run ${runId} has already completed; there is nothing to cancel.`);
    return { ok: false, error: commandError(error, resource) };
  }
}

export interface ReviewRequest {
  environmentIds: number[];
  state: ReviewState;
  comment: string;
}

/**
 * POSTs a review of the named environments' pending deployments. A 422
 * means none of them waits any more; a 403 naming an environment means the
 * user may not review there (not a required reviewer, or a self-review the
 * environment prevents).
 */
export async function reviewPendingDeployments(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
  request: ReviewRequest,
): Promise<Result<{ deploymentIds: number[] }>> {
  const resource = `${ref.fullName} run ${runId}`;
  try {
    const answer = (await client.write(
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
      {
        ...routeParams(ref),
        run_id: runId,
        environment_ids: request.environmentIds,
        state: request.state,
        comment: request.comment,
      },
      resource,
    )) as WireReviewedDeployments | undefined;
    return ok({ deploymentIds: Array.isArray(answer) ? answer.map((d) => d.id) : [] });
  } catch (error) {
    return { ok: false, error: reviewError(error, resource, runId) };
  }
}

function reviewError(error: unknown, resource: string, runId: number): ContractError {
  const message = said(error);
  if (error instanceof GitHubProblemError && !error.sent) return commandError(error, resource, { reason: 'not-sent' });
  // Sent, and no answer came back (5xx, reset, timeout): the review may or may not have been applied.
  if (error instanceof GitHubProblemError && error.sent && (error.status === undefined || error.status >= 500))
    return commandError(error, resource, { reason: 'outcome-unknown' });
  if (status(error) === 422 && /no pending deployment/i.test(message)) {
    return {
      code: 'stale-approval',
      reason: 'not-waiting',
      message: `Run ${runId} is no longer waiting for review in the chosen environments; someone may have reviewed it already.`,
    };
  }
  const environment = /review deployments to the '([^']+)' environment/i.exec(message)?.[1];
  if (status(error) === 403 && environment !== undefined) {
    return {
      code: 'access-denied',
      reason: 'request-failed',
      message: `You are not a required reviewer for the ${environment} environment (or it prevents reviewing a run you started), so GitHub refused the review.`,
    };
  }
  return commandError(error, resource, { reason: 'request-failed' });
}
