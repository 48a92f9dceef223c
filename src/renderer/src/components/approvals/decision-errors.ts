// What to tell the user when approvals.decide did not apply their decision,
// from the error's reason and details (ContractError in shared/result.ts),
// and whether sending again makes sense. Pure: tested in Node.
import type { ContractError } from '../../../../shared/result';
import { formatDuration, principalLabel, shortRevision } from './approval-text';

export interface DecisionErrorText {
  message: string;
  /** The truth is only in the AWS console: show its link next to the message. */
  checkConsole: boolean;
}

/**
 * same-request: the answer was lost on the way (the window could not reach
 * main); resending the same requestId is safe, main replays or runs it once.
 * new-request: main recorded that nothing was applied and the approval may
 * still wait; a new decision is a new request. none: there is nothing to send.
 */
export type RetryKind = 'same-request' | 'new-request' | 'none';

const nothingApplied = 'Nothing was applied.';

function decidedStatusVerb(status: ContractError['decidedStatus']): string {
  if (status === 'Succeeded') return 'approved';
  if (status === 'Failed') return 'rejected';
  return 'decided';
}

/** Calls AWS refused (or main could not make): explained by their code. */
function byCode(error: ContractError, now: Date): string {
  switch (error.code) {
    case 'access-denied':
      return `Access denied: your AWS identity lacks the IAM permission ${
        error.missingPermission ?? 'codepipeline:PutApprovalResult'
      } on this pipeline. ${nothingApplied}`;
    case 'throttled': {
      const wait = error.retryAt ? Date.parse(error.retryAt) - now.getTime() : Number.NaN;
      const when = Number.isNaN(wait) || wait <= 0 ? 'in a moment' : `in ${formatDuration(wait)}`;
      return `AWS is throttling requests. ${nothingApplied} Try again ${when}.`;
    }
    case 'credentials-expired':
      return `Your AWS sign-in for this account has expired. Sign in again on the Accounts page, then decide again. ${nothingApplied}`;
    case 'offline':
      return `AWS could not be reached. ${nothingApplied} Decide again when the network is back.`;
    default:
      return error.message;
  }
}

/** The sentence to show for a failed decision: who decided, which execution, what to check. */
export function decisionErrorText(
  error: ContractError,
  now: Date = new Date(),
  provider: 'aws' | 'github' = 'aws',
): DecisionErrorText {
  const text = (message: string, checkConsole = false): DecisionErrorText => ({ message, checkConsole });
  // Main words GitHub's refusals itself (which environment, which attempt); only the lost id is said here.
  if (provider === 'github' && error.reason !== undefined)
    return text(error.message, error.reason === 'outcome-unknown');
  switch (error.reason) {
    case 'decided': {
      const verb = decidedStatusVerb(error.decidedStatus);
      const who = error.decidedBy ? ` by ${principalLabel(error.decidedBy)}` : ' elsewhere';
      const said = error.decidedSummary ? ` Their comment: “${error.decidedSummary}”.` : '';
      return text(`This approval was already ${verb}${who}.${said} Your decision was not sent.`);
    }
    case 'superseded':
      return text(
        error.currentExecutionId
          ? `This approval was superseded by execution ${shortRevision(error.currentExecutionId)}. Nothing was sent; review the new request before deciding.`
          : 'A newer execution (or a re-run of the stage) replaced this approval. Nothing was sent.',
      );
    case 'expired':
      return text('This approval expired: nobody answered before its timeout. Nothing was sent.');
    case 'stopped':
      return text('The execution was stopped, so this approval no longer waits. Nothing was sent.');
    case 'not-waiting':
      return text('This approval is no longer waiting for a decision. Nothing was sent.');
    case 'ambiguous':
      return text(
        'More than one run of this approval waits in the execution; Starboard cannot tell which one you reviewed. Decide in the AWS console.',
        true,
      );
    case 'outcome-unknown':
      return text(
        'The outcome is unknown: the decision may or may not have reached AWS, and Starboard did not send it again. Check the approval in the AWS console before deciding again.',
        true,
      );
    case 'invalid-summary':
      return text('AWS refused the comment: at most 512 characters, without control characters.');
    case 'interrupted':
      return text(
        'Starboard stopped while sending this decision, and AWS still shows the approval waiting: nothing was applied.',
      );
    case 'not-sent':
      return text(
        error.code === 'credentials-expired'
          ? 'Your AWS sign-in for this account has expired, so nothing was sent. Sign in again on the Accounts page, then decide again.'
          : 'Starboard could not record the decision before sending it, so nothing was sent.',
      );
    case 'request-failed':
      return text(byCode(error, now));
    case undefined:
      // Not an answer about the approval: the id, the input or the way to main.
      return text(
        error.code === 'unknown-approval'
          ? 'Starboard no longer knows this approval: it was decided elsewhere or it expired. Nothing was sent.'
          : error.message,
      );
  }
}

export function retryKind(error: ContractError): RetryKind {
  if (error.reason === undefined) {
    // Main's own answers always name a reason or a definite code; these two mean the answer was lost.
    return error.code === 'offline' || error.code === 'internal' ? 'same-request' : 'none';
  }
  switch (error.reason) {
    case 'request-failed':
    case 'not-sent':
    case 'interrupted':
    case 'invalid-summary':
      return 'new-request';
    default:
      return 'none';
  }
}
