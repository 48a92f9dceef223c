// Deciding CodePipeline approvals from Starboard: the id the UI holds is
// resolved to its own ref, the decision is journaled before it leaves, sent
// at most once through PipelineSource, and its outcome reported precisely
// (RELIABILITY "Approvals: exactly once, never stale", P01-P07, R01, R02, S07).
import type { CommandInput, CommandOutput } from '../../../shared/contract';
import { approvalCommentSchema } from '../../../shared/model';
import type { ApprovalDecision, ApprovalOutcome } from '../../../shared/pipelines';
import { type ContractError, fail, isDecisionFailureReason, ok, type Result } from '../../../shared/result';
import type { AwsLocation } from '../../../shared/sources';
import type { PipelineSource } from '../../sources/aws/codepipeline/pipeline-source';
import { silentLogger, type Logger } from '../log';
import type { ApprovalJournal, JournalEntry, JournalResponse } from './journal';
import { judgeFromState } from './reconcile';
import type { ApprovalRegistry, AwsApprovalSummary } from './registry';

type DecideInput = CommandInput<'approvals.decide'>;
type DecideResult = Result<CommandOutput<'approvals.decide'>>;

export interface AwsApprovalsDeps {
  registry: ApprovalRegistry;
  journal: ApprovalJournal;
  /** The source for an account and region; undefined once the account left the workspace. */
  source: (location: AwsLocation) => PipelineSource | undefined;
  /** Who we are there (STS GetCallerIdentity ARN), to recognise our own decision afterwards (P04). */
  callerArn: (location: AwsLocation) => Promise<string | undefined>;
  logger?: Logger;
}

/** The answer for an id main did not mint or no longer knows: nothing is sent (S07). */
export const unknownApproval = () =>
  fail('unknown-approval', 'Starboard does not know this approval. It may have been decided elsewhere or expired.');

export class AwsApprovals {
  readonly #deps: AwsApprovalsDeps;
  readonly #logger: Logger;

  constructor(deps: AwsApprovalsDeps) {
    this.#deps = deps;
    this.#logger = deps.logger ?? silentLogger;
  }

  /**
   * What waits, with `submitting` set while a decision (or a restart's
   * reconciliation) is in flight. One decided here is left out at once: the
   * pipeline's state, read again right after, may lag behind CodePipeline.
   */
  list(): AwsApprovalSummary[] {
    const { registry, journal } = this.#deps;
    return registry
      .list()
      .filter((s) => {
        const key = registry.resolve(s.approvalId)?.key;
        return key === undefined || journal.decidedFor(key) === undefined;
      })
      .map((s) => ({ ...s, submitting: this.#activeForId(s.approvalId) !== undefined }));
  }

  async decide(input: DecideInput): Promise<DecideResult> {
    const { journal, registry } = this.#deps;
    const previous = journal.get(input.requestId);
    if (previous) return replay(previous, input);
    const approval = registry.resolve(input.approvalId);
    if (!approval) return unknownApproval();
    if (input.environments !== undefined) {
      return fail('invalid-input', 'Environments are chosen for GitHub reviews only; nothing was sent.', {
        reason: 'not-sent',
      });
    }
    const comment = approvalCommentSchema.safeParse(input.comment);
    if (!comment.success) {
      return fail('invalid-input', 'The comment must be at most 512 printable characters.', {
        issues: [{ path: 'comment', message: comment.error.issues[0]?.message ?? 'invalid' }],
      });
    }
    // A second click, the tray and a notification together: one decision, the others see progress (P01).
    if (journal.activeFor(approval.key)) return ok({ status: 'submitting' });
    const source = this.#deps.source(approval.location);
    if (!source) return unknownApproval();

    const { saved } = journal.begin({
      requestId: input.requestId,
      approvalId: approval.id,
      key: approval.key,
      location: approval.location,
      ref: approval.ref,
      decision: input.decision,
      comment: comment.data,
    });
    const callerArn = await this.#prepare(input.requestId, approval.location, saved);
    if (!callerArn.ok) return callerArn;

    let outcome: ApprovalOutcome;
    try {
      outcome = await source.decideApproval(approval.ref, input.decision, comment.data, callerArn.value);
    } catch (error) {
      this.#logger.error('approval decision failed unexpectedly', error);
      outcome = {
        ok: false,
        error: {
          code: 'internal',
          reason: 'outcome-unknown',
          message: 'The decision may or may not have reached AWS; it was not sent again.',
        },
      };
    }
    const entry = await journal.finish(input.requestId, statusOf(outcome), responseOf(outcome));
    return resultOf(entry);
  }

  /**
   * At start, before any approval is offered: every decision a previous run
   * left pending is closed as not sent, every one left submitting is judged
   * from the pipeline's state. One that cannot be read stays submitting (its
   * approval shows progress) until a later call succeeds.
   */
  async reconcile(): Promise<JournalEntry[]> {
    const done: JournalEntry[] = [];
    for (const entry of this.#deps.journal.unfinished()) {
      const settled = await this.#reconcileOne(entry);
      if (settled) done.push(settled);
    }
    return done;
  }

  async #reconcileOne(entry: JournalEntry): Promise<JournalEntry | undefined> {
    const { journal } = this.#deps;
    if (entry.status === 'pending') {
      const message = 'Starboard stopped before sending this decision; nothing was sent.';
      return journal.finish(
        entry.requestId,
        'rejected',
        { code: 'internal', reason: 'not-sent', message },
        'reconciled',
      );
    }
    const source = this.#deps.source(entry.location);
    if (!source) return undefined;
    const state = await source.state(entry.ref.pipeline);
    if (!state.ok) {
      this.#logger.warn('approval reconciliation could not read the pipeline', { code: state.error.code });
      return undefined;
    }
    const verdict = judgeFromState(entry, state.value);
    return journal.finish(entry.requestId, verdict.status, verdict.response, 'reconciled');
  }

  /** Saves the pending entry, learns who we are, then marks it submitting on disk. */
  async #prepare(requestId: string, location: AwsLocation, saved: Promise<void>): Promise<Result<string>> {
    const notSent = async (problem: ContractError): Promise<Result<string>> => {
      const error: ContractError = { ...problem, reason: 'not-sent' };
      await this.#deps.journal.finish(requestId, 'rejected', error);
      return { ok: false, error };
    };
    try {
      await saved;
    } catch (error) {
      this.#logger.error('could not save the approvals journal; nothing sent', error);
      return notSent({ code: 'internal', message: 'Starboard could not record the decision, so it did not send it.' });
    }
    const arn = await this.#deps.callerArn(location).catch(() => undefined);
    if (!arn) {
      return notSent({
        code: 'credentials-expired',
        message: 'Starboard could not confirm who you are in this account; nothing was sent. Sign in again.',
      });
    }
    try {
      await this.#deps.journal.submitting(requestId, arn);
    } catch (error) {
      this.#logger.error('could not save the approvals journal; nothing sent', error);
      return notSent({ code: 'internal', message: 'Starboard could not record the decision, so it did not send it.' });
    }
    return ok(arn);
  }

  #activeForId(id: string): JournalEntry | undefined {
    const approval = this.#deps.registry.resolve(id);
    return approval ? this.#deps.journal.activeFor(approval.key) : undefined;
  }
}

function statusOf(outcome: ApprovalOutcome): 'succeeded' | 'rejected' | 'unknown' {
  if (outcome.ok) return 'succeeded';
  return outcome.error.reason === 'outcome-unknown' ? 'unknown' : 'rejected';
}

function responseOf(outcome: ApprovalOutcome): JournalResponse {
  if (outcome.ok) {
    const { decidedAt, reconciled } = outcome.value;
    return { reconciled, ...(decidedAt !== undefined ? { decidedAt } : {}) };
  }
  // Field issues only concern the comment, which was checked before sending.
  const error: JournalResponse & { issues?: unknown } = { ...outcome.error };
  delete error.issues;
  return error;
}

/** The same requestId again: the recorded answer, never a second decision. */
function replay(entry: JournalEntry, input: DecideInput): DecideResult {
  if (entry.approvalId !== input.approvalId || entry.decision !== input.decision || entry.comment !== input.comment) {
    return fail('invalid-input', 'This request id was already used for another decision.');
  }
  return resultOf(entry);
}

function resultOf(entry: JournalEntry): DecideResult {
  if (entry.status === 'pending' || entry.status === 'submitting') return ok({ status: 'submitting' });
  if (entry.status === 'succeeded') return ok({ status: decidedStatus(entry.decision) });
  const { code = 'internal', message = 'The decision was not applied.', reason, ...rest } = entry.response ?? {};
  return { ok: false, error: { code, message, ...rest, ...(isDecisionFailureReason(reason) ? { reason } : {}) } };
}

/** The contract's success statuses name the decision that was applied. */
const decidedStatus = (decision: ApprovalDecision) => (decision === 'approve' ? 'succeeded' : 'rejected');
