// Deciding GitHub environment reviews from the inbox: the id resolves to its
// run attempt, the decision is journaled before it leaves, sent at most once
// through GitHubSource.reviewDeployments (which re-checks the run first), and
// answered precisely; a restart closes what was cut short (P08-P10, G06, S07).
import type { CommandInput, CommandOutput } from '../../../shared/contract';
import type { DecisionResponse } from '../../../shared/approvals';
import type { GitHubApprovalEnvironment, GitHubApprovalSummary } from '../../../shared/model';
import { fail, isDecisionFailureReason, ok, type Result } from '../../../shared/result';
import type { GitHubSource } from '../../sources/github/github-source';
import { silentLogger, type Logger } from '../log';
import { unknownApproval } from './aws-approvals';
import type { GitHubApprovalJournal, GitHubJournalEntry } from './github-journal';
import type { GitHubApprovalRegistry } from './github-registry';

type DecideInput = CommandInput<'approvals.decide'>;
type DecideResult = Result<CommandOutput<'approvals.decide'>>;

export interface GitHubApprovalsDeps {
  registry: GitHubApprovalRegistry;
  journal: GitHubApprovalJournal;
  /** The source of an account; undefined once the account left the workspace or waits for a token. */
  source: (accountKey: string) => GitHubSource | undefined;
  logger?: Logger;
}

export class GitHubApprovals {
  readonly #deps: GitHubApprovalsDeps;
  readonly #logger: Logger;
  readonly #logins = new Map<string, string>();

  constructor(deps: GitHubApprovalsDeps) {
    this.#deps = deps;
    this.#logger = deps.logger ?? silentLogger;
  }

  list(): GitHubApprovalSummary[] {
    const { registry, journal } = this.#deps;
    return registry.list().map((s) => {
      const key = registry.resolve(s.approvalId)?.key;
      return { ...s, submitting: key !== undefined && journal.activeFor(key) !== undefined };
    });
  }

  /** Whether this id or request is one of ours (the AWS service answers the rest). */
  owns(input: Pick<DecideInput, 'approvalId' | 'requestId'>): boolean {
    return (
      this.#deps.registry.resolve(input.approvalId) !== undefined ||
      this.#deps.journal.get(input.requestId) !== undefined
    );
  }

  async decide(input: DecideInput): Promise<DecideResult> {
    const { journal, registry } = this.#deps;
    const previous = journal.get(input.requestId);
    if (previous) return replay(previous, input);
    const approval = registry.resolve(input.approvalId);
    if (!approval) return unknownApproval();
    if (journal.activeFor(approval.key)) return ok({ status: 'submitting' });
    const source = this.#deps.source(approval.ref.accountKey);
    if (!source) return unknownApproval();
    const chosen = chooseEnvironments(approval.summary.environments, input.environments);
    if (!chosen.ok) return chosen;

    const { saved } = journal.begin({
      requestId: input.requestId,
      approvalId: approval.id,
      key: approval.key,
      ref: approval.ref,
      workflow: approval.summary.workflow,
      environments: chosen.value.map(({ id, name }) => ({ id, name })),
      decision: input.decision,
      comment: input.comment,
    });
    try {
      await saved;
      await journal.submitting(input.requestId, await this.#login(approval.ref.accountKey, source));
    } catch (error) {
      this.#logger.error('could not save the GitHub approvals journal; nothing sent', error);
      const message = 'Starboard could not record the decision, so it did not send it.';
      return resultOf(
        await journal.finish(input.requestId, 'rejected', { code: 'internal', reason: 'not-sent', message }),
      );
    }

    let response: DecisionResponse;
    let status: 'succeeded' | 'rejected' | 'unknown';
    try {
      const sent = await source.reviewDeployments(approval.ref.fullName, approval.ref.runId, {
        environmentIds: chosen.value.map((e) => e.id),
        state: input.decision === 'approve' ? 'approved' : 'rejected',
        comment: input.comment,
        expectedAttempt: approval.ref.runAttempt,
      });
      if (sent.ok) {
        status = 'succeeded';
        response = { reconciled: sent.value.confirmedBy === 'reread' };
      } else {
        // Field issues only concern the comment, which the contract checked before sending.
        const error: DecisionResponse & { issues?: unknown } = { ...sent.error };
        delete error.issues;
        status = error.reason === 'outcome-unknown' ? 'unknown' : 'rejected';
        response = error;
      }
    } catch (error) {
      this.#logger.error('GitHub review failed unexpectedly', error);
      status = 'unknown';
      response = {
        code: 'internal',
        reason: 'outcome-unknown',
        message: 'The review may or may not have reached GitHub; it was not sent again.',
      };
    }
    return resultOf(await journal.finish(input.requestId, status, response));
  }

  /**
   * At start: a decision left pending was never sent; one left submitting
   * may have reached GitHub, and Starboard does not send it again.
   */
  async reconcile(): Promise<void> {
    const { journal } = this.#deps;
    for (const entry of journal.unfinished()) {
      if (entry.status === 'pending') {
        const message = 'Starboard stopped before sending this decision; nothing was sent.';
        await journal.finish(
          entry.requestId,
          'rejected',
          { code: 'internal', reason: 'not-sent', message },
          'reconciled',
        );
      } else {
        const message = `Starboard stopped while sending this review; check run ${entry.ref.runId} on GitHub before reviewing again.`;
        await journal.finish(
          entry.requestId,
          'unknown',
          { code: 'internal', reason: 'outcome-unknown', message },
          'reconciled',
        );
      }
    }
  }

  /** The token's login for the audit log, read once per account; unknown is not a reason to refuse. */
  async #login(accountKey: string, source: GitHubSource): Promise<string | undefined> {
    const known = this.#logins.get(accountKey);
    if (known !== undefined) return known;
    const identity = await source.identity('unknown').catch(() => undefined);
    if (!identity?.ok) return undefined;
    this.#logins.set(accountKey, identity.value.login);
    return identity.value.login;
  }
}

/** The same requestId again: the recorded answer, never a second review. */
function replay(entry: GitHubJournalEntry, input: DecideInput): DecideResult {
  if (entry.approvalId !== input.approvalId || entry.decision !== input.decision || entry.comment !== input.comment) {
    return fail('invalid-input', 'This request id was already used for another decision.');
  }
  return resultOf(entry);
}

function resultOf(entry: GitHubJournalEntry): DecideResult {
  if (entry.status === 'pending' || entry.status === 'submitting') return ok({ status: 'submitting' });
  if (entry.status === 'succeeded') return ok({ status: entry.decision === 'approve' ? 'succeeded' : 'rejected' });
  const { code = 'internal', message = 'The decision was not applied.', reason, ...rest } = entry.response ?? {};
  return { ok: false, error: { code, message, ...rest, ...(isDecisionFailureReason(reason) ? { reason } : {}) } };
}

/**
 * The environments a decision reviews: those the user picked, or every one
 * they may approve. Nothing is sent when a pick is not waiting on this run or
 * is one the user may not review; the message names it and says why.
 */
export function chooseEnvironments(
  waiting: readonly GitHubApprovalEnvironment[],
  picked: readonly number[] | undefined,
): Result<GitHubApprovalEnvironment[]> {
  const notSent = { reason: 'not-sent' as const };
  if (picked === undefined) {
    const allowed = waiting.filter((e) => e.canApprove);
    if (allowed.length > 0) return ok(allowed);
    const names = waiting.map((e) => e.name).join(', ');
    return fail('access-denied', `You are not a required reviewer for ${names}; nothing was sent.`, notSent);
  }
  const chosen: GitHubApprovalEnvironment[] = [];
  for (const id of new Set(picked)) {
    const environment = waiting.find((e) => e.id === id);
    if (!environment) {
      return fail(
        'stale-approval',
        'One of the chosen environments no longer waits for review on this run; nothing was sent.',
        notSent,
      );
    }
    if (!environment.canApprove) {
      const why = environment.reason ?? 'you are not one of its required reviewers';
      return fail('access-denied', `You cannot review ${environment.name}: ${why}. Nothing was sent.`, notSent);
    }
    chosen.push(environment);
  }
  return ok(chosen);
}
