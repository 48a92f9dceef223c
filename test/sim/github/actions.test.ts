// Actions through the real Octokit: runs progress with the simulated clock,
// jobs and steps carry timings, logs download through a 302, re-runs make a
// new attempt, cancel and forced failures finish runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startHarness, type Harness } from './harness';

const storefront = { owner: 'acme-rockets', repo: 'storefront' };
let sim: Harness;
beforeEach(async () => {
  sim = await startHarness('demo');
});
afterEach(() => sim.close());

const minute = 60_000;

describe('a workflow run over time', () => {
  it('goes queued -> in_progress -> completed, with jobs and steps timed', async () => {
    const octokit = sim.octokit();
    const runId = sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront', workflow: 'ci.yml' });
    const status = async (): Promise<string | null> =>
      (await octokit.rest.actions.getWorkflowRun({ ...storefront, run_id: runId })).data.status;
    expect(await status()).toBe('queued');
    sim.clock.advance(minute);
    expect(await status()).toBe('in_progress');
    const { data: running } = await octokit.rest.actions.listJobsForWorkflowRun({ ...storefront, run_id: runId });
    expect(running.jobs.map((j) => j.name)).toEqual(['lint', 'unit-tests']);
    sim.clock.advance(60 * minute);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...storefront, run_id: runId });
    expect([run.status, run.conclusion, run.run_attempt]).toEqual(['completed', 'success', 1]);
    const { data } = await octokit.rest.actions.listJobsForWorkflowRun({ ...storefront, run_id: runId });
    expect(data.jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ['lint', 'success'],
      ['unit-tests', 'success'],
      ['integration', 'success'],
    ]);
    for (const job of data.jobs) {
      expect(job.steps?.length).toBe(5);
      for (const step of job.steps ?? [])
        expect(Date.parse(step.completed_at ?? '')).toBeGreaterThanOrEqual(Date.parse(step.started_at ?? ''));
      expect(Date.parse(job.completed_at ?? '')).toBeGreaterThan(Date.parse(job.started_at));
    }
  });

  it('fails on demand: the running job fails, later jobs are skipped', async () => {
    const octokit = sim.octokit();
    const runId = sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    sim.clock.advance(minute);
    expect(sim.control.failWorkflowRun('acme-rockets/storefront', runId)).toBe(true);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...storefront, run_id: runId });
    expect([run.status, run.conclusion]).toEqual(['completed', 'failure']);
    const { data } = await octokit.rest.actions.listJobsForWorkflowRun({ ...storefront, run_id: runId });
    expect(data.jobs.map((j) => j.conclusion)).toEqual(['failure', 'failure', 'skipped']);
  });

  it('filters runs by status, branch and event, repo-wide and per workflow', async () => {
    const octokit = sim.octokit();
    const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, storefront);
    const prs = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, {
      ...storefront,
      event: 'pull_request',
    });
    const failed = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, {
      ...storefront,
      status: 'failure',
    });
    const running = await octokit.paginate(octokit.rest.actions.listWorkflowRuns, {
      ...storefront,
      workflow_id: 'ci.yml',
      status: 'in_progress',
    });
    const main = await octokit.paginate(octokit.rest.actions.listWorkflowRuns, {
      ...storefront,
      workflow_id: 'ci.yml',
      branch: 'main',
    });
    expect([all.length, prs.length, main.length]).toEqual([11, 3, 8]);
    expect(failed.map((r) => r.conclusion)).toEqual(failed.map(() => 'failure'));
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(running.map((r) => r.head_branch)).toEqual(['chore/react-19']);
  });
});

describe('re-run and cancel', () => {
  it('re-running a failed run makes attempt 2; re-running only failed jobs keeps the passed ones', async () => {
    const octokit = sim.octokit();
    const failed = (
      await octokit.rest.actions.listWorkflowRunsForRepo({
        owner: 'acme-rockets',
        repo: 'mobile-backend',
        status: 'failure',
      })
    ).data.workflow_runs[0];
    const backend = { owner: 'acme-rockets', repo: 'mobile-backend', run_id: failed?.id ?? 0 };
    expect((await octokit.rest.actions.reRunWorkflowFailedJobs(backend)).status).toBe(201);
    expect((await failure(octokit.rest.actions.reRunWorkflow(backend))).status).toBe(403);
    sim.clock.advance(20 * minute);
    const { data: run } = await octokit.rest.actions.getWorkflowRun(backend);
    expect([run.run_attempt, run.status, run.previous_attempt_url?.endsWith('/attempts/1')]).toEqual([
      2,
      'waiting',
      true,
    ]);
    const { data: first } = await octokit.rest.actions.getWorkflowRunAttempt({ ...backend, attempt_number: 1 });
    expect([first.run_attempt, first.status, first.conclusion]).toEqual([1, 'completed', 'failure']);
    const { data: firstJobs } = await octokit.rest.actions.listJobsForWorkflowRunAttempt({
      ...backend,
      attempt_number: 1,
    });
    expect(firstJobs.jobs.map((j) => j.run_attempt)).toEqual([1, 1, 1]);
    expect((await failure(octokit.rest.actions.getWorkflowRunAttempt({ ...backend, attempt_number: 3 }))).status).toBe(
      404,
    );
    const { data: all } = await octokit.rest.actions.listJobsForWorkflowRun({ ...backend, filter: 'all' });
    expect(all.jobs.map((j) => `${j.run_attempt}:${j.name}:${j.conclusion ?? j.status}`)).toEqual([
      '2:build:success',
      '2:deploy-staging:success',
      '2:deploy-production:waiting',
      '1:build:failure',
      '1:deploy-staging:skipped',
      '1:deploy-production:skipped',
    ]);
  });

  it('carries successful jobs over when only failed jobs re-run', async () => {
    const octokit = sim.octokit();
    const runId = sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    sim.clock.advance(60 * minute);
    sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    const broken = sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront', fail: true });
    sim.clock.advance(60 * minute);
    expect(sim.control.run('acme-rockets/storefront', broken).conclusion).toBe('failure');
    expect((await failure(octokit.rest.actions.reRunWorkflowFailedJobs({ ...storefront, run_id: runId }))).status).toBe(
      403,
    );
    await octokit.rest.actions.reRunWorkflowFailedJobs({ ...storefront, run_id: broken });
    const before = (await octokit.rest.actions.listJobsForWorkflowRun({ ...storefront, run_id: broken })).data.jobs;
    const carried = before.find((j) => j.name === 'unit-tests');
    expect(carried?.status).toBe('completed');
    sim.clock.advance(60 * minute);
    expect(sim.control.run('acme-rockets/storefront', broken)).toMatchObject({ runAttempt: 2, conclusion: 'success' });
  });

  it('cancels a running run (202) and refuses to cancel a completed one (409)', async () => {
    const octokit = sim.octokit();
    const runId = sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    sim.clock.advance(minute);
    expect((await octokit.rest.actions.cancelWorkflowRun({ ...storefront, run_id: runId })).status).toBe(202);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...storefront, run_id: runId });
    expect([run.status, run.conclusion]).toEqual(['completed', 'cancelled']);
    expect((await failure(octokit.rest.actions.cancelWorkflowRun({ ...storefront, run_id: runId }))).status).toBe(409);
  });
});

describe('job logs', () => {
  it('redirects to a signed URL that serves timestamped text, which expires', async () => {
    const octokit = sim.octokit();
    const failed = (await octokit.rest.actions.listWorkflowRunsForRepo({ ...storefront, status: 'failure' })).data
      .workflow_runs[0];
    const jobs = (await octokit.rest.actions.listJobsForWorkflowRun({ ...storefront, run_id: failed?.id ?? 0 })).data
      .jobs;
    const failedJob = jobs.find((j) => j.conclusion === 'failure');
    const response = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      ...storefront,
      job_id: failedJob?.id ?? 0,
    });
    expect(response.status).toBe(200);
    expect(response.url).toContain('/_sim/job-logs/acme-rockets/storefront/');
    const lines = String(response.data).trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z /);
    expect(lines.some((l) => l.includes('##[error]Process completed with exit code 1.'))).toBe(true);
    sim.clock.advance(2 * minute);
    expect((await fetch(response.url)).status).toBe(403);
    expect(sim.requests.count({ operation: 'actions/download-job-logs-for-workflow-run', status: 302 })).toBe(1);
  });
});
