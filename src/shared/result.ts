// How every answer crosses the boundary: as data, never as a thrown Error
// (Electron keeps only `message` of errors thrown through invoke).

export const errorCodes = [
  'invalid-input',
  'unknown-message',
  'payload-too-large',
  'not-found',
  'unknown-approval',
  'stale-approval',
  'credentials-expired',
  'access-denied',
  'throttled',
  'offline',
  'conflict',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * Why an `approvals.decide` was not (or may not have been) applied. The first
 * nine come from the provider call (ApprovalFailureReason in pipelines.ts),
 * the last two from the approvals journal.
 */
export const decisionFailureReasons = [
  /** A newer execution, or a re-run of the stage, holds the action now: see `currentExecutionId`. */
  'superseded',
  /** Someone already approved or rejected it: see `decidedBy`, `decidedStatus`, `decidedSummary`. */
  'decided',
  /** Nobody answered before the action's timeout (CodePipeline's default: 7 days). */
  'expired',
  /** The execution was stopped and the action abandoned. */
  'stopped',
  /** The action exists but does not wait for a decision any more. */
  'not-waiting',
  /** PARALLEL mode: more than one waiting run of the action; Starboard refuses to pick one. */
  'ambiguous',
  /** The request may or may not have reached the provider and its state does not show it. Never resent. */
  'outcome-unknown',
  /** The comment was refused (length or control characters). */
  'invalid-summary',
  /** The provider refused the call (see `code`: access-denied with `missingPermission`, throttled…). */
  'request-failed',
  /** Starboard stopped or could not record the decision before sending it: nothing was sent. */
  'not-sent',
  /** Starboard stopped while sending and the approval still waits: nothing was applied. */
  'interrupted',
] as const;
export type DecisionFailureReason = (typeof decisionFailureReasons)[number];

export function isDecisionFailureReason(value: unknown): value is DecisionFailureReason {
  return typeof value === 'string' && (decisionFailureReasons as readonly string[]).includes(value);
}

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for `invalid-input`: a path and what is wrong there. */
  issues?: { path: string; message: string }[];
  /** The IAM action or GitHub permission that was missing, for `access-denied`. */
  missingPermission?: string;
  /** When the caller may try again (ISO 8601), for `throttled`. */
  retryAt?: string;
  /** `approvals.decide` only: why the decision was not (or may not have been) applied. */
  reason?: DecisionFailureReason;
  /** `approvals.decide`, reason `decided`: who decided instead (an IAM ARN). */
  decidedBy?: string;
  /** `approvals.decide`, reason `decided`: the comment they left. */
  decidedSummary?: string;
  /**
   * `approvals.decide`: the action's status when the decision was refused
   * (Succeeded, Failed, Abandoned…), or `{ unknown }` for a value this build does not know.
   */
  decidedStatus?: string | { unknown: string };
  /** `approvals.decide`, reason `superseded`: the execution that holds the action now. */
  currentExecutionId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  extra: Omit<ContractError, 'code' | 'message'> = {},
): {
  ok: false;
  error: ContractError;
} {
  return { ok: false, error: { code, message, ...extra } };
}
