// The persisted journal of decisions, whatever the provider: keyed by the
// renderer's requestId, pending → submitting → succeeded | rejected | unknown.
// It makes a decision idempotent, keeps one decision per approval in flight
// (P01), tells a restarted main which sends were cut short (R02), and writes
// each step to the shared audit log. Providers add only their entry's shape
// (what was decided: a pipeline action, a run's environments) and its audit line.
import { z } from 'zod';
import {
  type DecisionResponse,
  type DecisionStatus,
  decisionResponseSchema,
  decisionStatuses,
} from '../../../shared/approvals';
import { silentLogger, type Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../snapshot/atomic-file';
import type { ApprovalAudit, AuditLine } from './audit';

/** The fields every journal entry has; a provider's schema extends these. */
export const decisionEntryFields = {
  requestId: z.string(),
  approvalId: z.string(),
  /** The approval's stable key: ids change on every start, the key does not. */
  key: z.string(),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  status: z.enum(decisionStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  response: decisionResponseSchema.optional(),
};

export interface DecisionEntry {
  requestId: string;
  approvalId: string;
  key: string;
  decision: 'approve' | 'reject';
  comment: string;
  status: DecisionStatus;
  createdAt: string;
  updatedAt: string;
  response?: DecisionResponse;
}

type Stamped = 'status' | 'createdAt' | 'updatedAt' | 'response';
export type Finished = Exclude<DecisionStatus, 'pending' | 'submitting'>;
export type AuditEvent = 'submitting' | 'finished' | 'reconciled';

export interface DecisionJournalOptions<E extends DecisionEntry> {
  path: string;
  entrySchema: z.ZodType<E>;
  audit: ApprovalAudit;
  /** The entry as one audit line. */
  auditLine: (entry: E, event: AuditEvent, at: Date) => AuditLine;
  /** Names the journal in log lines. */
  label: string;
  now?: () => Date;
  logger?: Logger;
  /** Finished entries kept for replaying a requestId; unfinished ones are always kept. */
  maxFinished?: number;
}

const maxBytes = 4 * 1024 * 1024;
const active = (status: DecisionStatus) => status === 'pending' || status === 'submitting';

export class DecisionJournal<E extends DecisionEntry> {
  readonly #entries = new Map<string, E>();
  readonly #options: DecisionJournalOptions<E>;
  readonly #now: () => Date;
  readonly #logger: Logger;
  #saving: Promise<void> = Promise.resolve();

  /** Reads the journal synchronously: unfinished decisions are known before anything is offered. */
  constructor(options: DecisionJournalOptions<E>) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? silentLogger;
    removeStaleTemps(options.path);
    const fileSchema = z.object({ version: z.literal(1), entries: z.array(options.entrySchema) });
    const { value, notice } = loadJsonFile(options.path, maxBytes, this.#now(), (json) => {
      const parsed = fileSchema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
    });
    if (notice) this.#logger.warn(`${options.label} kept aside`, { ...notice });
    for (const entry of value?.entries ?? []) this.#entries.set(entry.requestId, entry);
  }

  get(requestId: string): E | undefined {
    return this.#entries.get(requestId);
  }

  /** The decision in flight for an approval (pending or submitting), if any. */
  activeFor(key: string): E | undefined {
    for (const entry of this.#entries.values()) if (entry.key === key && active(entry.status)) return entry;
    return undefined;
  }

  /** A decision for this approval that the provider accepted: it no longer waits, whatever the last read says. */
  decidedFor(key: string): E | undefined {
    for (const entry of this.#entries.values()) if (entry.key === key && entry.status === 'succeeded') return entry;
    return undefined;
  }

  /** Decisions a previous run left pending or submitting. */
  unfinished(): E[] {
    return [...this.#entries.values()].filter((e) => active(e.status));
  }

  /**
   * Records a new decision as pending. Synchronous on purpose: the check for
   * a decision in flight and this claim happen in one turn of the event loop.
   */
  begin(entry: Omit<E, Stamped>): { entry: E; saved: Promise<void> } {
    const at = this.#now().toISOString();
    // Omit<E, Stamped> plus the stamped fields is E; TypeScript cannot see through Omit of a type parameter.
    const created = { ...entry, status: 'pending', createdAt: at, updatedAt: at } as unknown as E;
    this.#entries.set(entry.requestId, created);
    return { entry: created, saved: this.#save() };
  }

  /** The decision is about to leave: on disk as submitting (with who sends it) before any request is sent. */
  protected async markSubmitting(requestId: string, who: Partial<E>): Promise<void> {
    const entry = this.#update(requestId, { ...who, status: 'submitting' });
    await this.#save();
    await this.#auditSafely(entry, 'submitting');
  }

  /** Records the end of a decision; `event` says whether it ended now or at a later start. */
  async finish(
    requestId: string,
    status: Finished,
    response: DecisionResponse,
    event: 'finished' | 'reconciled' = 'finished',
  ): Promise<E> {
    const entry = this.#update(requestId, { status, response } as Partial<E>);
    this.#prune();
    try {
      await this.#save();
    } catch (error) {
      // The answer is still given; a restart re-reads the state for this entry.
      this.#logger.error(`could not save the ${this.#options.label}`, error);
    }
    await this.#auditSafely(entry, event);
    return entry;
  }

  #update(requestId: string, patch: Partial<E>): E {
    const entry = this.#entries.get(requestId);
    if (!entry) throw new Error(`no journal entry for request ${requestId}`);
    const next: E = { ...entry, ...patch, updatedAt: this.#now().toISOString() };
    this.#entries.set(requestId, next);
    return next;
  }

  /** Writes the whole journal in call order; each write holds the state of its call. */
  #save(): Promise<void> {
    const text = JSON.stringify({ version: 1, entries: [...this.#entries.values()] });
    const next = this.#saving.then(() => writeFileAtomic(this.#options.path, text));
    this.#saving = next.catch(() => undefined);
    return next;
  }

  #prune(): void {
    const finished = [...this.#entries.values()].filter((e) => !active(e.status));
    const excess = finished.length - (this.#options.maxFinished ?? 500);
    if (excess <= 0) return;
    finished.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
    for (const entry of finished.slice(0, excess)) this.#entries.delete(entry.requestId);
  }

  async #auditSafely(entry: E, event: AuditEvent): Promise<void> {
    try {
      await this.#options.audit.append(this.#options.auditLine(entry, event, this.#now()));
    } catch (error) {
      this.#logger.error('could not append to the approvals audit log', error);
    }
  }
}
