// GitHub in the live workspace, against both simulators through the real
// clients: the repositories the projects name are watched, their pull
// requests, runs and environments reach the snapshot, the runs waiting for
// review become events of the right project, idle refreshes cost nothing of
// the primary limit, and a revoked token marks the account.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import type { HubEvent } from '../../../src/shared/contract';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { demoAws } from '../../../src/sim/aws';
import type { Harness as GitHubHarness } from '../../sim/github/harness';
import { type LiveRig, startLiveRig } from './live-rig';

let rig: LiveRig;
let live: LiveWorkspace;
let github: GitHubHarness;
let events: HubEvent[];
let needsToken: string[];

beforeEach(async () => {
  rig = await startLiveRig();
  ({ live, github, events, needsToken } = rig);
});
afterEach(() => rig.close());

const run = (ms: number): Promise<void> => rig.run(ms);

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
  rig.setToken(undefined);
  live.refreshNow({});
  await run(5_000);
  expect(needsToken).toContain('gh');
  expect(resourcesOfKind(live.snapshot, 'github-repository')).toHaveLength(before);
});

it('re-runs and cancels runs of watched repositories only, and reads the repository again', async () => {
  await run(10_000);
  const repo = demoAws.storefront.fullRepositoryId;
  const failed = github.control.runs(repo).find((r) => r.conclusion === 'failure');
  const running = github.control.runs(repo).find((r) => r.status !== 'completed');
  if (!failed || !running) throw new Error('the demo has a failed and a running run');
  expect(
    await live.githubRun({ accountKey: 'gh', repository: repo, runId: failed.id }, { kind: 'rerun', failedOnly: true }),
  ).toEqual({
    ok: true,
    value: { runId: failed.id },
  });
  expect(github.control.run(repo, failed.id).runAttempt).toBe(2);
  expect(
    await live.githubRun({ accountKey: 'gh', repository: repo.toUpperCase(), runId: running.id }, { kind: 'cancel' }),
  ).toEqual({
    ok: true,
    value: { runId: running.id },
  });
  expect(github.control.run(repo, running.id)).toMatchObject({ conclusion: 'cancelled' });

  // A repository no project names, or another account: refused before anything is sent.
  github.requests.reset();
  expect(
    await live.githubRun({ accountKey: 'gh', repository: 'someone/else', runId: 1 }, { kind: 'cancel' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'not-found' },
  });
  expect(
    await live.githubRun({ accountKey: 'other', repository: repo, runId: failed.id }, { kind: 'cancel' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'not-found' },
  });
  expect(github.requests.records).toEqual([]);
});
