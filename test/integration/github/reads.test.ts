// The GitHub source's reads against the demo scenario: repository metadata,
// the default branch's head and commits, open pull requests with review
// state and combined checks, workflows and runs, jobs with steps and
// timings, job logs, environments with what is live where, and runs waiting
// for review with their pending deployments. Then what a refresh re-reads
// when something changes, and how a failed read keeps the last good copy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubSource } from '../../../src/main/sources/github/github-source';
import type { GitHubRepositoryRead } from '../../../src/shared/github';
import { demoToken, startSourceHarness, statuses, type SourceHarness } from './support';

const storefront = 'acme-rockets/storefront';
const backend = 'acme-rockets/mobile-backend';
const docs = 'acme-rockets/docs';

let h: SourceHarness;
let source: GitHubSource;
beforeEach(async () => {
  h = await startSourceHarness('demo');
  source = h.source();
  expect(source.watch([storefront, backend, docs, 'not a repo'])).toEqual(['not a repo']);
});
afterEach(() => h.sim.close());

const find = (views: GitHubRepositoryRead[], name: string): GitHubRepositoryRead => {
  const view = views.find((v) => v.fullName === name);
  if (!view) throw new Error(`no view of ${name}`);
  return view;
};

describe('a first refresh', () => {
  it('reads the repository, its default-branch head and recent commits', async () => {
    const view = find(await source.refresh(), storefront);
    expect(view).toMatchObject({ accountKey: 'github-sim', fetchedAt: h.now().toISOString(), problems: [] });
    expect(view.problem).toBeUndefined();
    expect(view.repository).toMatchObject({ fullName: storefront, defaultBranch: 'main', private: true });
    expect(view.commits).toHaveLength(10);
    const head = await fetch(`${h.sim.url}/repos/${storefront}/branches/main`, {
      headers: { authorization: 'token ghp_x' },
    }).then((r) => r.json() as Promise<{ commit: { sha: string } }>);
    expect(view.commits[0]).toMatchObject({ sha: head.commit.sha, subject: expect.any(String) as string });
    expect(view.commits[0]?.htmlUrl).toContain(`/${storefront}/commit/`);
  });

  it('reads open pull requests with their review state and combined checks', async () => {
    const { pulls } = find(await source.refresh(), storefront);
    const byTitle = Object.fromEntries(pulls.map((p) => [p.title, p]));
    expect(byTitle['Add Apple Pay to checkout']).toMatchObject({
      author: 'jules-frontend',
      review: 'approved',
      checks: { state: 'success', failed: 0, pending: 0 },
    });
    expect(byTitle['Serve product images from CloudFront']).toMatchObject({
      review: 'changes-requested',
      checks: { state: 'failure' },
    });
    // Only a comment so far, and CI still running.
    expect(byTitle['Upgrade to React 19']).toMatchObject({ review: 'review-required', checks: { state: 'pending' } });
    expect(byTitle['Upgrade to React 19']?.checks?.total).toBeGreaterThan(1);
  });

  it('reads workflows and recent runs with status, conclusion, branch, event, actor and timings', async () => {
    const view = find(await source.refresh(), storefront);
    expect(view.workflows).toEqual([expect.objectContaining({ name: 'CI', path: '.github/workflows/ci.yml' })]);
    expect(view.runs).toHaveLength(11);
    const running = view.runs.find((r) => r.status === 'in_progress');
    expect(running).toMatchObject({ event: 'pull_request', branch: 'chore/react-19', actor: 'demo-dev' });
    expect(running?.durationMs).toBeUndefined();
    const failed = view.runs.find((r) => r.conclusion === 'failure' && r.event === 'push');
    expect(failed).toMatchObject({ status: 'completed', branch: 'main', name: 'CI' });
    expect(failed?.durationMs).toBeGreaterThan(0);
    expect(failed?.htmlUrl).toContain(`/${storefront}/actions/runs/${failed?.id}`);
  });

  it('reads environments, the latest deployment with its history, and which commit is live where', async () => {
    const view = find(await source.refresh(), backend);
    const [production, staging] = view.environments;
    expect(production?.environment).toMatchObject({
      name: 'production',
      reviewers: [
        { kind: 'user', name: 'demo-dev' },
        { kind: 'user', name: 'maria-ops' },
      ],
      preventSelfReview: true,
    });
    // Production waits for review of the newest commit; the one before is live there.
    expect(production?.latest).toMatchObject({ sha: view.commits[0]?.sha, state: 'queued' });
    expect(production?.live?.sha).toBe(view.commits[1]?.sha);
    expect(staging?.latest).toMatchObject({ sha: view.commits[0]?.sha, state: 'success' });
    expect(staging?.latest?.statuses.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued']);
    expect(staging?.live?.sha).toBe(view.commits[0]?.sha);
    expect(source.deploymentTargets()).toEqual([{ fullName: backend, environments: ['production', 'staging'] }]);
  });

  it('reads runs waiting for review with their pending deployments', async () => {
    const view = find(await source.refresh(), backend);
    expect(view.waiting).toHaveLength(1);
    const [waiting] = view.waiting;
    expect(waiting?.run).toMatchObject({ status: 'waiting', actor: 'maria-ops' });
    expect(waiting?.pending).toEqual([
      expect.objectContaining({
        environment: { id: view.environments[0]?.environment.id, name: 'production' },
        currentUserCanApprove: true,
        waitTimerMinutes: 0,
      }),
    ]);
    // The docs repository has no environments: it is never asked for waiting runs.
    expect(find(source.repositories, docs).waiting).toEqual([]);
    expect(statuses(h.sim, 'actions/list-workflow-runs-for-repo')).toEqual({ 200: 4 });
  });
});

describe('on-demand reads', () => {
  it('reads a run’s jobs with steps and timings, and a job’s log through the redirect', async () => {
    const view = find(await source.refresh(), storefront);
    const failed = view.runs.find((r) => r.conclusion === 'failure' && r.event === 'push');
    if (!failed) throw new Error('the demo has a failed push run');
    const jobs = await source.jobs(storefront, failed.id);
    if (!jobs.ok) throw new Error(jobs.error.message);
    expect(jobs.value.length).toBeGreaterThan(0);
    const broken = jobs.value.find((j) => j.conclusion === 'failure');
    expect(broken?.steps.length).toBeGreaterThan(0);
    expect(broken?.steps.find((s) => s.conclusion === 'failure')).toMatchObject({ status: 'completed' });
    expect(broken?.durationMs).toBeGreaterThan(0);
    expect(broken?.steps[0]?.durationMs).toBeGreaterThanOrEqual(0);

    const log = await source.jobLog(storefront, broken?.id ?? 0);
    if (!log.ok) throw new Error(log.error.message);
    expect(log.value).toContain('##[error]Process completed with exit code 1.');
    expect(source.counts().logDownloads).toBe(1);
    expect(statuses(h.sim, 'job-log-download')).toEqual({ 200: 1 });

    const missing = await source.jobLog(storefront, 1);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reads older pages of runs, one workflow’s runs, and a run’s pending deployments', async () => {
    const runs = await source.runs(backend, { perPage: 5, pages: 3 });
    expect(runs.ok && runs.value.length).toBe(14);
    const waiting = await source.runs(backend, { perPage: 10, status: 'waiting' });
    if (!waiting.ok) throw new Error(waiting.error.message);
    const pending = await source.pendingDeployments(backend, waiting.value[0]?.id ?? 0);
    expect(pending.ok && pending.value.map((p) => p.environment.name)).toEqual(['production']);
    expect(await source.jobs('nonsense', 1)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('later refreshes', () => {
  it('cost one conditional request per list when idle, all answered 304', async () => {
    await source.refresh();
    h.sim.requests.reset();
    await source.refresh();
    // commits, runs and pulls for each of three repositories, plus waiting runs for mobile-backend.
    expect(statuses(h.sim)).toEqual({ 304: 10 });
  });

  it('re-read the checks of a pull request whose head commit got a new run, and nothing else', async () => {
    await source.refresh();
    h.sim.requests.reset();
    // The clock stands still, so the run already in progress does not move.
    h.sim.control.startWorkflowRun({ repo: storefront, branch: 'feature/apple-pay' });
    const view = find(await source.refresh(), storefront);
    expect(view.pulls.find((p) => p.headRef === 'feature/apple-pay')?.checks?.state).toBe('pending');
    const ops = h.sim.requests.byOperation();
    expect(ops['github.checks/list-for-ref']).toBe(1);
    expect(ops['github.repos/get-combined-status-for-ref']).toBe(1);
    expect(ops['github.pulls/list-reviews']).toBeUndefined();
  });

  it('read the pending deployments of a run that starts waiting, and deployments after runs moved', async () => {
    await source.refresh();
    h.sim.clock.advance(2 * 60 * 60_000);
    const runId = h.sim.control.startWorkflowRun({
      repo: backend,
      environments: ['staging', 'production'],
      actor: 'maria-ops',
    });
    h.sim.clock.advance(60 * 60_000);
    expect(h.sim.control.run(backend, runId).waitingFor).toEqual(['production']);
    const view = find(await source.refresh(), backend);
    expect(view.waiting.map((w) => w.run.id)).toContain(runId);
    expect(view.waiting.find((w) => w.run.id === runId)?.pending[0]?.environment.name).toBe('production');
    expect(view.environments.find((e) => e.environment.name === 'staging')?.live?.sha).toBe(
      view.runs.find((r) => r.id === runId)?.headSha,
    );
  });

  it('keep the last good copy and report the problem when a read fails', async () => {
    const first = find(await source.refresh(), storefront);
    h.sim.clock.advance(60_000);
    h.sim.faults.add({ service: 'github', operation: 'repos/list-commits', error: 'connection-reset' });
    const failed = find(await source.refresh(), storefront);
    expect(failed.problem).toMatchObject({ code: 'offline' });
    expect(failed.fetchedAt).toBe(first.fetchedAt);
    expect(failed.commits).toEqual(first.commits);
    h.sim.faults.clear();
    const healed = find(await source.refresh(), storefront);
    expect(healed.problem).toBeUndefined();
    expect(healed.fetchedAt).toBe(h.now().toISOString());
  });

  it('report a section the token may not read as a lasting gap of that area, not as staleness', async () => {
    const first = find(await source.refresh(), storefront);
    h.sim.clock.advance(60_000);
    h.sim.faults.add({ service: 'github', operation: 'pulls/list', error: 'access-denied' });
    const denied = find(await source.refresh(), storefront);
    expect(denied.problem).toBeUndefined();
    expect(denied.fetchedAt).toBe(h.now().toISOString());
    expect(denied.problems).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        missingPermission: 'Pull requests: read',
        resource: `${storefront} pull requests`,
      }),
    ]);
    // The pull requests are the last good copy; the other lists were read.
    expect(denied.pulls).toEqual(first.pulls);
    // A metadata gap outlives the fast passes that follow it.
    h.sim.faults.clear();
    h.sim.faults.add({ service: 'github', operation: 'repos/get-all-environments', error: 'access-denied' });
    await source.refreshMetadata();
    h.sim.faults.clear();
    const later = find(await source.refresh(), storefront);
    expect(later.problems.map((p) => p.resource)).toEqual([`${storefront} environments`]);
  });

  it('report a per-item problem for one pull request without losing the others', async () => {
    h.sim.faults.add({ service: 'github', operation: 'pulls/list-reviews', error: 'access-denied', times: 1 });
    const view = find(await source.refresh(), storefront);
    expect(view.problem).toBeUndefined();
    expect(view.problems).toEqual([
      expect.objectContaining({ code: 'access-denied', missingPermission: 'Pull requests: read' }),
    ]);
    expect(view.pulls.filter((p) => p.review !== undefined)).toHaveLength(2);
    // The next refresh retries only what failed.
    h.sim.requests.reset();
    const healed = find(await source.refresh(), storefront);
    expect(healed.pulls.every((p) => p.review !== undefined)).toBe(true);
    expect(h.sim.requests.byOperation()['github.pulls/list-reviews']).toBe(1);
  });

  it('show a 404 repository as not-found and keep the others', async () => {
    source.watch([storefront, 'acme-rockets/gone']);
    const views = await source.refresh();
    expect(find(views, 'acme-rockets/gone').problem).toMatchObject({
      code: 'not-found',
      resource: 'acme-rockets/gone',
    });
    expect(find(views, storefront).problem).toBeUndefined();
    expect(source.watched).toEqual([storefront, 'acme-rockets/gone']);
    // Until the repository answers, its lists are not asked for.
    expect(h.sim.requests.count({ operation: 'pulls/list', status: 404 })).toBe(0);
  });
});

describe('the token', () => {
  it('appears in no view, result or problem the source hands out', async () => {
    h.sim.faults.add({ service: 'github', operation: 'pulls/list-reviews', error: 'access-denied', times: 1 });
    const views = await source.refresh();
    const results = [
      await source.jobs(storefront, 1),
      await source.jobLog(backend, 1),
      await source.pendingDeployments(backend, 1),
      await source.rerun(storefront, 1, { failedOnly: false }),
      await source.reviewDeployments(backend, 1, { environmentIds: [1], state: 'approved', comment: '' }),
    ];
    const text = JSON.stringify([views, results, source.rateLimit(), source.counts(), source.deploymentTargets()]);
    expect(text).toContain('access-denied');
    expect(text).not.toContain(demoToken);
  });
});

describe('the slow timer', () => {
  it('re-reads metadata conditionally, and has the next fast pass re-check checks and pending deployments', async () => {
    await source.refresh();
    h.sim.requests.reset();
    await source.refreshMetadata();
    expect(Object.keys(statuses(h.sim))).toEqual(['304']);
    h.sim.requests.reset();
    await source.refresh();
    const ops = h.sim.requests.byOperation();
    expect(ops['github.checks/list-for-ref']).toBe(3);
    expect(ops['github.actions/get-pending-deployments-for-run']).toBe(1);
    expect(Object.keys(statuses(h.sim))).toEqual(['304']);
  });
});
