// Watching a GitHub repository with a chosen account, through the hub's
// handlers over a live workspace and the simulators: the chosen account
// reads the repository from then on and the first account stops; a
// repository the token cannot read changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AwsAccounts } from '../../../src/main/hub/aws-accounts';
import { githubRepositoryHandlers } from '../../../src/main/hub/github-repository-handlers';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import { silentLogger } from '../../../src/main/hub/log';
import { VirtualClock } from '../../../src/main/hub/scheduler';
import type { Workspace } from '../../../src/shared/model';
import { emptyProjectEdits } from '../../../src/shared/projects';
import { githubRepositoryId } from '../../../src/shared/snapshot';
import { demoAws } from '../../../src/sim/aws';
import { FakeAwsBackend } from '../../support/fake-aws-backend';
import { startHarness as startAws, type Harness as AwsHarness } from '../../sim/aws/harness';
import { demoToken, startHarness as startGitHub, type Harness as GitHubHarness } from '../../sim/github/harness';

const opsToken = 'ghp_opsbot000000000000000000000000000000';
const backendRepo = demoAws.mobileBackend.githubRepository;

let aws: AwsHarness;
let github: GitHubHarness;
let live: LiveWorkspace;
let workspace: Workspace;
let saves: number;
let dir: string;
let clock: VirtualClock;
/** Every request Starboard sent to the GitHub simulator: which token, which path. */
let sent: { token: string; path: string }[];
let handlers: ReturnType<typeof githubRepositoryHandlers>;

beforeEach(async () => {
  aws = await startAws('demo');
  github = await startGitHub('demo');
  github.control.addToken(opsToken, 'ops-bot', { member: 'acme-rockets' });
  dir = mkdtempSync(join(tmpdir(), 'starboard-repository-watch-'));
  saves = 0;
  sent = [];
  workspace = {
    awsAccounts: [{ id: 'sim', label: 'Simulated', profile: null, regions: ['us-east-1'], endpointUrl: aws.endpoint }],
    githubAccounts: [
      { id: 'gh', label: 'Work', host: github.url },
      { id: 'ops', label: 'Ops bot', host: github.url },
    ],
    projects: { ...emptyProjectEdits, added: [{ project: demoAws.mobileBackend.project, resource: backendRepo }] },
  };
  const tokens: Record<string, string> = { gh: demoToken, ops: opsToken };
  const access = { apiBaseUrl: () => github.url, token: async (id: string) => tokens[id] };
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
    saveProjects: (projects) => (workspace = { ...workspace, projects }),
    accounts,
    target: (account, region) => backend.target(account, region),
    github: {
      ...access,
      markNeedsToken: () => undefined,
      list: () => [
        { accountKey: 'gh', state: 'ok' },
        { accountKey: 'ops', state: 'ok' },
      ],
      check: () => undefined,
    },
    emit: () => undefined,
    log: silentLogger,
    clock,
    random: () => 0.5,
    notifyDelayMs: 0,
  });
  holder.live = live;
  live.sync();
  handlers = githubRepositoryHandlers({
    workspace: () => workspace,
    saveWorkspace: (next) => {
      saves += 1;
      workspace = next;
      live.workspaceChanged();
    },
    projects: () => live.projects,
    github: access,
    now: () => new Date(github.clock.now()),
  });
  const fetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    if (url.startsWith(github.url)) {
      const token = headers.get('authorization')?.split(' ')[1] ?? '';
      sent.push({ token, path: new URL(url).pathname });
    }
    return fetch(input, init);
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await live.close();
  await Promise.all([aws.close(), github.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function run(ms: number): Promise<void> {
  const settled = async () => {
    for (let i = 0; i < 2000 && (live.scheduler.stats().running > 0 || i < 3); i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
  };
  await settled();
  for (let t = 0; t < ms; t += 500) {
    await clock.advance(500);
    await settled();
  }
}

/** Requests each token sent about the repository since `from`. */
function readsOf(repository: string, from = 0): Record<string, number> {
  const prefix = `/repos/${repository.toLowerCase()}`;
  const out: Record<string, number> = {};
  for (const { token, path } of sent.slice(from)) {
    if (!path.toLowerCase().startsWith(prefix)) continue;
    const who = token === opsToken ? 'ops' : token === demoToken ? 'gh' : token;
    out[who] = (out[who] ?? 0) + 1;
  }
  return out;
}

async function settle(): Promise<void> {
  await run(10_000);
  live.refreshNow({});
  await run(5_000);
}

it('makes the chosen account read the repository, and the first account stop', async () => {
  await settle();
  expect(Object.keys(readsOf(backendRepo))).toEqual(['gh']);
  expect(live.snapshot.resources[githubRepositoryId('gh', backendRepo)]).toBeDefined();

  const found = await handlers.queries['github.repositories.find']({ accountKey: 'ops', owner: 'acme-rockets' });
  expect(found.ok).toBe(true);
  const before = found.ok ? found.value.repositories.find((r) => r.fullName === backendRepo) : undefined;
  expect(before).toMatchObject({ watchedBy: 'gh', projects: [{ id: demoAws.mobileBackend.project }] });

  const answer = await handlers.commands['github.repositories.watch']({
    accountKey: 'ops',
    repository: backendRepo,
    project: { id: demoAws.mobileBackend.project },
  });
  expect(answer.ok).toBe(true);
  expect(saves).toBe(1);
  expect(workspace.githubAccounts.map((a) => [a.id, a.repositories])).toEqual([
    ['gh', undefined],
    ['ops', [backendRepo]],
  ]);

  const mark = sent.length;
  await settle();
  expect(readsOf(backendRepo, mark).ops).toBeGreaterThan(0);
  // A fast pass the change met may still read with the old list (GitHubAccountLive re-reads
  // its list in the metadata pass); from then on only the chosen account reads it.
  const settled = sent.length;
  await run(120_000);
  live.refreshNow({});
  await run(5_000);
  const reads = readsOf(backendRepo, settled);
  expect(reads.ops).toBeGreaterThan(0);
  expect(reads.gh).toBeUndefined();
  expect(live.snapshot.resources[githubRepositoryId('ops', backendRepo)]).toBeDefined();
  expect(live.snapshot.resources[githubRepositoryId('gh', backendRepo)]).toBeUndefined();

  const after = await handlers.queries['github.repositories.find']({ accountKey: 'gh', query: 'backend' });
  expect(after.ok && after.value.repositories.map((r) => [r.fullName, r.watchedBy])).toEqual([[backendRepo, 'ops']]);
});

it('puts a repository in a new project named by the user, and takes it from the other account', async () => {
  workspace = {
    ...workspace,
    githubAccounts: workspace.githubAccounts.map((a) =>
      a.id === 'ops' ? { ...a, repositories: ['Acme-Rockets/Docs'] } : a,
    ),
  };
  const answer = await handlers.commands['github.repositories.watch']({
    accountKey: 'gh',
    repository: 'acme-rockets/DOCS',
    project: { create: 'Documentation' },
  });
  expect(answer.ok).toBe(true);
  const project = answer.ok ? answer.value.projects.find((p) => p.name === 'Documentation') : undefined;
  expect(project?.members.map((m) => [m.ref, m.kind])).toEqual([['acme-rockets/docs', 'github-repository']]);
  expect(workspace.githubAccounts.map((a) => [a.id, a.repositories])).toEqual([
    ['gh', ['acme-rockets/docs']],
    ['ops', undefined],
  ]);
  expect(saves).toBe(1);
});

it('refuses a repository the token cannot read, naming the account, and changes nothing', async () => {
  const before = workspace;
  const answer = await handlers.commands['github.repositories.watch']({
    accountKey: 'ops',
    repository: 'acme-rockets/no-such-repo',
    project: { create: 'Nothing' },
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(answer.ok ? '' : answer.error.message).toMatch(/not found, or the token of Ops bot cannot read it/);
  expect(saves).toBe(0);
  expect(workspace).toBe(before);

  const unknown = await handlers.commands['github.repositories.watch']({
    accountKey: 'nobody',
    repository: backendRepo,
    project: { id: demoAws.mobileBackend.project },
  });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  const missingProject = await handlers.commands['github.repositories.watch']({
    accountKey: 'gh',
    repository: backendRepo,
    project: { id: 'no-such-project' },
  });
  expect(missingProject).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(saves).toBe(0);
});

it("finds with the account's own client, and a spent search window leaves its other reads alone", async () => {
  for (let i = 0; i < 30; i++) {
    const page = await handlers.queries['github.repositories.find']({ accountKey: 'gh', query: 'docs' });
    expect(page.ok).toBe(true);
  }
  const throttled = await handlers.queries['github.repositories.find']({ accountKey: 'gh', query: 'docs' });
  expect(throttled).toMatchObject({ ok: false, error: { code: 'throttled' } });
  expect(throttled.ok ? undefined : Date.parse(throttled.error.retryAt ?? '')).toBeGreaterThan(github.clock.now());
  const mine = await handlers.queries['github.repositories.find']({ accountKey: 'gh' });
  expect(mine.ok && mine.value.repositories.map((r) => r.fullName).sort()).toEqual([
    'acme-rockets/docs',
    'acme-rockets/mobile-backend',
    'acme-rockets/storefront',
  ]);
  const watched = await handlers.commands['github.repositories.watch']({
    accountKey: 'gh',
    repository: 'acme-rockets/docs',
    project: { id: demoAws.mobileBackend.project },
  });
  expect(watched.ok).toBe(true);
});
