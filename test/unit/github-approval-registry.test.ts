// The GitHub side of the inbox's ids: one opaque id per waiting run attempt
// with reviewers, stable while it waits, gone when it stops waiting or is
// re-run; and GitHub refusals worded by main reach the user as they are.
import { describe, expect, it } from 'vitest';
import { GitHubApprovalRegistry } from '../../src/main/hub/approvals/github-registry';
import { decisionErrorText } from '../../src/renderer/src/components/approvals/decision-errors';
import type { GitHubRepositoryRead, GitHubWaitingRun } from '../../src/shared/github';

const sha = 'a'.repeat(40);

function waiting(attempt = 1, reviewers = true, canApprove = true): GitHubWaitingRun {
  return {
    run: {
      id: 42,
      name: 'deploy',
      workflowId: 7,
      runNumber: 12,
      attempt,
      title: 'Fix the fuel gauge',
      status: 'waiting',
      branch: 'main',
      headSha: sha,
      event: 'push',
      actor: 'maria-ops',
      createdAt: '2026-11-27T08:00:00Z',
      updatedAt: '2026-11-27T08:05:00Z',
      pullRequests: [],
      htmlUrl: 'https://github.com/acme/app/actions/runs/42',
    },
    pending: [
      {
        environment: { id: 9, name: 'production' },
        waitTimerMinutes: 0,
        waitStartedAt: '2026-11-27T08:04:00Z',
        currentUserCanApprove: canApprove,
        reviewers: reviewers ? [{ kind: 'user', name: 'demo-dev' }] : [],
      },
    ],
  };
}

function read(runs: GitHubWaitingRun[]): GitHubRepositoryRead {
  return {
    accountKey: 'gh',
    fullName: 'acme/app',
    fetchedAt: '2026-11-27T08:06:00Z',
    commits: [{ sha, subject: 'Fix the fuel gauge (#12)', author: 'maria-ops', htmlUrl: '' }],
    pulls: [],
    workflows: [],
    runs: runs.map((w) => w.run),
    environments: [],
    waiting: runs,
    problems: [],
  };
}

describe('GitHubApprovalRegistry', () => {
  it('keeps one opaque id while the same attempt waits, and summarizes what would ship', () => {
    const registry = new GitHubApprovalRegistry();
    registry.syncAccount('gh', [read([waiting()])]);
    const [first] = registry.list();
    expect(first).toMatchObject({
      provider: 'github',
      title: 'acme/app › deploy › production',
      repository: 'acme/app',
      workflow: 'deploy',
      runNumber: 12,
      runAttempt: 1,
      branch: 'main',
      headSha: sha,
      commitMessage: 'Fix the fuel gauge (#12)',
      actor: 'maria-ops',
      environments: [{ id: 9, name: 'production', canApprove: true }],
      requestedAt: '2026-11-27T08:04:00Z',
      expiresAt: '2026-12-27T08:04:00.000Z',
    });
    expect(first?.approvalId).toMatch(/^apv_/);
    expect(JSON.stringify(first)).not.toContain('"42"');
    registry.syncAccount('gh', [read([waiting()])]);
    expect(registry.list().map((a) => a.approvalId)).toEqual([first?.approvalId]);
  });

  it('drops the id when the run stops waiting or is re-run, and ignores runs without reviewers', () => {
    const registry = new GitHubApprovalRegistry();
    registry.syncAccount('gh', [read([waiting()])]);
    const id = registry.list()[0]?.approvalId ?? '';
    registry.syncAccount('gh', [read([waiting(2)])]);
    expect(registry.resolve(id)).toBeUndefined();
    expect(registry.list()).toHaveLength(1);
    registry.syncAccount('gh', [read([])]);
    expect(registry.list()).toEqual([]);
    registry.syncAccount('gh', [read([waiting(1, false)])]);
    expect(registry.list()).toEqual([]);
  });

  it('says why an environment is not the user’s to review, and forgets an account', () => {
    const registry = new GitHubApprovalRegistry();
    registry.syncAccount('gh', [read([waiting(1, true, false)])]);
    expect(registry.list()[0]?.environments[0]).toMatchObject({
      canApprove: false,
      reason: expect.stringContaining('not a required reviewer (reviewers: demo-dev)') as string,
    });
    registry.forgetAccount('gh');
    expect(registry.list()).toEqual([]);
  });
});

it('shows GitHub refusals as main worded them', () => {
  const message = 'Run 42 no longer waits for review in environment 9 (it waits for nothing now).';
  expect(decisionErrorText({ code: 'stale-approval', reason: 'not-waiting', message }, new Date(), 'github')).toEqual({
    message,
    checkConsole: false,
  });
});
