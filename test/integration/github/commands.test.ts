// The writes against the simulator: re-run (all or failed jobs), cancel, and
// approve/reject pending deployments, with GitHub's refusals mapped to
// precise errors: a run no longer waiting (422), a user who may not review
// (403), a re-run since the user looked (P08), a user GitHub says cannot
// approve (P09, nothing sent), only the chosen environments (P10), and a
// lost answer settled by reading the state, never by sending again (G06).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as commands from '../../../src/main/sources/github/commands';
import type { GitHubSource } from '../../../src/main/sources/github/github-source';
import { parseRepoRef, type RepoRef } from '../../../src/main/sources/github/repo-ref';
import { startSourceHarness, statuses, type SourceHarness } from './support';

const backend = 'acme-rockets/mobile-backend';
const storefront = 'acme-rockets/storefront';
const backendRef = parseRepoRef(backend) as RepoRef;
const samToken = 'ghp_samqa0000000000000000000000000000000';
const review = 'actions/review-pending-deployments-for-run';

let h: SourceHarness;
let source: GitHubSource;
beforeEach(async () => {
  h = await startSourceHarness('demo');
  source = h.source();
  h.sim.control.addToken(samToken, 'sam-qa', { member: 'acme-rockets' });
});
afterEach(() => h.sim.close());

const waitingRun = (): number => {
  const run = h.sim.control.runs(backend).find((r) => r.status === 'waiting');
  if (!run) throw new Error('the demo has a waiting run');
  return run.id;
};

async function productionId(): Promise<number> {
  const pending = await source.pendingDeployments(backend, waitingRun());
  if (!pending.ok) throw new Error(pending.error.message);
  return pending.value[0]?.environment.id ?? 0;
}

describe('re-run and cancel', () => {
  it('re-runs a completed run (all jobs, then failed jobs only of a failed run)', async () => {
    const completed = h.sim.control.runs(storefront).find((r) => r.conclusion === 'success');
    const failed = h.sim.control.runs(storefront).find((r) => r.conclusion === 'failure');
    if (!completed || !failed) throw new Error('the demo has finished runs');
    expect(await source.rerun(storefront, completed.id, { failedOnly: false })).toEqual({
      ok: true,
      value: { runId: completed.id },
    });
    expect(h.sim.control.run(storefront, completed.id)).toMatchObject({ runAttempt: 2, status: 'queued' });
    expect(await source.rerun(storefront, failed.id, { failedOnly: true })).toMatchObject({ ok: true });
    expect(h.sim.control.run(storefront, failed.id).runAttempt).toBe(2);
  });

  it('explains why a run cannot be re-run', async () => {
    const running = h.sim.control.runs(storefront).find((r) => r.status !== 'completed');
    const passed = h.sim.control.runs(storefront).find((r) => r.conclusion === 'success');
    if (!running || !passed) throw new Error('the demo has a running and a passed run');
    expect(await source.rerun(storefront, running.id, { failedOnly: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('has not completed yet') as string },
    });
    expect(await source.rerun(storefront, passed.id, { failedOnly: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('no failed jobs') as string },
    });
  });

  it('cancels a running run, and says so when it had already completed', async () => {
    const running = h.sim.control.runs(storefront).find((r) => r.status !== 'completed');
    if (!running) throw new Error('the demo has a running run');
    expect(await source.cancel(storefront, running.id)).toEqual({ ok: true, value: { runId: running.id } });
    expect(h.sim.control.run(storefront, running.id)).toMatchObject({ conclusion: 'cancelled' });
    expect(await source.cancel(storefront, running.id)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already completed') as string },
    });
  });

  it('names the missing permission when the token may not write Actions', async () => {
    h.sim.faults.add({ service: 'github', operation: 'actions/cancel-workflow-run', error: 'access-denied' });
    const running = h.sim.control.runs(storefront).find((r) => r.status !== 'completed');
    expect(await source.cancel(storefront, running?.id ?? 0)).toMatchObject({
      ok: false,
      error: { code: 'access-denied', missingPermission: 'Actions: write' },
    });
  });
});

describe('reviewing pending deployments', () => {
  it('approves the chosen environment with a comment, and the run goes on', async () => {
    const runId = waitingRun();
    const outcome = await source.reviewDeployments(backend, runId, {
      environmentIds: [await productionId()],
      state: 'approved',
      comment: 'Ship it 🚀',
      expectedAttempt: 1,
    });
    expect(outcome).toEqual({
      ok: true,
      value: { runId, state: 'approved', environments: ['production'], confirmedBy: 'answer' },
    });
    expect(h.sim.control.run(backend, runId).waitingFor).toEqual([]);
    expect(statuses(h.sim, review)).toEqual({ 200: 1 });
  });

  it('rejects, and the run completes without deploying', async () => {
    const runId = waitingRun();
    const outcome = await source.reviewDeployments(backend, runId, {
      environmentIds: [await productionId()],
      state: 'rejected',
      comment: 'Not during the sale',
    });
    expect(outcome).toMatchObject({ ok: true, value: { state: 'rejected' } });
    h.sim.clock.advance(60_000);
    expect(h.sim.control.run(backend, runId)).toMatchObject({ status: 'completed' });
  });

  it('maps the 422 of a run that no longer waits to stale-approval', async () => {
    const runId = waitingRun();
    const environmentIds = [await productionId()];
    await source.reviewDeployments(backend, runId, { environmentIds, state: 'approved', comment: 'first' });
    const again = await commands.reviewPendingDeployments(h.client(), backendRef, runId, {
      environmentIds,
      state: 'approved',
      comment: 'second',
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'stale-approval',
        reason: 'not-waiting',
        message: expect.stringContaining('no longer waiting for review') as string,
      },
    });
    expect(statuses(h.sim, review)).toEqual({ 200: 1, 422: 1 });
  });

  it('maps the 403 of a user who is not a required reviewer to a precise access-denied', async () => {
    const runId = waitingRun();
    const environmentIds = [await productionId()];
    const sam = h.client({ token: () => samToken });
    const refused = await commands.reviewPendingDeployments(sam, backendRef, runId, {
      environmentIds,
      state: 'approved',
      comment: 'lgtm',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'access-denied',
        message: expect.stringContaining('not a required reviewer for the production environment') as string,
      },
    });
    expect(statuses(h.sim, review)).toEqual({ 403: 1 });
  });

  it('does not send a review GitHub says the user cannot make (P09)', async () => {
    const runId = waitingRun();
    const environmentIds = [await productionId()];
    const asSam = h.source(h.client({ token: () => samToken }));
    const pending = await asSam.pendingDeployments(backend, runId);
    expect(pending.ok && pending.value[0]?.currentUserCanApprove).toBe(false);
    const refused = await asSam.reviewDeployments(backend, runId, { environmentIds, state: 'approved', comment: '' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'access-denied', reason: 'not-sent', message: expect.stringContaining('production') as string },
    });
    expect(statuses(h.sim, review)).toEqual({});
  });

  it('refuses when the run was re-run since the user looked, or no longer waits there (P08)', async () => {
    const runId = waitingRun();
    const environmentIds = [await productionId()];
    const superseded = await source.reviewDeployments(backend, runId, {
      environmentIds,
      state: 'approved',
      comment: '',
      expectedAttempt: 0,
    });
    expect(superseded).toMatchObject({ ok: false, error: { code: 'stale-approval', reason: 'superseded' } });
    source.watch([backend]);
    const staging = (await source.refreshRepository(backend))?.environments.find(
      (e) => e.environment.name === 'staging',
    );
    const notWaiting = await source.reviewDeployments(backend, runId, {
      environmentIds: [staging?.environment.id ?? 0],
      state: 'approved',
      comment: '',
    });
    expect(notWaiting).toMatchObject({
      ok: false,
      error: {
        code: 'stale-approval',
        reason: 'not-waiting',
        message: expect.stringContaining('production') as string,
      },
    });
    expect(statuses(h.sim, review)).toEqual({});
  });

  it('sends only the environments the user chose (P10)', async () => {
    h.sim.control.addEnvironment(backend, 'eu-production', { reviewers: ['demo-dev'] });
    h.sim.control.addEnvironment(backend, 'us-production', { reviewers: ['demo-dev'] });
    h.sim.clock.advance(2 * 60 * 60_000);
    const runId = h.sim.control.startWorkflowRun({
      repo: backend,
      environments: ['eu-production', 'us-production'],
      parallelEnvironments: true,
      actor: 'maria-ops',
    });
    h.sim.clock.advance(60 * 60_000);
    expect(h.sim.control.run(backend, runId).waitingFor).toEqual(['eu-production', 'us-production']);
    const pending = await source.pendingDeployments(backend, runId);
    const eu = pending.ok ? pending.value.find((p) => p.environment.name === 'eu-production') : undefined;
    const outcome = await source.reviewDeployments(backend, runId, {
      environmentIds: [eu?.environment.id ?? 0],
      state: 'approved',
      comment: 'EU only',
    });
    expect(outcome).toMatchObject({ ok: true, value: { environments: ['eu-production'] } });
    expect(h.sim.control.run(backend, runId).waitingFor).toEqual(['us-production']);
  });

  it('settles a lost answer by reading the run again, never by sending again (G06)', async () => {
    const runId = waitingRun();
    const environmentIds = [await productionId()];
    h.sim.faults.add({ service: 'github', operation: review, error: 'server-error', times: 1 });
    const outcome = await source.reviewDeployments(backend, runId, { environmentIds, state: 'approved', comment: '' });
    expect(outcome).toMatchObject({ ok: true, value: { confirmedBy: 'reread', environments: ['production'] } });
    expect(statuses(h.sim, review)).toEqual({ 502: 1 });

    // The same failure on the bare command says the outcome is unknown.
    h.sim.clock.advance(2 * 60 * 60_000);
    const next = h.sim.control.startWorkflowRun({ repo: backend, environments: ['production'], actor: 'maria-ops' });
    h.sim.clock.advance(60 * 60_000);
    h.sim.faults.add({ service: 'github', operation: review, error: 'connection-reset', times: 1 });
    const raw = await commands.reviewPendingDeployments(h.client(), backendRef, next, {
      environmentIds,
      state: 'approved',
      comment: '',
    });
    expect(raw).toMatchObject({ ok: false, error: { code: 'offline', reason: 'outcome-unknown' } });
    expect(statuses(h.sim, review)).toEqual({ 502: 1, 0: 1 });
  });

  it('refuses a malformed review before sending anything', async () => {
    const runId = waitingRun();
    for (const bad of [
      { environmentIds: [], comment: '' },
      { environmentIds: [1, 1], comment: '' },
      { environmentIds: [0], comment: '' },
      { environmentIds: [1], comment: 'bell\u0007' },
    ]) {
      expect(await source.reviewDeployments(backend, runId, { ...bad, state: 'approved' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(h.sim.requests.records).toHaveLength(0);
  });
});
