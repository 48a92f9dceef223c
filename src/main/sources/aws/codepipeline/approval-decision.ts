// Approve or reject one manual approval exactly once (RELIABILITY
// "Approvals: exactly once, never stale"): re-read right before sending,
// send once with the no-retry client, and after any failure read the state
// again and report what is true. Nothing here ever resends.
import { type CodePipelineClient, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { approvalCommentSchema } from '../../../../shared/model';
import {
  type ApprovalDecision,
  type ApprovalFailureReason,
  type ApprovalOutcome,
  type ApprovalProblem,
  type ApprovalRef,
  actionStatuses,
} from '../../../../shared/pipelines';
import type { ErrorCode } from '../../../../shared/result';
import type { SourceProblem } from '../../../../shared/sources';
import { awsProblem } from '../problems';
import { type Observation, observeApproval } from './approval-observe';
import { enumValue } from './mapping-context';

export interface ApprovalRequest {
  ref: ApprovalRef;
  decision: ApprovalDecision;
  summary: string;
  /** The caller identity ARN (STS GetCallerIdentity): how our own decision is recognised in the state. */
  callerArn: string;
  /** The pipeline runs in PARALLEL mode: the token comes from ListActionExecutions (P05). */
  parallel: boolean;
  /** The token this approval had when the user saw it, if main read one. */
  seenToken?: string;
}

export interface ApprovalClients {
  read: CodePipelineClient;
  /** maxAttempts 1: PutApprovalResult is never replayed by the SDK (P04). */
  write: CodePipelineClient;
}

const problem = (
  code: ErrorCode,
  reason: ApprovalFailureReason,
  message: string,
  extra: Partial<ApprovalProblem> = {},
) => ({ ok: false, error: { code, reason, message, ...extra } }) as const;

export async function decideApproval(clients: ApprovalClients, request: ApprovalRequest): Promise<ApprovalOutcome> {
  const { ref, decision, summary } = request;
  const valid = approvalCommentSchema.safeParse(summary);
  if (!valid.success) {
    return problem('invalid-input', 'invalid-summary', 'The comment must be at most 512 printable characters.', {
      issues: [{ path: 'summary', message: valid.error.issues[0]?.message ?? 'invalid' }],
    });
  }
  const before = await observeApproval(clients.read, ref, request.parallel);
  if (!before.ok) return readFailed(before.error, 'Could not check the approval before sending it; nothing was sent.');
  if (before.value.kind !== 'waiting') return stale(before.value, request);
  if (request.seenToken !== undefined && before.value.token !== request.seenToken) {
    return stale({ kind: 'superseded', currentExecutionId: ref.pipelineExecutionId }, request);
  }

  try {
    const out = await clients.write.send(
      new PutApprovalResultCommand({
        pipelineName: ref.pipeline,
        stageName: ref.stage,
        actionName: ref.action,
        token: before.value.token,
        result: { status: decision === 'approve' ? 'Approved' : 'Rejected', summary },
      }),
    );
    return { ok: true, value: { decision, decidedAt: out.approvedAt?.toISOString(), reconciled: false } };
  } catch (error) {
    return afterFailure(clients, request, error);
  }
}

/** Reads the state after PutApprovalResult failed and says what is true now. */
async function afterFailure(
  clients: ApprovalClients,
  request: ApprovalRequest,
  error: unknown,
): Promise<ApprovalOutcome> {
  const name = errorName(error);
  const sent = awsProblem(error, 'codepipeline:PutApprovalResult', request.ref.pipeline);
  const after = await observeApproval(clients.read, request.ref, request.parallel);
  if (name === 'ApprovalAlreadyCompletedException' || name === 'InvalidApprovalTokenException') {
    // AWS refused the token: the state says why (someone decided, it expired, a newer run holds it).
    if (!after.ok || after.value.kind === 'waiting') {
      return problem(
        'stale-approval',
        'superseded',
        'This approval changed before the decision arrived; nothing was approved.',
      );
    }
    return stale(after.value, request);
  }
  if (!ambiguous(error)) {
    // AWS answered with a client error: the request was refused, nothing happened.
    return problem(sent.code, 'request-failed', sent.message, definedOnly(sent));
  }
  if (after.ok && ours(after.value, request)) {
    return { ok: true, value: { decision: request.decision, reconciled: true } };
  }
  if (after.ok && after.value.kind !== 'waiting') return stale(after.value, request);
  return problem(
    sent.code,
    'outcome-unknown',
    'The decision may not have reached AWS and the pipeline does not show it. It was not sent again; decide again if it is still waiting.',
    definedOnly(sent),
  );
}

/** The state shows our decision on the reviewed execution: we sent it and the answer was lost. */
function ours(observed: Observation, request: ApprovalRequest): boolean {
  if (observed.kind !== 'done' || observed.by !== request.callerArn) return false;
  return observed.status === (request.decision === 'approve' ? 'Succeeded' : 'Failed');
}

/** Explains, from an observation, why the approval can no longer be answered. */
function stale(observed: Exclude<Observation, { kind: 'waiting' }>, request: ApprovalRequest): ApprovalOutcome {
  switch (observed.kind) {
    case 'superseded':
      return problem(
        'stale-approval',
        'superseded',
        'This approval changed: a newer execution (or a re-run of the stage) replaced it. Nothing was sent.',
        observed.currentExecutionId ? { currentExecutionId: observed.currentExecutionId } : {},
      );
    case 'missing':
      return problem('not-found', 'not-waiting', 'The pipeline no longer has this approval action. Nothing was sent.');
    case 'ambiguous':
      return problem(
        'conflict',
        'ambiguous',
        'More than one run of this approval is waiting in the execution; Starboard cannot tell which one you reviewed.',
      );
    case 'done':
      return done(observed, request);
  }
}

function done(observed: Extract<Observation, { kind: 'done' }>, request: ApprovalRequest): ApprovalOutcome {
  const decidedStatus = enumValue({}, actionStatuses, 'actionStatus', observed.status);
  if (observed.status === 'Abandoned') {
    return problem('stale-approval', 'stopped', 'The execution was stopped; this approval no longer waits.', {
      decidedStatus,
    });
  }
  if (observed.by !== undefined && (observed.status === 'Succeeded' || observed.status === 'Failed')) {
    const verb = observed.status === 'Succeeded' ? 'approved' : 'rejected';
    const who = observed.by === request.callerArn ? 'you' : observed.by;
    return problem('conflict', 'decided', `This approval was already ${verb} by ${who}.`, {
      decidedBy: observed.by,
      decidedStatus,
      ...(observed.summary !== undefined ? { decidedSummary: observed.summary } : {}),
    });
  }
  if (observed.status === 'Failed') {
    return problem('stale-approval', 'expired', 'This approval expired: nobody answered before its timeout.', {
      decidedStatus,
    });
  }
  return problem('stale-approval', 'not-waiting', 'This approval is no longer waiting for a decision.', {
    decidedStatus,
  });
}

function readFailed(error: SourceProblem, message: string): ApprovalOutcome {
  return problem(error.code, 'request-failed', `${message} ${error.message}`, definedOnly(error));
}

function definedOnly(p: SourceProblem): Partial<ApprovalProblem> {
  return {
    ...(p.missingPermission !== undefined ? { missingPermission: p.missingPermission } : {}),
    ...(p.retryAt !== undefined ? { retryAt: p.retryAt } : {}),
  };
}

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';

/**
 * Did the request possibly reach AWS? A 4xx answer means it was refused; no
 * answer (reset, timeout) or a 5xx means it may have been applied.
 */
function ambiguous(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}
