// The persisted journal of GitHub environment reviews, with the AWS journal's
// semantics (pending → submitting → succeeded | rejected | unknown, keyed by
// the renderer's requestId, one decision per approval in flight) and the same
// audit log. Its entries hold a run, not a pipeline action, hence a file apart.
import { join } from 'node:path';
import { z } from 'zod';
import {
  type DecisionResponse,
  type DecisionStatus,
  decisionResponseSchema,
  decisionStatuses,
  type GitHubAuditEntry,
} from '../../../shared/approvals';
import { silentLogger, type Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../snapshot/atomic-file';
import type { ApprovalAudit } from './audit';

const entrySchema = z.object({
  requestId: z.string(),
  approvalId: z.string(),
  /** githubApprovalKey of the ref: ids change on every start, the key does not. */
  key: z.string(),
  ref: z.object({ accountKey: z.string(), fullName: z.string(), runId: z.number(), runAttempt: z.number() }),
  workflow: z.string(),
  /** The environments the review is sent for. */
  environments: z.array(z.object({ id: z.number(), name: z.string() })),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  who: z.string().optional(),
  status: z.enum(decisionStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  response: decisionResponseSchema.optional(),
});
export type GitHubJournalEntry = z.infer<typeof entrySchema>;
export type NewGitHubEntry = Omit<GitHubJournalEntry, 'status' | 'createdAt' | 'updatedAt' | 'response' | 'who'>;

const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

export const githubJournalFileName = 'approvals-github-journal.json';
const maxBytes = 4 * 1024 * 1024;
const maxFinished = 500;

const active = (status: DecisionStatus) => status === 'pending' || status === 'submitting';

export class GitHubApprovalJournal {
  readonly #entries = new Map<string, GitHubJournalEntry>();
  readonly #path: string;
  readonly #now: () => Date;
  readonly #logger: Logger;
  readonly #audit: ApprovalAudit;
  #saving: Promise<void> = Promise.resolve();

  /** Reads synchronously: unfinished decisions are known before anything is offered. */
  constructor(dataDir: string, audit: ApprovalAudit, options: { now?: () => Date; logger?: Logger } = {}) {
    this.#path = join(dataDir, githubJournalFileName);
    this.#audit = audit;
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? silentLogger;
    removeStaleTemps(this.#path);
    const { value, notice } = loadJsonFile(this.#path, maxBytes, this.#now(), (json) => {
      const parsed = fileSchema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
    });
    if (notice) this.#logger.warn('GitHub approvals journal kept aside', { ...notice });
    for (const entry of value?.entries ?? []) this.#entries.set(entry.requestId, entry);
  }

  get(requestId: string): GitHubJournalEntry | undefined {
    return this.#entries.get(requestId);
  }

  activeFor(key: string): GitHubJournalEntry | undefined {
    for (const entry of this.#entries.values()) if (entry.key === key && active(entry.status)) return entry;
    return undefined;
  }

  unfinished(): GitHubJournalEntry[] {
    return [...this.#entries.values()].filter((e) => active(e.status));
  }

  /** Records a new decision as pending, synchronously: the in-flight check and this claim share one turn. */
  begin(entry: NewGitHubEntry): Promise<void> {
    const at = this.#now().toISOString();
    this.#entries.set(entry.requestId, { ...entry, status: 'pending', createdAt: at, updatedAt: at });
    return this.#save();
  }

  /** On disk as submitting before the review is sent. */
  async submitting(requestId: string, who: string | undefined): Promise<void> {
    const entry = this.#update(requestId, { status: 'submitting', ...(who !== undefined ? { who } : {}) });
    await this.#save();
    await this.#auditSafely(line(entry, 'submitting', this.#now()));
  }

  async finish(
    requestId: string,
    status: Exclude<DecisionStatus, 'pending' | 'submitting'>,
    response: DecisionResponse,
    event: 'finished' | 'reconciled' = 'finished',
  ): Promise<GitHubJournalEntry> {
    const entry = this.#update(requestId, { status, response });
    this.#prune();
    try {
      await this.#save();
    } catch (error) {
      this.#logger.error('could not save the GitHub approvals journal', error);
    }
    await this.#auditSafely(line(entry, event, this.#now()));
    return entry;
  }

  #update(requestId: string, patch: Partial<GitHubJournalEntry>): GitHubJournalEntry {
    const entry = this.#entries.get(requestId);
    if (!entry) throw new Error(`no journal entry for request ${requestId}`);
    const next = { ...entry, ...patch, updatedAt: this.#now().toISOString() };
    this.#entries.set(requestId, next);
    return next;
  }

  #save(): Promise<void> {
    const text = JSON.stringify({ version: 1, entries: [...this.#entries.values()] });
    const next = this.#saving.then(() => writeFileAtomic(this.#path, text));
    this.#saving = next.catch(() => undefined);
    return next;
  }

  #prune(): void {
    const finished = [...this.#entries.values()].filter((e) => !active(e.status));
    const excess = finished.length - maxFinished;
    if (excess <= 0) return;
    finished.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
    for (const entry of finished.slice(0, excess)) this.#entries.delete(entry.requestId);
  }

  async #auditSafely(entry: GitHubAuditEntry): Promise<void> {
    try {
      await this.#audit.append(entry);
    } catch (error) {
      this.#logger.error('could not append to the approvals audit log', error);
    }
  }
}

function line(entry: GitHubJournalEntry, event: GitHubAuditEntry['event'], at: Date): GitHubAuditEntry {
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
