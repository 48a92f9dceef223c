// Opaque ids for the CodePipeline approvals waiting right now. The full ref
// (account, region, pipeline, stage, action, execution, action run) stays in
// main; the UI and notifications carry only the id (RELIABILITY "Approvals").
import { randomBytes } from 'node:crypto';
import type { AwsApprovalSummary } from '../../../shared/model';
import type { ApprovalRef, WaitingApproval } from '../../../shared/pipelines';
import type { AwsLocation } from '../../../shared/sources';

/** What the inbox shows of one AWS approval: the contract's summary with what would ship. Never a token. */
export type { AwsApprovalSummary };

export interface RegisteredApproval {
  id: string;
  /** Stable over the whole ref: the journal's key for this approval. */
  key: string;
  ref: ApprovalRef;
  location: AwsLocation;
  summary: AwsApprovalSummary;
}

/** Every part of the ref, so another account, region or action run is another approval. */
export function fullApprovalKey(location: AwsLocation, ref: ApprovalRef): string {
  return JSON.stringify([
    location.accountKey,
    location.accountId,
    location.region,
    ref.pipeline,
    ref.stage,
    ref.action,
    ref.pipelineExecutionId,
    ref.actionExecutionId ?? '',
  ]);
}

/** `apv_` and 22 random base64url characters (128 bits): unguessable, meaningless outside this process. */
export function mintApprovalId(): string {
  return `apv_${randomBytes(16).toString('base64url')}`;
}

export class ApprovalRegistry {
  readonly #byId = new Map<string, RegisteredApproval>();
  readonly #idByKey = new Map<string, string>();
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  /**
   * Replaces what one pipeline has waiting: keeps the id of an approval still
   * waiting, mints one for a new approval, and forgets the ids of the rest.
   */
  syncPipeline(location: AwsLocation, pipeline: string, waiting: readonly WaitingApproval[]): void {
    const seen = new Set<string>();
    for (const approval of waiting) {
      if (approval.ref.pipeline !== pipeline) continue;
      const key = fullApprovalKey(location, approval.ref);
      seen.add(key);
      const id = this.#idByKey.get(key) ?? mintApprovalId();
      const previous = this.#byId.get(id);
      const requestedAt = approval.requestedAt ?? previous?.summary.requestedAt ?? this.#now().toISOString();
      this.#idByKey.set(key, id);
      this.#byId.set(id, {
        id,
        key,
        ref: approval.ref,
        location,
        summary: summarize(id, location, approval, requestedAt),
      });
    }
    for (const [id, entry] of this.#byId) {
      if (samePipeline(entry, location, pipeline) && !seen.has(entry.key)) this.#drop(id);
    }
  }

  /** The pipeline is gone (deleted, account removed): none of its approvals wait any more. */
  forgetPipeline(location: AwsLocation, pipeline: string): void {
    this.syncPipeline(location, pipeline, []);
  }

  resolve(id: string): RegisteredApproval | undefined {
    return this.#byId.get(id);
  }

  list(): AwsApprovalSummary[] {
    return [...this.#byId.values()].map((entry) => entry.summary);
  }

  #drop(id: string): void {
    const entry = this.#byId.get(id);
    if (!entry) return;
    this.#byId.delete(id);
    this.#idByKey.delete(entry.key);
  }
}

function samePipeline(entry: RegisteredApproval, location: AwsLocation, pipeline: string): boolean {
  return (
    entry.ref.pipeline === pipeline &&
    entry.location.accountKey === location.accountKey &&
    entry.location.accountId === location.accountId &&
    entry.location.region === location.region
  );
}

function summarize(
  id: string,
  location: AwsLocation,
  approval: WaitingApproval,
  requestedAt: string,
): AwsApprovalSummary {
  const { ref } = approval;
  return {
    approvalId: id,
    provider: 'aws',
    title: `${ref.pipeline} › ${ref.stage} › ${ref.action}`,
    // Projects claim approvals when the lead wires the inbox into the hub.
    projectId: null,
    requestedAt,
    expiresAt: approval.expiresAt ?? null,
    accountId: location.accountId,
    region: location.region,
    pipeline: ref.pipeline,
    stage: ref.stage,
    action: ref.action,
    pipelineExecutionId: ref.pipelineExecutionId,
    ...(approval.customData !== undefined ? { customData: approval.customData } : {}),
    ...(approval.externalEntityLink !== undefined ? { externalEntityLink: approval.externalEntityLink } : {}),
    sourceRevisions: approval.sourceRevisions,
    consoleUrl: approval.consoleUrl,
    submitting: false,
  };
}
