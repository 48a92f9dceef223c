// The local, append-only audit log of every decision made in Starboard: one
// JSON line per step (submitted, finished, reconciled after a restart) with
// who, what, when, the result and what the provider answered. Owner-only.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ApprovalAuditEntry, approvalAuditEntrySchema } from '../../../shared/approvals';

/** One line of the log: the contract's ApprovalAuditEntry (shared/approvals.ts). */
export type AuditLine = ApprovalAuditEntry;

export class ApprovalAudit {
  #writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Appends in call order; a failed append does not block the next one. */
  append(line: AuditLine): Promise<void> {
    const text = `${JSON.stringify(line)}\n`;
    const next = this.#writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await appendFile(this.path, text, { encoding: 'utf8', mode: 0o600 });
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }

  /** Every line that parses, oldest first: what the app shows as the audit view. */
  async read(): Promise<AuditLine[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return [];
    }
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const parsed = approvalAuditEntrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        // A line cut short by a crash: the rest of the log stays readable.
        return [];
      }
    });
  }

  /** The latest `limit` lines, newest first. */
  async recent(limit: number): Promise<AuditLine[]> {
    return (await this.read()).slice(-limit).reverse();
  }
}
