// GitHub environment reviews in the one approvals inbox, against both
// simulators through the real clients: the demo's waiting run is listed with
// its project under an opaque id, a double approve sends one review, a forged
// id or a run no longer waiting sends none, and the audit log has the decision.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { GitHubApprovalSummary } from '../../../src/shared/model';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import type { HubEvent } from '../../../src/shared/contract';
import { demoAws } from '../../../src/sim/aws';
import type { Harness as GitHubHarness } from '../../sim/github/harness';
import { type LiveRig, startLiveRig } from './live-rig';

let rig: LiveRig;
let live: LiveWorkspace;
let github: GitHubHarness;
let events: HubEvent[];

beforeEach(async () => {
  rig = await startLiveRig();
  ({ live, github, events } = rig);
});
afterEach(() => rig.close());

const run = (ms: number): Promise<void> => rig.run(ms);

const repo = 'acme-rockets/mobile-backend';
const review = 'actions/review-pending-deployments-for-run';
const reviews = (): number => github.requests.records.filter((r) => r.operation === review).length;

/** Refreshes until the demo's waiting run is in the inbox. */
async function waitingApproval(): Promise<GitHubApprovalSummary> {
  await run(10_000);
  live.refreshNow({});
  await run(5_000);
  const found = live.approvalList().find((a) => a.provider === 'github' && a.repository === repo);
  if (found?.provider !== 'github') throw new Error('the demo has a run waiting for review');
  return found;
}

const decide = (approvalId: string, requestId = randomUUID(), decision: 'approve' | 'reject' = 'approve') =>
  live.decide({ requestId, approvalId, decision, comment: 'Ship it' });

it('lists the demo’s waiting run under an opaque id, with its project and what would ship', async () => {
  const approval = await waitingApproval();
  expect(approval.approvalId).toMatch(/^apv_[A-Za-z0-9_-]{22}$/);
  expect(approval).toMatchObject({
    projectId: demoAws.mobileBackend.project,
    accountKey: 'gh',
    title: expect.stringMatching(/^acme-rockets\/mobile-backend › .+ › production$/) as string,
    environments: [{ name: 'production', canApprove: true }],
    submitting: false,
  });
  expect(approval.headSha).toMatch(/^[0-9a-f]{40}$/);
  const changed = events.filter((e) => e.name === 'approvals.changed');
  expect(changed.at(-1)?.payload).toEqual(
    expect.arrayContaining([expect.objectContaining({ approvalId: approval.approvalId })]),
  );
  // The same attempt waiting keeps its id.
  live.refreshNow({});
  await run(5_000);
  expect(live.approvalList().some((a) => a.approvalId === approval.approvalId)).toBe(true);
});

it('sends one review for a double approve, replays the request, and audits the decision', async () => {
  const approval = await waitingApproval();
  github.requests.reset();
  const requestId = randomUUID();
  const [first, second] = await Promise.all([decide(approval.approvalId, requestId), decide(approval.approvalId)]);
  expect(first).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(second).toEqual({ ok: true, value: { status: 'submitting' } });
  expect(await decide(approval.approvalId, requestId)).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(reviews()).toBe(1);

  const audit = await live.journal.audit.recent(10);
  expect(audit.map((e) => [e.event, e.result])).toEqual([
    ['finished', 'succeeded'],
    ['submitting', 'submitting'],
  ]);
  expect(audit[0]).toMatchObject({
    provider: 'github',
    repository: repo,
    environments: ['production'],
    decision: 'approve',
    comment: 'Ship it',
    who: 'demo-dev',
  });
  // The nudged refresh sees the run moving on: the card leaves the inbox.
  await run(5_000);
  expect(live.approvalList().some((a) => a.approvalId === approval.approvalId)).toBe(false);
});

it('sends nothing for an id it did not mint', async () => {
  await waitingApproval();
  github.requests.reset();
  const result = await decide(`apv_${'A'.repeat(22)}`);
  expect(result).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
  expect(github.requests.records).toEqual([]);
});

it('refuses precisely, sending nothing, when the run no longer waits', async () => {
  const approval = await waitingApproval();
  const runId = github.control.runs(repo).find((r) => r.status === 'waiting')?.id ?? 0;
  expect(github.control.failWorkflowRun(repo, runId)).toBe(true);
  github.requests.reset();
  const result = await decide(approval.approvalId, randomUUID(), 'reject');
  expect(result).toMatchObject({
    ok: false,
    error: {
      code: 'stale-approval',
      reason: 'not-waiting',
      message: expect.stringContaining('no longer waits') as string,
    },
  });
  expect(reviews()).toBe(0);
  const audit = await live.journal.audit.recent(1);
  expect(audit[0]).toMatchObject({ provider: 'github', result: 'rejected', decision: 'reject' });
});

it('reviews only the environments the user picked, and sends nothing for a pick that is not waiting', async () => {
  const approval = await waitingApproval();
  const production = approval.environments[0]?.id ?? 0;
  github.requests.reset();
  const stray = await live.decide({
    requestId: randomUUID(),
    approvalId: approval.approvalId,
    decision: 'approve',
    comment: '',
    environments: [production + 1_000_000],
  });
  expect(stray).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'not-sent' } });
  expect(reviews()).toBe(0);

  const picked = await live.decide({
    requestId: randomUUID(),
    approvalId: approval.approvalId,
    decision: 'approve',
    comment: '',
    environments: [production],
  });
  expect(picked).toEqual({ ok: true, value: { status: 'succeeded' } });
  expect(reviews()).toBe(1);
  expect((await live.journal.audit.recent(1))[0]).toMatchObject({ environments: ['production'] });
});
