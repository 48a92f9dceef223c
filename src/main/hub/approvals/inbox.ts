// The approvals inbox. Main mints an opaque id for every approval a source
// reports; the UI and notifications carry only that id. A decision for an id
// main never minted is refused before any provider is called (RELIABILITY S07).
import type { CommandInput, CommandOutput } from '../../../shared/contract';
import type { ApprovalSummary } from '../../../shared/model';
import { fail, type Result } from '../../../shared/result';

export class ApprovalsInbox {
  readonly #pending = new Map<string, ApprovalSummary>();

  list(): ApprovalSummary[] {
    return [...this.#pending.values()];
  }

  async decide(input: CommandInput<'approvals.decide'>): Promise<Result<CommandOutput<'approvals.decide'>>> {
    if (!this.#pending.has(input.approvalId)) {
      return fail(
        'unknown-approval',
        'Starboard does not know this approval. It may have been decided elsewhere or expired.',
      );
    }
    // Sources register approvals and their submitters in the AWS and GitHub issues (#4, #6).
    return fail('conflict', 'No source can submit this approval.');
  }
}
