// How the Approvals page words an approval and a failed decision: pure
// functions of their input and of "now" (RELIABILITY P02, P03, P04, P06, P07).
import { describe, expect, it } from 'vitest';
import {
  auditResult,
  cleanComment,
  firstLine,
  formatDuration,
  linkHref,
  principalLabel,
  shortRevision,
  timeAgo,
  timeLeft,
} from '../../src/renderer/src/components/approvals/approval-text';
import { decisionErrorText, retryKind } from '../../src/renderer/src/components/approvals/decision-errors';
import type { ApprovalAuditEntry } from '../../src/shared/approvals';
import { approvalCommentSchema } from '../../src/shared/model';
import { type ContractError, decisionFailureReasons } from '../../src/shared/result';

const now = new Date('2025-01-01T12:00:00.000Z');
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('time left until the approval expires (P06)', () => {
  it.each([
    [7 * day - minute, '6 d 23 h left', 'ok'],
    [2 * day, '2 d left', 'ok'],
    [5 * hour + 12 * minute, '5 h 12 min left', 'soon'],
    [3 * hour, '3 h left', 'soon'],
    [12 * minute + 30_000, '12 min left', 'soon'],
    [20_000, 'less than a minute left', 'soon'],
    [0, 'expired', 'expired'],
    [-hour, 'expired', 'expired'],
  ])('%d ms before expiry reads "%s"', (ms, text, urgency) => {
    expect(timeLeft(at(ms), at(-hour), now)).toEqual({ text, urgency, estimated: false });
  });

  it('falls back to CodePipeline’s 7-day default from the request time, said as an estimate', () => {
    expect(timeLeft(null, at(-day), now)).toEqual({ text: 'about 6 d left', urgency: 'ok', estimated: true });
    expect(timeLeft(null, at(-8 * day), now).urgency).toBe('expired');
  });

  it('says so when no time is known or a time does not parse', () => {
    expect(timeLeft(null, null, now)).toEqual({ text: 'expiry unknown', urgency: 'unknown', estimated: true });
    expect(timeLeft('not a date', null, now).urgency).toBe('unknown');
  });

  it('words durations and ages in their largest units', () => {
    expect(formatDuration(90 * minute)).toBe('1 h 30 min');
    expect(formatDuration(day + 5 * minute)).toBe('1 d');
    expect(timeAgo(at(-50 * minute), now)).toBe('50 min ago');
    expect(timeAgo(at(-(2 * hour + 5 * minute)), now)).toBe('2 h ago');
    expect(timeAgo(at(-10_000), now)).toBe('just now');
    expect(timeAgo('garbage', now)).toBe('at an unknown time');
  });
});

describe('what would ship', () => {
  it('shortens commit ids, image digests and other revision ids', () => {
    expect(shortRevision('9785da15a707d8fbc8068b992a2686b50bc4dc9b')).toBe('9785da1');
    expect(shortRevision(`sha256:${'ab'.repeat(32)}`)).toBe(`sha256:${'ab'.repeat(6)}`);
    expect(shortRevision('845141f8-8035-476c-9a33-856fbfa448ad')).toBe('845141f8-803…');
    expect(shortRevision('v12')).toBe('v12');
  });

  it('keeps the first non-empty line of a commit message, bounded', () => {
    expect(firstLine('\n  Add the checkout page  \n\nWith tests.')).toBe('Add the checkout page');
    expect(firstLine('x'.repeat(300))).toHaveLength(100);
    expect(firstLine('')).toBe('');
  });

  it('names people rather than ARNs', () => {
    expect(principalLabel('arn:aws:iam::111122223333:user/maya')).toBe('maya');
    expect(principalLabel('arn:aws:iam::111122223333:user/team/maya')).toBe('maya');
    expect(principalLabel('arn:aws:sts::111122223333:assumed-role/Deployer/maya@acme')).toBe('maya@acme via Deployer');
    expect(principalLabel('arn:aws:iam::111122223333:root')).toBe('the account’s root user');
    expect(principalLabel('someone')).toBe('someone');
  });

  it('makes only http(s) URLs into links (S11)', () => {
    expect(linkHref('https://staging.storefront.example')).toBe('https://staging.storefront.example/');
    for (const raw of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'see the wiki', '']) {
      expect(linkHref(raw)).toBeUndefined();
    }
    expect(linkHref(undefined)).toBeUndefined();
  });
});

describe('the comment (P07)', () => {
  it('drops control characters, keeps newlines, tabs and unicode, and then passes the contract', () => {
    const cleaned = cleanComment('Ship\u0007 it 🚀\tנא\n\u009Bnow\u0000');
    expect(cleaned).toBe('Ship it 🚀\tנא\nnow');
    expect(approvalCommentSchema.safeParse(cleaned).success).toBe(true);
  });
});

describe('why a decision was not applied', () => {
  const error = (extra: Partial<ContractError>): ContractError => ({
    code: 'stale-approval',
    message: 'from main',
    ...extra,
  });

  it('names who decided first, how, and what they wrote (P03)', () => {
    const text = decisionErrorText(
      error({
        code: 'conflict',
        reason: 'decided',
        decidedBy: 'arn:aws:iam::111122223333:user/maya',
        decidedStatus: 'Succeeded',
        decidedSummary: 'LGTM',
      }),
    );
    expect(text.message).toBe(
      'This approval was already approved by maya. Their comment: “LGTM”. Your decision was not sent.',
    );
    expect(decisionErrorText(error({ reason: 'decided', decidedStatus: 'Failed' })).message).toMatch(
      /already rejected elsewhere/,
    );
  });

  it('names the execution that superseded the reviewed one (P02)', () => {
    const text = decisionErrorText(
      error({ reason: 'superseded', currentExecutionId: '845141f8-8035-476c-9a33-856fbfa448ad' }),
    );
    expect(text.message).toMatch(/superseded by execution 845141f8-803…/);
    expect(decisionErrorText(error({ reason: 'superseded' })).message).toMatch(/newer execution/);
  });

  it('says an expired approval expired (P06)', () => {
    expect(decisionErrorText(error({ reason: 'expired' })).message).toMatch(/expired/);
  });

  it('sends the user to the console when the outcome is unknown, and offers no resend (P04)', () => {
    const unknown = error({ code: 'offline', reason: 'outcome-unknown' });
    const text = decisionErrorText(unknown);
    expect(text.message).toMatch(/outcome is unknown.*Check the approval in the AWS console/);
    expect(text.checkConsole).toBe(true);
    expect(retryKind(unknown)).toBe('none');
  });

  it('names the missing IAM action for access denied', () => {
    const denied = error({ code: 'access-denied', reason: 'request-failed' });
    expect(decisionErrorText(denied).message).toMatch(/lacks the IAM permission codepipeline:PutApprovalResult/);
    const read = error({
      code: 'access-denied',
      reason: 'request-failed',
      missingPermission: 'codepipeline:GetPipelineState',
    });
    expect(decisionErrorText(read).message).toMatch(/codepipeline:GetPipelineState/);
    expect(retryKind(denied)).toBe('new-request');
  });

  it('says when to try again after throttling', () => {
    const throttled = error({ code: 'throttled', reason: 'request-failed', retryAt: at(30_000) });
    expect(decisionErrorText(throttled, now).message).toMatch(/Try again in less than a minute/);
    const later = error({ code: 'throttled', reason: 'request-failed', retryAt: at(5 * minute) });
    expect(decisionErrorText(later, now).message).toMatch(/Try again in 5 min/);
  });

  it('has a sentence of its own for every reason main can give (request-failed goes by its code)', () => {
    const reasons = decisionFailureReasons.filter((reason) => reason !== 'request-failed');
    const messages = reasons.map((reason) => decisionErrorText(error({ reason })).message);
    for (const message of messages) expect(message).not.toBe('from main');
  });

  it('retries a lost answer with the same request, and nothing main refused for good', () => {
    expect(retryKind({ code: 'offline', message: 'server not answering' })).toBe('same-request');
    expect(retryKind({ code: 'internal', message: 'boom' })).toBe('same-request');
    expect(retryKind({ code: 'unknown-approval', message: 'gone' })).toBe('none');
    expect(retryKind(error({ code: 'credentials-expired', reason: 'not-sent' }))).toBe('new-request');
    for (const reason of ['decided', 'superseded', 'expired', 'stopped', 'not-waiting', 'ambiguous'] as const) {
      expect(retryKind(error({ reason }))).toBe('none');
    }
  });

  it('passes through what the window cannot improve on', () => {
    expect(decisionErrorText({ code: 'invalid-input', message: 'This request id was already used.' }).message).toBe(
      'This request id was already used.',
    );
    expect(decisionErrorText({ code: 'unknown-approval', message: 'x' }).message).toMatch(/no longer knows/);
  });
});

describe('the audit log', () => {
  const entry: ApprovalAuditEntry = {
    at: at(0),
    event: 'finished',
    requestId: 'r',
    approvalId: 'apv_x',
    accountId: '111122223333',
    region: 'us-east-1',
    pipeline: 'storefront-pipeline',
    stage: 'Approval',
    action: 'ApproveProduction',
    pipelineExecutionId: 'exec',
    decision: 'approve',
    comment: '',
    result: 'succeeded',
  };

  it('says whether the decision was applied and why not', () => {
    expect(auditResult(entry)).toBe('Applied');
    expect(auditResult({ ...entry, response: { reconciled: true } })).toBe('Applied (confirmed from the pipeline)');
    expect(
      auditResult({ ...entry, result: 'rejected', response: { reason: 'expired', message: 'This approval expired.' } }),
    ).toBe('Not applied: This approval expired.');
    expect(auditResult({ ...entry, event: 'submitting', result: 'submitting' })).toBe('Sending');
  });
});
