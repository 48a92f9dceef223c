// Environment approvals through the real Octokit: pending deployments, what
// the caller may approve, the request validation GitHub applies, and what a
// decision does to the run and its deployments (RELIABILITY.md P08-P10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoToken, failure, startHarness, type Harness } from './harness';

const repo = { owner: 'acme-rockets', repo: 'mobile-backend' };
let sim: Harness;
beforeEach(async () => {
  sim = await startHarness('demo');
});
afterEach(() => sim.close());

type Octokit = ReturnType<Harness['octokit']>;

/** Reviews the first pending environment of a run, as a client that read the list would. */
function reviewFirst(
  octokit: Octokit,
  runId: number,
  pending: readonly { environment: { id?: number } }[],
  state: 'approved' | 'rejected',
  comment: string,
): ReturnType<Octokit['rest']['actions']['reviewPendingDeploymentsForRun']> {
  const environmentId = pending[0]?.environment.id ?? 0;
  return octokit.rest.actions.reviewPendingDeploymentsForRun({
    ...repo,
    run_id: runId,
    environment_ids: [environmentId],
    state,
    comment,
  });
}

const waitingRunId = (): number => {
  const run = sim.control.runs('acme-rockets/mobile-backend').find((r) => r.status === 'waiting');
  if (!run) throw new Error('the demo has no waiting run');
  return run.id;
};

describe('the demo mobile-backend run waiting at production', () => {
  it('lists production as pending, approvable by demo-dev, with its reviewers', async () => {
    const octokit = sim.octokit();
    const runId = waitingRunId();
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    expect(run.status).toBe('waiting');
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    expect(pending).toHaveLength(1);
    expect(pending[0]?.environment.name).toBe('production');
    expect(pending[0]?.current_user_can_approve).toBe(true);
    expect(pending[0]?.wait_timer).toBe(0);
    expect(pending[0]?.reviewers.map((r) => (r.reviewer && 'login' in r.reviewer ? r.reviewer.login : ''))).toEqual([
      'demo-dev',
      'maria-ops',
    ]);
  });

  it('approves, lets the run finish, and refuses a second approval with 422', async () => {
    const octokit = sim.octokit();
    const runId = waitingRunId();
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    const envId = pending[0]?.environment.id ?? 0;
    const { data: deployments, status } = await octokit.rest.actions.reviewPendingDeploymentsForRun({
      ...repo,
      run_id: runId,
      environment_ids: [envId],
      state: 'approved',
      comment: 'Ship it',
    });
    expect(status).toBe(200);
    expect(deployments.map((d) => d.environment)).toEqual(['production']);

    const again = await failure(
      octokit.rest.actions.reviewPendingDeploymentsForRun({
        ...repo,
        run_id: runId,
        environment_ids: [envId],
        state: 'approved',
        comment: 'again',
      }),
    );
    expect(again.status).toBe(422);
    expect(again.message).toContain('No pending deployment requests to approve or reject');

    sim.clock.advance(30 * 60_000);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    expect([run.status, run.conclusion]).toEqual(['completed', 'success']);
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: deployments[0]?.id ?? 0,
    });
    expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued']);
  });

  it('rejecting finishes the run as a failure and fails the deployment', async () => {
    const octokit = sim.octokit();
    const runId = waitingRunId();
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    const { data: deployments } = await reviewFirst(octokit, runId, pending, 'rejected', 'Not during the launch');
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    expect([run.status, run.conclusion]).toEqual(['completed', 'failure']);
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: deployments[0]?.id ?? 0,
    });
    expect(statuses[0]?.state).toBe('failure');
  });
});

describe('request validation (422 in GitHub error shape)', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown state', { environment_ids: [1], state: 'maybe', comment: 'x' }, "For 'properties/state'"],
    [
      'a fractional id',
      { environment_ids: [1.5], state: 'approved', comment: 'x' },
      "For 'items', 1.5 is not an integer.",
    ],
    ['a string id', { environment_ids: ['7'], state: 'approved', comment: 'x' }, `For 'items', "7" is not an integer.`],
    ['a negative id', { environment_ids: [-3], state: 'approved', comment: 'x' }, 'less than the minimum of 1'],
    ['ids that are not an array', { environment_ids: 7, state: 'approved', comment: 'x' }, 'is not an array'],
    ['a missing comment', { environment_ids: [1], state: 'approved' }, `"comment" wasn't supplied.`],
    ['a missing state', { environment_ids: [1], comment: 'x' }, `"state" wasn't supplied.`],
  ];
  it.each(cases)('rejects %s', async (_, body, message) => {
    const response = await fetch(
      `${sim.url}/repos/acme-rockets/mobile-backend/actions/runs/${waitingRunId()}/pending_deployments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${demoToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    expect(response.status).toBe(422);
    const error = (await response.json()) as { message: string; documentation_url: string; status: string };
    expect(error.message).toContain('Invalid request.');
    expect(error.message).toContain(message);
    expect(error.documentation_url).toMatch(/^https:\/\/docs\.github\.com\/rest\/actions\//);
    expect(error.status).toBe('422');
    expect(sim.control.run('acme-rockets/mobile-backend', waitingRunId()).status).toBe('waiting');
  });
});

describe('several environments waiting at once', () => {
  it('approves only the environment named, never all pending ones (P10)', async () => {
    sim.control.addEnvironment('acme-rockets/mobile-backend', 'production-eu', { reviewers: ['demo-dev'] });
    const runId = sim.control.startWorkflowRun({
      repo: 'acme-rockets/mobile-backend',
      environments: ['production', 'production-eu'],
      parallelEnvironments: true,
      actor: 'maria-ops',
    });
    sim.clock.advance(20 * 60_000);
    const octokit = sim.octokit();
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    expect(pending.map((p) => p.environment.name).sort()).toEqual(['production', 'production-eu']);
    const eu = pending.find((p) => p.environment.name === 'production-eu');
    await octokit.rest.actions.reviewPendingDeploymentsForRun({
      ...repo,
      run_id: runId,
      environment_ids: [eu?.environment.id ?? 0],
      state: 'approved',
      comment: 'EU first',
    });
    const { data: after } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    expect(after.map((p) => p.environment.name)).toEqual(['production']);
    sim.clock.advance(30 * 60_000);
    expect(sim.control.run('acme-rockets/mobile-backend', runId)).toMatchObject({
      status: 'waiting',
      waitingFor: ['production'],
    });
  });
});

describe('who may approve (P09)', () => {
  it('prevents self-review: the user who started the run cannot approve production', async () => {
    const runId = sim.control.startWorkflowRun({
      repo: 'acme-rockets/mobile-backend',
      environments: ['staging', 'production'],
      actor: 'demo-dev',
    });
    sim.clock.advance(40 * 60_000);
    const octokit = sim.octokit();
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    expect(pending.map((p) => [p.environment.name, p.current_user_can_approve])).toEqual([['production', false]]);
    const refused = await failure(reviewFirst(octokit, runId, pending, 'approved', 'me'));
    expect(refused.status).toBe(403);
    expect(sim.control.run('acme-rockets/mobile-backend', runId).status).toBe('waiting');
  });

  it('a member who is not a required reviewer sees current_user_can_approve false and gets 403', async () => {
    sim.control.addToken('ghp_samqa00000000000000000000000000000000', 'sam-qa');
    const octokit = sim.octokit({ token: 'ghp_samqa00000000000000000000000000000000' });
    const runId = waitingRunId();
    const { data: pending } = await octokit.rest.actions.getPendingDeploymentsForRun({ ...repo, run_id: runId });
    expect(pending[0]?.current_user_can_approve).toBe(false);
    const refused = await failure(reviewFirst(octokit, runId, pending, 'approved', 'lgtm'));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("'production'");
  });

  it('a re-run waits again at production with a new run_attempt (P08)', async () => {
    const octokit = sim.octokit();
    const runId = waitingRunId();
    await octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: runId });
    await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: runId });
    sim.clock.advance(40 * 60_000);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    expect([run.status, run.run_attempt]).toEqual(['waiting', 2]);
  });
});
