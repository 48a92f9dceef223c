// The persisted journal of CodePipeline approval decisions (see
// decision-journal.ts for the states and guarantees): each entry names the
// pipeline action and the execution it was decided for.
import { join } from 'node:path';
import { z } from 'zod';
import { type DecisionResponse, decisionStatuses, type DecisionStatus } from '../../../shared/approvals';
import type { Logger } from '../log';
import { ApprovalAudit, type AuditLine } from './audit';
import { type AuditEvent, DecisionJournal, decisionEntryFields } from './decision-journal';

/** The statuses of a decision (see shared/approvals.ts). */
export const journalStatuses = decisionStatuses;
export type JournalStatus = DecisionStatus;
/** What the provider answered, in short: enough to replay the result and to audit it. */
export type JournalResponse = DecisionResponse;

const entrySchema = z.object({
  ...decisionEntryFields,
  location: z.object({ accountKey: z.string(), accountId: z.string(), region: z.string() }),
  ref: z.object({
    pipeline: z.string(),
    stage: z.string(),
    action: z.string(),
    pipelineExecutionId: z.string(),
    actionExecutionId: z.string().optional(),
  }),
  callerArn: z.string().optional(),
});
export type JournalEntry = z.infer<typeof entrySchema>;
export type NewEntry = Omit<JournalEntry, 'status' | 'createdAt' | 'updatedAt' | 'response' | 'callerArn'>;

export const journalFileName = 'approvals-journal.json';
export const auditFileName = 'approvals-audit.jsonl';

export interface JournalOptions {
  now?: () => Date;
  logger?: Logger;
  /** Finished entries kept for replaying a requestId; unfinished ones are always kept. */
  maxFinished?: number;
}

export class ApprovalJournal extends DecisionJournal<JournalEntry> {
  /** The audit log every journal of the workspace writes to. */
  readonly audit: ApprovalAudit;

  constructor(dataDir: string, options: JournalOptions = {}) {
    const audit = new ApprovalAudit(join(dataDir, auditFileName));
    super({
      ...options,
      path: join(dataDir, journalFileName),
      entrySchema,
      audit,
      auditLine: line,
      label: 'approvals journal',
    });
    this.audit = audit;
  }

  /** On disk as submitting, with the identity that sends it, before the call. */
  submitting(requestId: string, callerArn: string): Promise<void> {
    return this.markSubmitting(requestId, { callerArn });
  }
}

function line(entry: JournalEntry, event: AuditEvent, at: Date): AuditLine {
  const { ref, location } = entry;
  return {
    at: at.toISOString(),
    event,
    requestId: entry.requestId,
    approvalId: entry.approvalId,
    ...(entry.callerArn !== undefined ? { who: entry.callerArn } : {}),
    accountId: location.accountId,
    region: location.region,
    pipeline: ref.pipeline,
    stage: ref.stage,
    action: ref.action,
    pipelineExecutionId: ref.pipelineExecutionId,
    ...(ref.actionExecutionId !== undefined ? { actionExecutionId: ref.actionExecutionId } : {}),
    decision: entry.decision,
    comment: entry.comment,
    result: entry.status,
    ...(entry.response !== undefined ? { response: entry.response } : {}),
  };
}
