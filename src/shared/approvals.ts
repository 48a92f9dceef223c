// The approvals audit log as both sides see it: one entry per step of a
// decision made in Starboard (sent, finished, reconciled after a restart).
// Never a token: the response keeps only what the provider said, in short.
import { z } from 'zod';
import { errorCodes } from './result';

/**
 * pending → submitting → succeeded | rejected | unknown. succeeded: the
 * decision was applied. rejected: it was not (refused, stale, decided
 * elsewhere, never sent). unknown: it may have been and the state did not say.
 */
export const decisionStatuses = ['pending', 'submitting', 'succeeded', 'rejected', 'unknown'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** What the provider answered, in short: enough to replay the result and to audit it. */
export const decisionResponseSchema = z.object({
  code: z.enum(errorCodes).optional(),
  /** A DecisionFailureReason (result.ts); kept as text so an older or newer log still reads. */
  reason: z.string().optional(),
  message: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedSummary: z.string().optional(),
  decidedStatus: z.union([z.string(), z.object({ unknown: z.string() })]).optional(),
  decidedAt: z.string().optional(),
  currentExecutionId: z.string().optional(),
  missingPermission: z.string().optional(),
  retryAt: z.string().optional(),
  reconciled: z.boolean().optional(),
});
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

const auditEntryFields = {
  at: z.string(),
  /** submitting: about to send; finished: answered; reconciled: judged at a later start. */
  event: z.enum(['submitting', 'finished', 'reconciled']),
  requestId: z.string(),
  approvalId: z.string(),
  /** Who sent (or was about to send) the decision: a caller identity ARN, or a GitHub login. */
  who: z.string().optional(),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  result: z.enum(decisionStatuses),
  response: decisionResponseSchema.optional(),
};

/** A CodePipeline decision; lines written before GitHub decisions existed have no `provider`. */
export const awsAuditEntrySchema = z.object({
  ...auditEntryFields,
  provider: z.literal('aws').optional(),
  accountId: z.string(),
  region: z.string(),
  pipeline: z.string(),
  stage: z.string(),
  action: z.string(),
  pipelineExecutionId: z.string(),
  actionExecutionId: z.string().optional(),
});

/** A review of a GitHub run's pending deployments. */
export const githubAuditEntrySchema = z.object({
  ...auditEntryFields,
  provider: z.literal('github'),
  accountKey: z.string(),
  repository: z.string(),
  workflow: z.string(),
  runId: z.number().int(),
  runAttempt: z.number().int(),
  /** The environments the review was sent for. */
  environments: z.array(z.string()),
});

/** One line of the audit log (approvals-audit.jsonl in the data folder). */
export const approvalAuditEntrySchema = z.union([githubAuditEntrySchema, awsAuditEntrySchema]);
export type ApprovalAuditEntry = z.infer<typeof approvalAuditEntrySchema>;
export type AwsAuditEntry = z.infer<typeof awsAuditEntrySchema>;
export type GitHubAuditEntry = z.infer<typeof githubAuditEntrySchema>;

/** The most entries `approvals.audit` answers with. */
export const maxAuditEntries = 500;
