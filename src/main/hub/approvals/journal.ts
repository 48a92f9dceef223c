// The persisted journal of approval decisions, keyed by the renderer's
// requestId: pending → submitting → succeeded | rejected | unknown. It makes
// a decision idempotent, keeps one decision per approval in flight (P01) and
// tells a restarted main which sends were cut short (R02).
import { join } from 'node:path';
import { z } from 'zod';
import {
  type DecisionResponse,
  type DecisionStatus,
  decisionResponseSchema,
  decisionStatuses,
} from '../../../shared/approvals';
import { silentLogger, type Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../snapshot/atomic-file';
import { ApprovalAudit, type AuditLine } from './audit';

/** The statuses of a decision (see shared/approvals.ts). */
export const journalStatuses = decisionStatuses;
export type JournalStatus = DecisionStatus;

const responseSchema = decisionResponseSchema;
/** What the provider answered, in short: enough to replay the result and to audit it. */
export type JournalResponse = DecisionResponse;

const entrySchema = z.object({
  requestId: z.string(),
  approvalId: z.string(),
  /** fullApprovalKey of the ref: ids change on every start, the key does not. */
  key: z.string(),
  location: z.object({ accountKey: z.string(), accountId: z.string(), region: z.string() }),
  ref: z.object({
    pipeline: z.string(),
    stage: z.string(),
    action: z.string(),
    pipelineExecutionId: z.string(),
    actionExecutionId: z.string().optional(),
  }),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  callerArn: z.string().optional(),
  status: z.enum(journalStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  response: responseSchema.optional(),
});
export type JournalEntry = z.infer<typeof entrySchema>;
export type NewEntry = Omit<JournalEntry, 'status' | 'createdAt' | 'updatedAt' | 'response' | 'callerArn'>;

const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

export const journalFileName = 'approvals-journal.json';
export const auditFileName = 'approvals-audit.jsonl';
const maxBytes = 4 * 1024 * 1024;

export interface JournalOptions {
  now?: () => Date;
  logger?: Logger;
  /** Finished entries kept for replaying a requestId; unfinished ones are always kept. */
  maxFinished?: number;
}

const active = (status: JournalStatus) => status === 'pending' || status === 'submitting';

export class ApprovalJournal {
  readonly #entries = new Map<string, JournalEntry>();
  readonly #path: string;
  readonly #now: () => Date;
  readonly #logger: Logger;
  readonly #maxFinished: number;
  #saving: Promise<void> = Promise.resolve();
  readonly audit: ApprovalAudit;

  /** Reads the journal synchronously: unfinished decisions are known before anything is offered. */
  constructor(dataDir: string, options: JournalOptions = {}) {
    this.#path = join(dataDir, journalFileName);
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? silentLogger;
    this.#maxFinished = options.maxFinished ?? 500;
    this.audit = new ApprovalAudit(join(dataDir, auditFileName));
    removeStaleTemps(this.#path);
    const { value, notice } = loadJsonFile(this.#path, maxBytes, this.#now(), (json) => {
      const parsed = fileSchema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
    });
    if (notice) this.#logger.warn('approvals journal kept aside', { ...notice });
    for (const entry of value?.entries ?? []) this.#entries.set(entry.requestId, entry);
  }

  get(requestId: string): JournalEntry | undefined {
    return this.#entries.get(requestId);
  }

  /** The decision in flight for an approval (pending or submitting), if any. */
  activeFor(key: string): JournalEntry | undefined {
    for (const entry of this.#entries.values()) if (entry.key === key && active(entry.status)) return entry;
    return undefined;
  }

  /** Decisions a previous run left pending or submitting. */
  unfinished(): JournalEntry[] {
    return [...this.#entries.values()].filter((e) => active(e.status));
  }

  /**
   * Records a new decision as pending. Synchronous on purpose: the check for
   * a decision in flight and this claim happen in one turn of the event loop.
   */
  begin(entry: NewEntry): { entry: JournalEntry; saved: Promise<void> } {
    const at = this.#now().toISOString();
    const created: JournalEntry = { ...entry, status: 'pending', createdAt: at, updatedAt: at };
    this.#entries.set(entry.requestId, created);
    return { entry: created, saved: this.#save() };
  }

  /** The decision is about to leave: on disk as submitting before any request is sent. */
  async submitting(requestId: string, callerArn: string): Promise<void> {
    const entry = this.#update(requestId, { status: 'submitting', callerArn });
    await this.#save();
    await this.#auditSafely(line(entry, 'submitting', this.#now()));
  }

  /** Records the end of a decision; `event` says whether it ended now or at a later start. */
  async finish(
    requestId: string,
    status: Exclude<JournalStatus, 'pending' | 'submitting'>,
    response: JournalResponse,
    event: 'finished' | 'reconciled' = 'finished',
  ): Promise<JournalEntry> {
    const entry = this.#update(requestId, { status, response });
    this.#prune();
    try {
      await this.#save();
    } catch (error) {
      // The answer is still given; a restart re-reads the state for this entry.
      this.#logger.error('could not save the approvals journal', error);
    }
    await this.#auditSafely(line(entry, event, this.#now()));
    return entry;
  }

  #update(requestId: string, patch: Partial<JournalEntry>): JournalEntry {
    const entry = this.#entries.get(requestId);
    if (!entry) throw new Error(`no journal entry for request ${requestId}`);
    const next = { ...entry, ...patch, updatedAt: this.#now().toISOString() };
    this.#entries.set(requestId, next);
    return next;
  }

  /** Writes the whole journal in call order; each write holds the state of its call. */
  #save(): Promise<void> {
    const text = JSON.stringify({ version: 1, entries: [...this.#entries.values()] });
    const next = this.#saving.then(() => writeFileAtomic(this.#path, text));
    this.#saving = next.catch(() => undefined);
    return next;
  }

  #prune(): void {
    const finished = [...this.#entries.values()].filter((e) => !active(e.status));
    const excess = finished.length - this.#maxFinished;
    if (excess <= 0) return;
    finished.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
    for (const entry of finished.slice(0, excess)) this.#entries.delete(entry.requestId);
  }

  async #auditSafely(audit: AuditLine): Promise<void> {
    try {
      await this.audit.append(audit);
    } catch (error) {
      this.#logger.error('could not append to the approvals audit log', error);
    }
  }
}

function line(entry: JournalEntry, event: AuditLine['event'], at: Date): AuditLine {
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
