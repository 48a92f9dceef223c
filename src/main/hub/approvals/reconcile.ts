// What a decision cut short by a restart (RELIABILITY R02) turned out to be,
// judged from one GetPipelineState read. Never sends anything.
import type { PipelineDetail } from '../../../shared/pipelines';
import type { JournalEntry, JournalResponse, JournalStatus } from './journal';
import { fullApprovalKey } from './registry';

export interface Verdict {
  status: Exclude<JournalStatus, 'pending' | 'submitting'>;
  response: JournalResponse;
}

export function judgeFromState(entry: JournalEntry, detail: PipelineDetail): Verdict {
  const { ref } = entry;
  const stillWaiting = detail.waitingApprovals.some((w) => fullApprovalKey(w.location, w.ref) === entry.key);
  if (stillWaiting) {
    return {
      status: 'rejected',
      response: {
        code: 'internal',
        reason: 'interrupted',
        message:
          'Starboard stopped while sending this decision and AWS shows the approval still waiting: nothing was applied.',
      },
    };
  }
  const stage = detail.stages.find((s) => s.name === ref.stage);
  const action = stage?.actions.find((a) => a.name === ref.action);
  const current = stage?.latestExecution?.pipelineExecutionId;
  const sameRun =
    current === ref.pipelineExecutionId &&
    (ref.actionExecutionId === undefined || action?.actionExecutionId === ref.actionExecutionId);
  if (!action || !sameRun) {
    return {
      status: 'rejected',
      response: {
        code: 'stale-approval',
        reason: 'superseded',
        message: 'A newer execution replaced this approval; the decision cannot be confirmed and nothing will be sent.',
        ...(current !== undefined ? { currentExecutionId: current } : {}),
      },
    };
  }
  const wanted = entry.decision === 'approve' ? 'Succeeded' : 'Failed';
  if (action.lastUpdatedBy !== undefined && action.lastUpdatedBy === entry.callerArn && action.status === wanted) {
    return { status: 'succeeded', response: { reconciled: true } };
  }
  if (action.lastUpdatedBy !== undefined && (action.status === 'Succeeded' || action.status === 'Failed')) {
    return {
      status: 'rejected',
      response: {
        code: 'conflict',
        reason: 'decided',
        message: `This approval was decided by ${action.lastUpdatedBy}.`,
        decidedBy: action.lastUpdatedBy,
        decidedStatus: action.status,
        ...(action.summary !== undefined ? { decidedSummary: action.summary } : {}),
      },
    };
  }
  return {
    status: 'rejected',
    response: {
      code: 'stale-approval',
      reason: action.status === 'Abandoned' ? 'stopped' : action.status === 'Failed' ? 'expired' : 'not-waiting',
      message: 'This approval is no longer waiting for a decision.',
      ...(action.status !== undefined ? { decidedStatus: action.status } : {}),
    },
  };
}
