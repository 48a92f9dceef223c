// Approving or rejecting a run's pending deployments the way RELIABILITY
// P08-P10 and G06 ask: re-check right before sending (same attempt, still
// waiting, the user may approve each chosen environment), send only the
// environments the user chose, and after a lost answer re-read the state
// instead of sending again.
import type { GitHubPendingDeployment } from '../../../shared/github';
import { fail, ok, type ContractError, type Result } from '../../../shared/result';
import { readRun } from './actions-reads';
import type { GitHubClient } from './client';
import { commandError, reviewPendingDeployments, type ReviewRequest } from './commands';
import { readPendingDeployments } from './deployments-reads';
import type { RepoRef } from './repo-ref';

export interface EnvironmentReview extends ReviewRequest {
  /** The run attempt the user looked at; a re-run since then refuses the review (P08). */
  expectedAttempt?: number;
}

export interface ReviewOutcome {
  runId: number;
  state: ReviewRequest['state'];
  environments: string[];
  /** 'answer': GitHub confirmed; 'reread': the answer was lost and the run no longer waits there. */
  confirmedBy: 'answer' | 'reread';
}

const maxComment = 65_535;

/** Refuses what GitHub would refuse, before anything is sent. */
export function checkReview(review: EnvironmentReview): string | undefined {
  const ids = review.environmentIds;
  if (ids.length === 0) return 'Choose at least one environment to review.';
  if (ids.some((id) => !Number.isInteger(id) || id < 1)) return 'Environment ids are positive whole numbers.';
  if (new Set(ids).size !== ids.length) return 'An environment is named twice.';
  if (review.comment.length > maxComment) return `The comment is longer than ${maxComment} characters.`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(review.comment))
    return 'The comment contains control characters.';
  return undefined;
}

export async function reviewEnvironments(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
  review: EnvironmentReview,
): Promise<Result<ReviewOutcome>> {
  const invalid = checkReview(review);
  if (invalid) return fail('invalid-input', invalid);
  const resource = `${ref.fullName} run ${runId}`;
  let pending: GitHubPendingDeployment[];
  try {
    if (review.expectedAttempt !== undefined) {
      const run = (await readRun(client, ref, runId)).data;
      if (run.attempt !== review.expectedAttempt)
        return fail('stale-approval', `Run ${runId} was re-run (attempt ${run.attempt}) after you looked at it.`, {
          reason: 'superseded',
        });
    }
    pending = (await readPendingDeployments(client, ref, runId)).data;
  } catch (error) {
    return { ok: false, error: commandError(error, resource, { reason: 'not-sent' }) };
  }
  const chosen = review.environmentIds.map((id) => pending.find((p) => p.environment.id === id));
  const gone = review.environmentIds.filter((_, i) => chosen[i] === undefined);
  if (gone.length > 0)
    return fail('stale-approval', `Run ${runId} no longer waits for review in ${describe(gone, pending)}.`, {
      reason: 'not-waiting',
    });
  const names = chosen.flatMap((p) => (p ? [p.environment.name] : []));
  const refused = chosen.find((p) => p && !p.currentUserCanApprove);
  if (refused)
    return fail(
      'access-denied',
      `You are not a required reviewer for the ${refused.environment.name} environment (or it prevents reviewing a run you started); nothing was sent.`,
      { reason: 'not-sent' },
    );

  const sent = await reviewPendingDeployments(client, ref, runId, review);
  if (sent.ok) return ok({ runId, state: review.state, environments: names, confirmedBy: 'answer' });
  return reconcile(client, ref, runId, review, names, sent.error);
}

/** After a lost answer (5xx, reset, timeout): one read of what waits now decides, never a second POST (G06). */
async function reconcile(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
  review: EnvironmentReview,
  names: string[],
  error: ContractError,
): Promise<Result<ReviewOutcome>> {
  if (error.reason !== 'outcome-unknown') return { ok: false, error };
  try {
    const now = (await readPendingDeployments(client, ref, runId)).data;
    const stillWaiting = review.environmentIds.filter((id) => now.some((p) => p.environment.id === id));
    if (stillWaiting.length === 0)
      return ok({ runId, state: review.state, environments: names, confirmedBy: 'reread' });
    if (stillWaiting.length === review.environmentIds.length)
      return { ok: false, error: { ...error, reason: 'request-failed' } };
  } catch {
    // Fall through: the outcome stays unknown.
  }
  return {
    ok: false,
    error: {
      ...error,
      reason: 'outcome-unknown',
      message: `GitHub's answer was lost and the run's state could not confirm the review; check run ${runId} before reviewing again.`,
    },
  };
}

function describe(ids: number[], pending: GitHubPendingDeployment[]): string {
  const waiting = pending.map((p) => p.environment.name);
  const which = ids.length === 1 ? `environment ${ids[0]}` : `environments ${ids.join(', ')}`;
  return waiting.length === 0 ? `${which} (it waits for nothing now)` : `${which} (it waits for ${waiting.join(', ')})`;
}
