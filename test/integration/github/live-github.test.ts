// GitHub in the live workspace, against both simulators through the real
// clients: the repositories the projects name are watched, their pull
// requests, runs and environments reach the snapshot, the runs waiting for
// review become events of the right project, idle refreshes cost nothing of
// the primary limit, and a revoked token marks the account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AwsAccounts } from '../../../src/main/hub/aws-accounts';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import { silentLogger } from '../../../src/main/hub/log';
import { VirtualClock } from '../../../src/main/hub/scheduler';
import type { EventName, EventPayload, HubEvent } from '../../../src/shared/contract';
import type { Workspace } from '../../../src/shared/model';
import { emptyProjectEdits } from '../../../src/shared/projects';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { demoAws } from '../../../src/sim/aws';
import { FakeAwsBackend } from '../../support/fake-aws-backend';
import { startHarness as startAws, type Harness as AwsHarness } from '../../sim/aws/harness';
import { demoToken, startHarness as startGitHub, type Harness as GitHubHarness } from '../../sim/github/harness';

let aws: AwsHarness;
let github: GitHubHarness;
let dir: string;
let live: LiveWorkspace;
let clock: VirtualClock;
let token: string | undefined;
const needsToken: string[] = [];
const events: HubEvent[] = [];

beforeEach(async () => {
  aws = await startAws('demo');
  github = await startGitHub('demo');
  dir = mkdtempSync(join(tmpdir(), 'starboard-live-github-'));
  token = demoToken;
  needsToken.length = 0;
  events.length = 0;
  const workspace: Workspace = {
    awsAccounts: [{ id: 'sim', label: 'Simulated', profile: null, regions: ['us-east-1'], endpointUrl: aws.endpoint }],
    githubAccounts: [{ id: 'gh', label: 'Simulated GitHub', host: github.url }],
    projects: {
      ...emptyProjectEdits,
      added: [{ project: demoAws.mobileBackend.project, resource: demoAws.mobileBackend.githubRepository }],
    },
  };
  const backend = new FakeAwsBackend();
  backend.endpointUrl = aws.endpoint;
  backend.identities.set('(default)', { accountId: demoAws.account, arn: `arn:aws:iam::${demoAws.account}:user/dev` });
  clock = new VirtualClock(Date.parse('2026-11-27T09:00:00Z'));
  const holder: { live?: LiveWorkspace } = {};
  const accounts = new AwsAccounts(
    backend,
    () => workspace,
    () => holder.live?.sync(),
    () => undefined,
  );
  live = new LiveWorkspace({
    dir,
    workspace: () => workspace,
    saveProjects: () => undefined,
    accounts,
    target: (account, region) => backend.target(account, region),
    github: {
      apiBaseUrl: () => github.url,
      token: async () => token,
      markNeedsToken: (id) => needsToken.push(id),
      list: () => [{ accountKey: 'gh', state: needsToken.length > 0 ? 'needs-token' : 'ok' }],
      check: () => undefined,
    },
    emit: <N extends EventName>(name: N, payload: EventPayload<N>) => events.push({ name, payload } as HubEvent),
    log: silentLogger,
    clock,
    random: () => 0.5,
    notifyDelayMs: 0,
  });
  holder.live = live;
  live.sync();
});
afterEach(async () => {
  await live.close();
  await Promise.all([aws.close(), github.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the scheduler for `ms` of virtual time, waiting in real time for the calls in flight. */
async function run(ms: number): Promise<void> {
  const settled = async () => {
    for (let i = 0; i < 2000 && (live.scheduler.stats().running > 0 || i < 3); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  await settled();
  for (let t = 0; t < ms; t += 500) {
    await clock.advance(500);
    await settled();
  }
}

it('watches the projects’ GitHub repositories and files their runs waiting for review under the project', async () => {
  await run(10_000);
  // The metadata pass chose the repositories; the next fast pass reads them.
  live.refreshNow({});
  await run(5_000);
  const repositories = resourcesOfKind(live.snapshot, 'github-repository');
  expect(repositories.map((r) => r.data.fullName.toLowerCase()).sort()).toEqual(
    [demoAws.mobileBackend.githubRepository, demoAws.storefront.fullRepositoryId].map((n) => n.toLowerCase()).sort(),
  );
  expect(repositories.every((r) => r.freshness.problem === undefined)).toBe(true);
  const storefront = live.projects.projects.find((p) => p.id === 'storefront');
  expect(storefront?.members.map((m) => m.ref)).toContain(demoAws.storefront.fullRepositoryId);
  const delivered = events.flatMap((e) => (e.name === 'activity' ? e.payload : []));
  const waiting = delivered.filter((e) => e.kind === 'workflow.run.waiting');
  expect(waiting.length).toBeGreaterThan(0);
  expect(waiting.every((e) => e.projects.length > 0)).toBe(true);
});

it('costs nothing of the primary limit once idle', async () => {
  await run(10_000);
  live.refreshNow({});
  await run(5_000);
  github.requests.reset();
  await run(90_000);
  const records = github.requests.records;
  expect(records.length).toBeGreaterThan(0);
  expect(records.filter((r) => r.status !== 304)).toEqual([]);
  // The status bar hears the account's rate limit, untouched by the idle minutes.
  const [limit] = live.status().github;
  expect(limit).toMatchObject({ accountKey: 'gh', slowDown: 1 });
  expect(limit?.remaining).toBeGreaterThan(0);
});

it('marks the account when GitHub no longer accepts the token, and keeps the last data', async () => {
  await run(10_000);
  live.refreshNow({});
  await run(5_000);
  const before = resourcesOfKind(live.snapshot, 'github-repository').length;
  token = undefined;
  live.refreshNow({});
  await run(5_000);
  expect(needsToken).toContain('gh');
  expect(resourcesOfKind(live.snapshot, 'github-repository')).toHaveLength(before);
});
