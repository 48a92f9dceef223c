// Opaque ids for the GitHub Actions runs waiting for a review of their
// protected environments: one approval per account, repository, run and
// attempt. The run's ids stay in main; the UI carries only the `apv_` id.
import type { GitHubApprovalSummary } from '../../../shared/model';
import type { GitHubRepositoryRead, GitHubWaitingRun } from '../../../shared/github';
import { mintApprovalId } from './registry';

export interface GitHubApprovalRef {
  accountKey: string;
  fullName: string;
  runId: number;
  runAttempt: number;
}

export interface RegisteredGitHubApproval {
  id: string;
  /** Stable over the whole ref: the journal's key for this approval. */
  key: string;
  ref: GitHubApprovalRef;
  summary: GitHubApprovalSummary;
}

/** GitHub fails a job still waiting for review after 30 days. */
const reviewTimeoutMs = 30 * 24 * 60 * 60 * 1000;

export function githubApprovalKey(ref: GitHubApprovalRef): string {
  return JSON.stringify(['github', ref.accountKey, ref.fullName.toLowerCase(), ref.runId, ref.runAttempt]);
}

export class GitHubApprovalRegistry {
  readonly #byId = new Map<string, RegisteredGitHubApproval>();
  readonly #idByKey = new Map<string, string>();

  /**
   * Replaces what one account's repositories have waiting: a run attempt
   * still waiting keeps its id, a new one gets an id, the rest are forgotten.
   */
  syncAccount(accountKey: string, reads: readonly GitHubRepositoryRead[]): void {
    const seen = new Set<string>();
    for (const read of reads) {
      for (const waiting of read.waiting) {
        // Only environments with required reviewers ask for a decision; a wait timer alone does not.
        if (!waiting.pending.some((p) => p.reviewers.length > 0)) continue;
        const ref = { accountKey, fullName: read.fullName, runId: waiting.run.id, runAttempt: waiting.run.attempt };
        const key = githubApprovalKey(ref);
        seen.add(key);
        const id = this.#idByKey.get(key) ?? mintApprovalId();
        this.#idByKey.set(key, id);
        this.#byId.set(id, { id, key, ref, summary: summarize(id, ref, read, waiting) });
      }
    }
    for (const [id, entry] of this.#byId) {
      if (entry.ref.accountKey === accountKey && !seen.has(entry.key)) this.#drop(id);
    }
  }

  /** The account left the workspace: nothing of it waits any more. */
  forgetAccount(accountKey: string): void {
    this.syncAccount(accountKey, []);
  }

  accounts(): string[] {
    return [...new Set([...this.#byId.values()].map((e) => e.ref.accountKey))];
  }

  resolve(id: string): RegisteredGitHubApproval | undefined {
    return this.#byId.get(id);
  }

  list(): GitHubApprovalSummary[] {
    return [...this.#byId.values()].map((entry) => entry.summary);
  }

  #drop(id: string): void {
    const entry = this.#byId.get(id);
    if (!entry) return;
    this.#byId.delete(id);
    this.#idByKey.delete(entry.key);
  }
}

function summarize(
  id: string,
  ref: GitHubApprovalRef,
  read: GitHubRepositoryRead,
  waiting: GitHubWaitingRun,
): GitHubApprovalSummary {
  const { run, pending } = waiting;
  const gated = pending.filter((p) => p.reviewers.length > 0);
  const started = gated.flatMap((p) => (p.waitStartedAt ? [p.waitStartedAt] : [])).sort()[0];
  const requestedAt = started ?? run.updatedAt;
  const expires = Date.parse(requestedAt) + reviewTimeoutMs;
  const commit = read.commits.find((c) => c.sha === run.headSha);
  const names = gated.map((p) => p.environment.name).join(', ');
  const actor = run.triggeringActor ?? run.actor;
  return {
    approvalId: id,
    provider: 'github',
    title: `${ref.fullName} › ${run.name} › ${names}`,
    // The live workspace fills the project in from the repository's membership.
    projectId: null,
    requestedAt,
    expiresAt: Number.isNaN(expires) ? null : new Date(expires).toISOString(),
    submitting: false,
    accountKey: ref.accountKey,
    repository: ref.fullName,
    workflow: run.name,
    runNumber: run.runNumber,
    runAttempt: run.attempt,
    ...(run.branch !== undefined ? { branch: run.branch } : {}),
    headSha: run.headSha,
    commitMessage: commit?.subject ?? run.title,
    ...(actor !== undefined ? { actor } : {}),
    environments: gated.map((p) => ({
      id: p.environment.id,
      name: p.environment.name,
      canApprove: p.currentUserCanApprove,
      ...(p.currentUserCanApprove
        ? {}
        : {
            reason: refusal(
              p.reviewers.map((r) => r.name),
              actor,
            ),
          }),
    })),
    htmlUrl: run.htmlUrl,
  };
}

function refusal(reviewers: string[], actor: string | undefined): string {
  const who = reviewers.length > 0 ? ` (reviewers: ${reviewers.join(', ')})` : '';
  const self = actor ? `, or it prevents reviewing a run you started` : '';
  return `You are not a required reviewer${who}${self}.`;
}
