// The approvals.* handlers over a real registry, journal and audit log in a
// temp folder, with a recording stand-in for the PipelineSource seam.
import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLine } from '../../src/main/hub/approvals/audit';
import { AwsApprovals } from '../../src/main/hub/approvals/aws-approvals';
import { approvalHandlers } from '../../src/main/hub/approvals/handlers';
import { ApprovalJournal } from '../../src/main/hub/approvals/journal';
import { ApprovalRegistry } from '../../src/main/hub/approvals/registry';
import type { PipelineSource } from '../../src/main/sources/aws/codepipeline/pipeline-source';
import { approvalAuditEntrySchema, maxAuditEntries } from '../../src/shared/approvals';
import { approvalSummarySchema } from '../../src/shared/model';
import type { ApprovalOutcome, ApprovalRef, WaitingApproval } from '../../src/shared/pipelines';
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
  customData: 'Check staging first',
  externalEntityLink: 'https://github.com/acme/storefront/pull/42',
  requestedAt: '2025-01-01T10:00:00.000Z',
  expiresAt: '2025-01-08T10:00:00.000Z',
  sourceRevisions: [
    {
      actionName: 'Source',
      revisionId: '0123456789abcdef0123456789abcdef01234567',
      commitMessage: 'Add the checkout page\n\nWith tests.',
      author: { name: 'Maya', email: 'maya@example.com' },
    },
  ],
  consoleUrl: 'https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/storefront/view',
};

class FakeSource {
  calls = 0;
  outcome: ApprovalOutcome = { ok: true, value: { decision: 'approve', reconciled: false } };
  decideApproval(): Promise<ApprovalOutcome> {
    this.calls += 1;
    return Promise.resolve(this.outcome);
  }
}

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let dir: string;
let fake: FakeSource;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-approval-handlers-'));
  fake = new FakeSource();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function wired() {
  const registry = new ApprovalRegistry();
  registry.syncPipeline(location, ref.pipeline, [waiting]);
  const journal = new ApprovalJournal(dir);
  const service = new AwsApprovals({
    registry,
    journal,
    source: () => fake as unknown as PipelineSource,
    callerArn: () => Promise.resolve(me),
  });
  const handlers = approvalHandlers({ service: () => service, audit: () => journal.audit });
  return { handlers, journal, id: registry.list()[0]?.approvalId ?? '' };
}

describe('before any AWS account exists', () => {
  const handlers = approvalHandlers({ service: () => undefined, audit: () => undefined });

  it('lists nothing waiting and an empty audit log', async () => {
    expect(await handlers.queries['approvals.list']({})).toEqual({ ok: true, value: [] });
    expect(await handlers.queries['approvals.audit']({})).toEqual({ ok: true, value: [] });
  });

  it('refuses a decision as an unknown approval and calls no provider (S07)', async () => {
    const result = await handlers.commands['approvals.decide']({
      requestId: requestId(1),
      approvalId: 'apv_AAAAAAAAAAAAAAAAAAAAAA',
      decision: 'approve',
      comment: '',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
    expect(fake.calls).toBe(0);
  });
});

describe('with the approvals service', () => {
  it('lists each waiting approval with what would ship, as the contract schema describes it', async () => {
    const { handlers, id } = wired();
    const listed = await handlers.queries['approvals.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toEqual([
      {
        approvalId: id,
        provider: 'aws',
        title: 'storefront › Approve › Manual',
        projectId: null,
        requestedAt: waiting.requestedAt,
        expiresAt: waiting.expiresAt,
        accountId: location.accountId,
        region: location.region,
        pipeline: 'storefront',
        stage: 'Approve',
        action: 'Manual',
        pipelineExecutionId: 'exec-1',
        customData: 'Check staging first',
        externalEntityLink: waiting.externalEntityLink,
        sourceRevisions: waiting.sourceRevisions,
        consoleUrl: waiting.consoleUrl,
        submitting: false,
      },
    ]);
    // Exactly an instance of the contract's schema: parsing it changes nothing.
    expect(listed.value.map((s) => approvalSummarySchema.parse(s))).toEqual(listed.value);
    expect(JSON.stringify(listed.value)).not.toContain('act-1');
  });

  it('decides through the service once per requestId, and the audit log shows it newest first', async () => {
    const { handlers, id } = wired();
    const input = { requestId: requestId(1), approvalId: id, decision: 'approve' as const, comment: 'Ship it' };
    expect(await handlers.commands['approvals.decide'](input)).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(await handlers.commands['approvals.decide'](input)).toEqual({ ok: true, value: { status: 'succeeded' } });
    expect(fake.calls).toBe(1);

    const audit = await handlers.queries['approvals.audit']({});
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value.map((e) => [e.event, e.result])).toEqual([
      ['finished', 'succeeded'],
      ['submitting', 'submitting'],
    ]);
    expect(audit.value[0]).toMatchObject({ who: me, pipeline: 'storefront', stage: 'Approve', comment: 'Ship it' });
    for (const entry of audit.value) expect(approvalAuditEntrySchema.parse(entry)).toEqual(entry);
  });

  it('passes the failure reason and its details through for the window to explain', async () => {
    const { handlers, id } = wired();
    fake.outcome = {
      ok: false,
      error: {
        code: 'conflict',
        reason: 'decided',
        message: 'This approval was already approved by maya.',
        decidedBy: 'arn:aws:iam::111122223333:user/maya',
        decidedStatus: 'Succeeded',
      },
    };
    const input = { requestId: requestId(1), approvalId: id, decision: 'reject' as const, comment: 'Hold' };
    const expected = {
      ok: false,
      error: { code: 'conflict', reason: 'decided', decidedBy: 'arn:aws:iam::111122223333:user/maya' },
    };
    expect(await handlers.commands['approvals.decide'](input)).toMatchObject(expected);
    // A retry of the same request replays the recorded answer, details included.
    expect(await handlers.commands['approvals.decide'](input)).toMatchObject(expected);
    expect(fake.calls).toBe(1);
  });

  it('answers the latest 500 audit entries, newest first, and skips lines that do not parse', async () => {
    const { handlers, journal } = wired();
    const line = (n: number): AuditLine => ({
      at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
      event: 'finished',
      requestId: requestId(n),
      approvalId: 'apv_AAAAAAAAAAAAAAAAAAAAAA',
      accountId: location.accountId,
      region: location.region,
      pipeline: 'storefront',
      stage: 'Approve',
      action: 'Manual',
      pipelineExecutionId: 'exec-1',
      decision: 'approve',
      comment: '',
      result: 'succeeded',
    });
    for (let n = 1; n <= maxAuditEntries + 20; n += 1) await journal.audit.append(line(n));
    await appendFile(journal.audit.path, '{"cut short by a crash\n42\n{"at":"x"}\n');

    const audit = await handlers.queries['approvals.audit']({});
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value).toHaveLength(maxAuditEntries);
    expect(audit.value[0]?.requestId).toBe(requestId(maxAuditEntries + 20));
    expect(audit.value.at(-1)?.requestId).toBe(requestId(21));
  });
});
