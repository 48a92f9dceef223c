// RepositorySource through the real SDK against the simulator's demo account:
// repositories in batches, watched branches, commits and pull requests, and
// the calls each refresh spends (counted by the simulator's request log).
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { RepositorySource } from '../../../src/main/sources/aws/codecommit/repository-source';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { type Harness, startHarness } from '../../sim/aws/harness';

const location = { accountKey: 'sim', accountId: demoAws.account, region: demoAws.region };
const repo = demoAws.paymentsApi.repository;
const userArn = (name: string) => `arn:aws:iam::${demoAws.account}:user/${name}`;
const hostile = '<img src=x onerror="alert(1)">Billing\u0007 service';

let sim: Harness;
let client: CodeCommitClient;
let source: RepositorySource;

const ops = (): Record<string, number> => sim.requests.byOperation();
const watched = (name: string) => source.watched.find((w) => w.repository === name);

beforeAll(async () => {
  sim = await startHarness('demo');
  client = new CodeCommitClient(
    clientConfig({
      accountKey: 'sim',
      region: sim.config.region,
      credentials: async () => sim.config.credentials,
      endpointUrl: sim.config.endpoint,
    }),
  );
  source = new RepositorySource(client, location);
  const cc = sim.control.world.codecommit;
  for (let i = 0; i < 120; i += 1) {
    const r = cc.addRepository(`extra-${String(i).padStart(3, '0')}`, i === 0 ? hostile : `Extra ${i}`);
    if (i < 2) cc.commit(r, 'main', `First commit of ${r.name}`, { name: 'Ada', email: 'ada@example.com' });
  }
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

describe('RepositorySource', () => {
  it('lists repositories and reads their metadata in batches of 100 (RELIABILITY A13)', async () => {
    sim.requests.reset();
    const read = await source.refreshRepositories();
    expect(ops()).toEqual({ 'codecommit.ListRepositories': 1, 'codecommit.BatchGetRepositories': 2 });
    expect(read.repositories).toHaveLength(121);
    expect(read.problems).toEqual([]);
    const payments = read.repositories.find((r) => r.name === repo);
    expect(payments).toMatchObject({
      description: 'Payments, refunds and payouts API',
      defaultBranch: 'main',
      arn: `arn:aws:codecommit:us-east-1:${demoAws.account}:${repo}`,
      consoleUrl: `https://us-east-1.console.aws.amazon.com/codesuite/codecommit/repositories/${repo}/browse?region=us-east-1`,
    });
  });

  it('keeps an HTML-laden description as plain text', () => {
    const extra = source.repositories.repositories.find((r) => r.name === 'extra-000');
    expect(extra?.description).toBe('<img src=x onerror="alert(1)">Billing service');
  });

  it('reads heads, recent commits and open pull requests of watched repositories', async () => {
    source.watch([{ repository: repo }, { repository: 'extra-000' }, { repository: 'extra-001' }]);
    sim.requests.reset();
    await source.refresh();
    const first = ops();
    expect(first['codecommit.GetBranch']).toBe(3);
    expect(first['codecommit.ListPullRequests']).toBe(3);
    expect(first['codecommit.GetPullRequest']).toBe(2);
    expect(first['codecommit.GetPullRequestApprovalStates']).toBe(2);
    const payments = watched(repo);
    const world = sim.control.world.codecommit.repositories.get(repo);
    expect(payments?.heads).toEqual([{ branch: 'main', commitId: world?.branches.get('main') }]);
    expect(payments?.recentCommits).toHaveLength(10);
    expect(payments?.recentCommits[0]).toMatchObject({
      id: world?.branches.get('main'),
      parents: [expect.any(String)],
    });
    expect(payments?.recentCommits[0]?.date).toMatch(/^\d{4}-/);
    expect(payments?.recentCommits[0]?.consoleUrl).toContain(`/repositories/${repo}/commit/`);
    expect(watched('extra-000')?.recentCommits.map((c) => c.subject)).toEqual(['First commit of extra-000']);
  });

  it('shows approval state and merge status of open pull requests', () => {
    const prs = watched(repo)?.pullRequests ?? [];
    expect(prs).toHaveLength(2);
    const approved = prs.find((p) => p.sourceBranch === 'feature/refund-limits');
    expect(approved).toMatchObject({
      title: 'Cap refunds at the captured amount',
      status: 'OPEN',
      destinationBranch: 'main',
      authorArn: userArn('jonas'),
      approval: {
        state: 'approved',
        approvedBy: [userArn('maya')],
        rules: [{ name: 'Require one approval', approvalsNeeded: 1, satisfied: true }],
      },
      merge: { isMerged: false },
    });
    expect(approved?.consoleUrl).toContain(`/pull-requests/${approved?.id ?? ''}/details`);
    const pending = prs.find((p) => p.sourceBranch === 'fix/currency-rounding');
    expect(pending?.approval).toMatchObject({ state: 'pending', approvedBy: [] });
  });

  it('costs exactly 2 calls per watched repository when nothing changed', async () => {
    sim.requests.reset();
    await source.refresh();
    expect(ops()).toEqual({ 'codecommit.GetBranch': 3, 'codecommit.ListPullRequests': 3 });
  });

  it('sees a pushed commit as a new head with one GetCommit', async () => {
    const before = watched(repo)?.recentCommits[0]?.id;
    const pushed = sim.control.pushCommit(repo, 'main', 'Retry refunds on gateway timeouts\n\nDetails here.');
    sim.requests.reset();
    await source.refresh();
    expect(ops()).toEqual({
      'codecommit.GetBranch': 3,
      'codecommit.GetCommit': 1,
      'codecommit.ListPullRequests': 3,
    });
    const payments = watched(repo);
    expect(payments?.heads[0]?.commitId).toBe(pushed);
    expect(payments?.recentCommits[0]).toMatchObject({
      id: pushed,
      subject: 'Retry refunds on gateway timeouts',
      author: { name: 'Simulator', email: 'sim@example.com' },
    });
    expect(payments?.recentCommits[1]?.id).toBe(before);
    expect(payments?.recentCommits).toHaveLength(10);
  });

  it('reads details only for a pull request it has not seen', async () => {
    const world = sim.control.world.codecommit;
    const r = world.repositories.get(repo);
    if (!r) throw new Error('no payments-api in the demo');
    const opened = world.openPullRequest(r, {
      title: 'Add payout webhooks',
      description: 'Sends a webhook when a payout settles.',
      authorArn: userArn('priya'),
      source: 'fix/currency-rounding',
    });
    sim.requests.reset();
    await source.refresh();
    expect(ops()).toEqual({
      'codecommit.GetBranch': 3,
      'codecommit.ListPullRequests': 3,
      'codecommit.GetPullRequest': 1,
      'codecommit.GetPullRequestApprovalStates': 1,
    });
    expect(watched(repo)?.pullRequests.map((p) => p.id)).toContain(opened.id);
  });

  it('re-reads approvals of known pull requests on the slow timer only', async () => {
    const pending = watched(repo)?.pullRequests.find((p) => p.sourceBranch === 'fix/currency-rounding');
    const pr = sim.control.world.codecommit.findPullRequest(pending?.id ?? '')?.pr;
    pr?.approvals.set(userArn('maya'), 'APPROVE');
    await source.refresh();
    expect(watched(repo)?.pullRequests.find((p) => p.id === pending?.id)?.approval.state).toBe('pending');
    sim.requests.reset();
    await source.refreshPullRequestDetails();
    expect(ops()).toEqual({ 'codecommit.GetPullRequest': 3, 'codecommit.GetPullRequestApprovalStates': 3 });
    expect(watched(repo)?.pullRequests.find((p) => p.id === pending?.id)?.approval.state).toBe('approved');
  });

  it("watches a pipeline's source branch besides the default branch, and lists branches on the slow timer", async () => {
    source.watch([{ repository: repo, branches: ['feature/refund-limits'] }]);
    sim.requests.reset();
    await source.refresh();
    expect(ops()).toEqual({ 'codecommit.GetBranch': 2, 'codecommit.ListPullRequests': 1 });
    expect(watched(repo)?.heads.map((h) => h.branch)).toEqual(['main', 'feature/refund-limits']);
    sim.requests.reset();
    await source.refreshBranches();
    expect(ops()).toEqual({ 'codecommit.ListBranches': 1 });
    expect(watched(repo)?.branches).toEqual(['feature/refund-limits', 'fix/currency-rounding', 'main']);
  });

  it('reports a watched branch that does not exist as a problem of that branch only', async () => {
    source.watch([{ repository: repo, branches: ['release/9'] }]);
    await source.refresh();
    const payments = watched(repo);
    expect(payments?.problem).toBeUndefined();
    expect(payments?.heads.map((h) => h.branch)).toEqual(['main']);
    expect(payments?.problems).toEqual([expect.objectContaining({ code: 'not-found', resource: `${repo}/release/9` })]);
  });

  it('reports a repository that does not exist as a problem of that repository only (RELIABILITY A13)', async () => {
    source.watch([{ repository: repo }, { repository: 'ghost' }]);
    await source.refresh();
    expect(source.repositories.problems).toEqual([
      { code: 'not-found', message: 'ghost does not exist', resource: 'ghost' },
    ]);
    expect(watched('ghost')?.problem).toMatchObject({ code: 'not-found', resource: 'ghost' });
    expect(watched(repo)?.problem).toBeUndefined();
    // The missing name is not looked up again every refresh.
    sim.requests.reset();
    await source.refresh();
    expect(sim.requests.count({ operation: 'BatchGetRepositories' })).toBe(0);
  });

  it('names the missing IAM action when one repository is denied', async () => {
    source.watch([{ repository: repo }, { repository: 'extra-001' }]);
    deny(sim.control.world.policy, 'codecommit:GetBranch', `arn:aws:codecommit:us-east-1:${demoAws.account}:extra-001`);
    await source.refresh();
    expect(watched('extra-001')?.problem).toMatchObject({
      code: 'access-denied',
      missingPermission: 'codecommit:GetBranch',
    });
    expect(watched(repo)?.problem).toBeUndefined();
    sim.control.world.policy.denied.clear();
  });
});
