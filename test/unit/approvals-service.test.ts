// The AWS approvals service without AWS: a recording stand-in for the
// PipelineSource seam, a journal in a temp folder, and a restart simulated by
// opening the same folder again.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsApprovals } from '../../src/main/hub/approvals/aws-approvals';
import { ApprovalJournal, auditFileName, journalFileName } from '../../src/main/hub/approvals/journal';
import { ApprovalRegistry, fullApprovalKey } from '../../src/main/hub/approvals/registry';
import type { PipelineSource } from '../../src/main/sources/aws/codepipeline/pipeline-source';
import type { ApprovalOutcome, ApprovalRef, PipelineDetail, WaitingApproval } from '../../src/shared/pipelines';
import type { AwsLocation } from '../../src/shared/sources';

const location: AwsLocation = { accountKey: 'work', accountId: '111122223333', region: 'eu-west-1' };
const me = 'arn:aws:iam::111122223333:user/me';
const ref: ApprovalRef = {
  pipeline: 'storefront',
  stage: 'Approve',
  action: 'Manual',
  pipelineExecutionId: 'exec-1',
  actionExecutionId: 'act-1',
};
const waiting: WaitingApproval = {
  ref,
  location,
  customData: 'Check staging',
  requestedAt: '2025-01-01T10:00:00.000Z',
  expiresAt: '2025-01-08T10:00:00.000Z',
  sourceRevisions: [],
  consoleUrl: 'https://console.aws.amazon.com/codesuite/codepipeline/pipelines/storefront/view',
};

/** The source seam: records every decision and answers with `outcome` once `release` is called. */
class FakeSource {
  calls: { ref: ApprovalRef; decision: string; summary: string; callerArn: string }[] = [];
  outcome: ApprovalOutcome = { ok: true, value: { decision: 'approve', reconciled: false } };
  detail: PipelineDetail | undefined;
  stateReads = 0;

  decideApproval(r: ApprovalRef, decision: string, summary: string, callerArn: string): Promise<ApprovalOutcome> {
    this.calls.push({ ref: r, decision, summary, callerArn });
    return Promise.resolve(this.outcome);
  }

  state(): Promise<{ ok: true; value: PipelineDetail } | { ok: false; error: { code: 'offline'; message: string } }> {
    this.stateReads += 1;
    return Promise.resolve(
      this.detail ? { ok: true, value: this.detail } : { ok: false, error: { code: 'offline', message: 'down' } },
    );
  }
}

let dir: string;
let fake: FakeSource;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-approvals-'));
  fake = new FakeSource();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function service(journal = new ApprovalJournal(dir)) {
  const registry = new ApprovalRegistry();
  registry.syncPipeline(location, ref.pipeline, [waiting]);
  const approvals = new AwsApprovals({
    registry,
    journal,
    source: () => fake as unknown as PipelineSource,
    callerArn: () => Promise.resolve(me),
  });
  const id = registry.list()[0]?.approvalId ?? '';
  return { registry, journal, approvals, id };
}

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('registry', () => {
  it('mints an opaque id per waiting approval, keeps it while waiting and drops it when gone', () => {
    const { registry, id } = service();
    expect(id).toMatch(/^apv_[A-Za-z0-9_-]{22,}$/);
    expect(registry.list()).toEqual([
      expect.objectContaining({
        approvalId: id,
        provider: 'aws',
        projectId: null,
        requestedAt: waiting.requestedAt,
        expiresAt: waiting.expiresAt,
        customData: 'Check staging',
      }),
    ]);
    expect(JSON.stringify(registry.list())).not.toContain('act-1');
    registry.syncPipeline(location, ref.pipeline, [waiting]);
    expect(registry.list()[0]?.approvalId).toBe(id);
    // The same approval in another region is another approval.
    registry.syncPipeline({ ...location, region: 'us-east-1' }, ref.pipeline, [waiting]);
    expect(new Set(registry.list().map((s) => s.approvalId)).size).toBe(2);
    registry.syncPipeline(location, ref.pipeline, []);
    expect(registry.resolve(id)).toBeUndefined();
    expect(registry.list()).toHaveLength(1);
  });
});

describe('deciding', () => {
  it('refuses an id main never minted without calling the source (S07)', async () => {
    const { approvals } = service();
    const result = await approvals.decide({
      requestId: requestId(1),
      approvalId: 'apv_AAAAAAAAAAAAAAAAAAAAAA',
      decision: 'approve',
      comment: '',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses control characters and over-long comments before anything is journaled (P07)', async () => {
    const { approvals, id, journal } = service();
    const bell = await approvals.decide({
      requestId: requestId(1),
      approvalId: id,
      decision: 'reject',
      comment: 'a\u0007',
    });
    const long = await approvals.decide({
      requestId: requestId(2),
      approvalId: id,
      decision: 'reject',
      comment: 'x'.repeat(513),
    });
    expect(bell).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(journal.get(requestId(1))).toBeUndefined();
    expect(fake.calls).toHaveLength(0);
  });

  it('treats the same requestId twice as one decision', async () => {
    const { approvals, id } = service();
    const input = { requestId: requestId(1), approvalId: id, decision: 'approve' as const, comment: 'Ship it' };
    expect(approvals.list().map((a) => a.approvalId)).toEqual([id]);
    expect(await approvals.decide(input)).toEqual({ ok: true, value: { status: 'succeeded' } });
    // Decided: no longer offered (tray, inbox, notification) though the state was not read again yet.
    expect(approvals.list()).toEqual([]);
    expect(await approvals.decide(input)).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(fake.calls).toHaveLength(1);
    const reused = await approvals.decide({ ...input, decision: 'reject' });
    expect(reused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(fake.calls).toHaveLength(1);
  });

  it('sends one decision when two surfaces decide at once; the other only sees progress (P01)', async () => {
    const { approvals, id } = service();
    const [window, tray] = await Promise.all([
      approvals.decide({ requestId: requestId(1), approvalId: id, decision: 'approve', comment: 'Ship it' }),
      approvals.decide({ requestId: requestId(2), approvalId: id, decision: 'reject', comment: 'Hold' }),
    ]);
    expect(window).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(tray).toEqual({ ok: true, value: { status: 'submitting' } });
    expect(fake.calls).toEqual([{ ref, decision: 'approve', summary: 'Ship it', callerArn: me }]);
  });

  it('passes a stale or conflicting outcome through with its reason and records it as not applied', async () => {
    const { approvals, id, journal } = service();
    fake.outcome = {
      ok: false,
      error: { code: 'conflict', reason: 'decided', message: 'already approved by maya', decidedBy: 'maya' },
    };
    const result = await approvals.decide({ requestId: requestId(1), approvalId: id, decision: 'reject', comment: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'decided', decidedBy: 'maya' } });
    expect(journal.get(requestId(1))?.status).toBe('rejected');
  });

  it('reports an ambiguous failure as unknown and never sends it again', async () => {
    const { approvals, id, journal } = service();
    fake.outcome = { ok: false, error: { code: 'offline', reason: 'outcome-unknown', message: 'lost' } };
    const input = { requestId: requestId(1), approvalId: id, decision: 'approve' as const, comment: '' };
    expect(await approvals.decide(input)).toMatchObject({ ok: false, error: { reason: 'outcome-unknown' } });
    expect(await approvals.decide(input)).toMatchObject({ ok: false, error: { reason: 'outcome-unknown' } });
    expect(journal.get(requestId(1))?.status).toBe('unknown');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('journal and audit log', () => {
  it('persists owner-only and replays a finished decision after a restart', async () => {
    const { approvals, id } = service();
    await approvals.decide({ requestId: requestId(1), approvalId: id, decision: 'reject', comment: 'No 🚀' });
    if (process.platform !== 'win32') expect(statSync(join(dir, journalFileName)).mode & 0o777).toBe(0o600);
    if (process.platform !== 'win32') expect(statSync(join(dir, auditFileName)).mode & 0o777).toBe(0o600);

    const restarted = service(new ApprovalJournal(dir));
    const again = await restarted.approvals.decide({
      requestId: requestId(1),
      approvalId: id,
      decision: 'reject',
      comment: 'No 🚀',
    });
    expect(again).toEqual({ ok: true, value: { status: 'rejected' } });
    expect(fake.calls).toHaveLength(1);
  });

  it('writes who, what, when and the result for every decision', async () => {
    const { approvals, id, journal } = service();
    await approvals.decide({ requestId: requestId(1), approvalId: id, decision: 'approve', comment: 'Ship it' });
    const lines = await journal.audit.read();
    expect(lines.map((l) => [l.event, l.result])).toEqual([
      ['submitting', 'submitting'],
      ['finished', 'succeeded'],
    ]);
    expect(lines[1]).toMatchObject({
      requestId: requestId(1),
      approvalId: id,
      who: me,
      accountId: location.accountId,
      region: location.region,
      pipeline: 'storefront',
      stage: 'Approve',
      action: 'Manual',
      pipelineExecutionId: 'exec-1',
      actionExecutionId: 'act-1',
      decision: 'approve',
      comment: 'Ship it',
      response: { reconciled: false },
    });
    expect(Date.parse(lines[1]?.at ?? '')).not.toBeNaN();
  });
});

describe('restart reconciliation (R02)', () => {
  /** A journal as a killed main leaves it: the decision on disk as submitting. */
  async function killedMidSubmission(): Promise<string> {
    const { journal, id } = service();
    const { saved } = journal.begin({
      requestId: requestId(1),
      approvalId: id,
      key: fullApprovalKey(location, ref),
      location,
      ref,
      decision: 'approve',
      comment: 'Ship it',
    });
    await saved;
    await journal.submitting(requestId(1), me);
    return id;
  }

  function stateWith(action: Partial<PipelineDetail['stages'][number]['actions'][number]>, stillWaiting = false) {
    fake.detail = {
      name: ref.pipeline,
      location,
      fetchedAt: '2025-01-01T11:00:00.000Z',
      definitionOutdated: false,
      consoleUrl: waiting.consoleUrl,
      stages: [
        {
          name: ref.stage,
          latestExecution: { pipelineExecutionId: ref.pipelineExecutionId },
          inboundExecutions: [],
          actions: [{ name: ref.action, configuration: {}, actionExecutionId: 'act-1', ...action }],
        },
      ],
      waitingApprovals: stillWaiting ? [waiting] : [],
    };
  }

  it('blocks the approval until the state is read, then confirms our own decision', async () => {
    await killedMidSubmission();
    const { approvals, id, journal } = service(new ApprovalJournal(dir));
    expect(approvals.list()[0]?.submitting).toBe(true);
    expect(
      await approvals.decide({ requestId: requestId(2), approvalId: id, decision: 'approve', comment: '' }),
    ).toEqual({ ok: true, value: { status: 'submitting' } });

    // The state cannot be read yet: the entry stays submitting.
    expect(await approvals.reconcile()).toEqual([]);
    expect(journal.get(requestId(1))?.status).toBe('submitting');

    stateWith({ status: 'Succeeded', lastUpdatedBy: me });
    const settled = await approvals.reconcile();
    expect(settled.map((e) => e.status)).toEqual(['succeeded']);
    expect(fake.calls).toHaveLength(0);
    // Decided: it leaves the list at once, before the registry reads the state again.
    expect(approvals.list()).toEqual([]);
    const audit = await journal.audit.read();
    expect(audit.at(-1)).toMatchObject({ event: 'reconciled', result: 'succeeded', response: { reconciled: true } });
  });

  it('says nothing was applied when the approval still waits, and lets the user decide again', async () => {
    await killedMidSubmission();
    const { approvals, id, journal } = service(new ApprovalJournal(dir));
    stateWith({ status: 'InProgress' }, true);
    await approvals.reconcile();
    expect(journal.get(requestId(1))).toMatchObject({ status: 'rejected', response: { reason: 'interrupted' } });
    const again = await approvals.decide({ requestId: requestId(2), approvalId: id, decision: 'approve', comment: '' });
    expect(again).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(fake.calls).toHaveLength(1);
  });

  it('reports who decided when someone else answered meanwhile', async () => {
    await killedMidSubmission();
    const { approvals, journal } = service(new ApprovalJournal(dir));
    stateWith({ status: 'Failed', lastUpdatedBy: 'arn:aws:iam::111122223333:user/maya', summary: 'No' });
    await approvals.reconcile();
    expect(journal.get(requestId(1))).toMatchObject({
      status: 'rejected',
      response: { code: 'conflict', decidedBy: 'arn:aws:iam::111122223333:user/maya', decidedSummary: 'No' },
    });
  });
});
