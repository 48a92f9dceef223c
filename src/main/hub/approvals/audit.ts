// The local, append-only audit log of every decision made in Starboard: one
// JSON line per step (submitted, finished, reconciled after a restart) with
// who, what, when, the result and what the provider answered. Owner-only.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ApprovalDecision } from '../../../shared/pipelines';
import type { JournalResponse, JournalStatus } from './journal';
import type { AwsApprovalSummary } from './registry';

/** Where the approval was: the same fields the inbox shows. */
type ApprovalPlace = Pick<
  AwsApprovalSummary,
  'accountId' | 'region' | 'pipeline' | 'stage' | 'action' | 'pipelineExecutionId'
>;

export interface AuditLine extends ApprovalPlace {
  at: string;
  event: 'submitting' | 'finished' | 'reconciled';
  requestId: string;
  approvalId: string;
  /** The caller identity ARN that sent (or was about to send) the decision. */
  who?: string;
  actionExecutionId?: string;
  decision: ApprovalDecision;
  comment: string;
  result: JournalStatus;
  response?: JournalResponse;
}

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
        return [JSON.parse(line) as AuditLine];
      } catch {
        // A line cut short by a crash: the rest of the log stays readable.
        return [];
      }
    });
  }
}
