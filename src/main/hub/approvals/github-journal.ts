// The persisted journal of GitHub environment reviews, with the AWS journal's
// semantics (decision-journal.ts) and the same audit log. Its entries hold a
// run and the environments reviewed, not a pipeline action, hence a file apart.
import { join } from 'node:path';
import { z } from 'zod';
import type { GitHubAuditEntry } from '../../../shared/approvals';
import type { Logger } from '../log';
import type { ApprovalAudit } from './audit';
import { type AuditEvent, DecisionJournal, decisionEntryFields } from './decision-journal';

const entrySchema = z.object({
  ...decisionEntryFields,
  ref: z.object({ accountKey: z.string(), fullName: z.string(), runId: z.number(), runAttempt: z.number() }),
  workflow: z.string(),
  /** The environments the review is sent for. */
  environments: z.array(z.object({ id: z.number(), name: z.string() })),
  who: z.string().optional(),
});
export type GitHubJournalEntry = z.infer<typeof entrySchema>;
export type NewGitHubEntry = Omit<GitHubJournalEntry, 'status' | 'createdAt' | 'updatedAt' | 'response' | 'who'>;

export const githubJournalFileName = 'approvals-github-journal.json';

export class GitHubApprovalJournal extends DecisionJournal<GitHubJournalEntry> {
  /** Reads synchronously: unfinished decisions are known before anything is offered. */
  constructor(dataDir: string, audit: ApprovalAudit, options: { now?: () => Date; logger?: Logger } = {}) {
    super({
      ...options,
      path: join(dataDir, githubJournalFileName),
      entrySchema,
      audit,
      auditLine: line,
      label: 'GitHub approvals journal',
    });
  }

  /** On disk as submitting, with the login that sends it, before the review is sent. */
  submitting(requestId: string, who: string | undefined): Promise<void> {
    return this.markSubmitting(requestId, who === undefined ? {} : { who });
  }
}

function line(entry: GitHubJournalEntry, event: AuditEvent, at: Date): GitHubAuditEntry {
  return {
    at: at.toISOString(),
    event,
    provider: 'github',
    requestId: entry.requestId,
    approvalId: entry.approvalId,
    ...(entry.who !== undefined ? { who: entry.who } : {}),
    accountKey: entry.ref.accountKey,
    repository: entry.ref.fullName,
    workflow: entry.workflow,
    runId: entry.ref.runId,
    runAttempt: entry.ref.runAttempt,
    environments: entry.environments.map((e) => e.name),
    decision: entry.decision,
    comment: entry.comment,
    result: entry.status,
    ...(entry.response !== undefined ? { response: entry.response } : {}),
  };
}
