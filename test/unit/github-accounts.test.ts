// GitHub accounts through the hub's contract, with an in-memory token vault
// and the GitHub simulator: a token is checked before anything is saved,
// stored only in the vault, and never comes back out of the hub.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubAccounts } from '../../src/main/hub/github-accounts';
import { environmentOnlyVault, type TokenVault } from '../../src/main/hub/github-tokens';
import type { Hub } from '../../src/main/hub/hub';
import { silentLogger } from '../../src/main/hub/log';
import { createGitHubAuth, type GitHubAuth } from '../../src/main/sources/github-auth/index';
import type { HubEvent } from '../../src/shared/contract';
import type { GitHubAccountStatus, GitHubAccountsView } from '../../src/shared/github-accounts';
import { emptyWorkspace, type Workspace } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import { startHarness, type Harness } from '../sim/github/harness';
import { MemoryTokenVault } from '../support/memory-token-vault';
import { fakeDemo, recordingLogger, tempDir, tempHub, type RecordingLogger } from '../support/temp-hub';

const token = 'ghp_canaryHUB000000000000000000000000001';

let sim: Harness;
let dir: string;
let remove: () => void;
let log: RecordingLogger;
let vault: MemoryTokenVault;
let hub: Hub | undefined;
let seen: unknown[];

beforeEach(async () => {
  sim = await startHarness('demo');
  ({ dir, remove } = tempDir());
  log = recordingLogger();
  vault = new MemoryTokenVault();
  seen = [];
});
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  await sim.close();
  remove();
});

function open(options: { vault?: TokenVault; auth?: GitHubAuth } = {}) {
  const made = tempHub(dir, log, fakeDemo(), undefined, { vault: options.vault ?? vault, ...options });
  hub = made.hub;
  made.hub.subscribe((event: HubEvent) => seen.push(event));
  return made;
}

/** Every answer goes through here, so the canary check sees all of them. */
async function send(kind: 'query' | 'command', name: string, payload: unknown): Promise<Result<unknown>> {
  if (!hub) throw new Error('open a hub first');
  const result = await hub.dispatch(kind, name, payload);
  seen.push(result);
  return result;
}

const pasted = (host: string, extra: Record<string, unknown> = {}) => ({
  host,
  token: { kind: 'paste', token },
  ...extra,
});

/** The canary never left main: not in an answer, an event, a log line or the settings file. */
function expectTokenNowhere(): void {
  expect(JSON.stringify(seen)).not.toContain(token);
  expect(JSON.stringify(log.lines)).not.toContain(token);
  expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain(token);
}

describe('adding an account', () => {
  it('checks a pasted token with GET /user, shows who it is, stores the token in the vault only', async () => {
    const { store } = open();
    const added = await send('command', 'github.accounts.add', pasted(sim.url.replace('127.0.0.1', 'localhost')));
    const id = `demo-dev-on-localhost-${new URL(sim.url).port}`;
    expect(added).toMatchObject({
      ok: true,
      value: {
        accountKey: id,
        state: 'ok',
        identity: { login: 'demo-dev', tokenKind: 'classic', scopes: ['repo', 'workflow', 'read:org'] },
        token: { source: 'stored', protection: 'os-encrypted' },
      },
    });
    expect(vault.tokens.get(id)?.token).toBe(token);
    expect(store.workspace.githubAccounts).toEqual([
      {
        id,
        label: `demo-dev on localhost:${new URL(sim.url).port}`,
        host: sim.url.replace('127.0.0.1', 'localhost'),
        tokenSource: 'stored',
      },
    ]);
    const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
    expect(listed.ok && listed.value.accounts.map((a) => [a.accountKey, a.state])).toEqual([[id, 'ok']]);
    expect(listed.ok && listed.value.vault).toEqual({ kind: 'os-encrypted' });
    expect(seen.some((event) => (event as HubEvent).name === 'github.accounts.changed')).toBe(true);
    expectTokenNowhere();
  });

  it('keeps a GitHub Enterprise Server account by its API URL', async () => {
    const { store } = open();
    const added = await send('command', 'github.accounts.add', pasted(sim.enterpriseUrl, { label: 'Work GHES' }));
    expect(added).toMatchObject({ ok: true, value: { accountKey: 'work-ghes', host: sim.enterpriseUrl } });
    expect(store.workspace.githubAccounts[0]?.host).toBe(sim.enterpriseUrl);
    expectTokenNowhere();
  });

  it('saves nothing when GitHub does not accept the token', async () => {
    const { store } = open();
    const result = await send('command', 'github.accounts.add', {
      host: sim.url,
      token: { kind: 'paste', token: 'not_a_github_token_canary' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'credentials-expired' } });
    expect(!result.ok && result.error.message).toMatch(/^GitHub did not accept this token/);
    expect(JSON.stringify(result)).not.toContain('not_a_github_token_canary');
    expect(store.workspace.githubAccounts).toEqual([]);
    expect(vault.tokens.size).toBe(0);
  });

  it('refuses to store a token without consent when the OS offers no secret store, before sending it anywhere', async () => {
    vault.kind = 'weak-only';
    const { store } = open();
    const before = sim.requests.count();
    const refused = await send('command', 'github.accounts.add', pasted(sim.url));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/weak protection/);
    expect(sim.requests.count()).toBe(before);
    expect(store.workspace.githubAccounts).toEqual([]);
    expect(vault.tokens.size).toBe(0);

    const agreed = await send('command', 'github.accounts.add', pasted(sim.url, { allowWeakStorage: true }));
    expect(agreed).toMatchObject({ ok: true, value: { state: 'ok', token: { source: 'stored', protection: 'weak' } } });
    const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
    expect(listed.ok && listed.value.vault).toEqual({ kind: 'weak-only', explanation: 'test vault: weak-only' });
    expectTokenNowhere();
  });

  it('stores nothing when the vault cannot encrypt, even with consent', async () => {
    vault.kind = 'unavailable';
    const { store } = open();
    const refused = await send('command', 'github.accounts.add', pasted(sim.url, { allowWeakStorage: true }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(store.workspace.githubAccounts).toEqual([]);
  });

  it('uses GITHUB_TOKEN from the environment without storing it', async () => {
    const { store } = open({ auth: createGitHubAuth({ env: { GITHUB_TOKEN: token } }) });
    const added = await send('command', 'github.accounts.add', {
      host: sim.enterpriseUrl,
      token: { kind: 'environment' },
    });
    expect(added).toMatchObject({
      ok: true,
      value: {
        state: 'ok',
        identity: { login: 'demo-dev' },
        token: { source: 'environment', variable: 'GITHUB_TOKEN' },
      },
    });
    expect(vault.tokens.size).toBe(0);
    expect(store.workspace.githubAccounts[0]?.tokenSource).toBe('environment');
    const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
    expect(listed.ok && listed.value.sources.environmentVariables).toEqual(['GITHUB_TOKEN']);
    expectTokenNowhere();
  });

  it('says which variables to set when the environment has no token', async () => {
    open();
    const result = await send('command', 'github.accounts.add', {
      host: 'github.com',
      token: { kind: 'environment' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!result.ok && result.error.message).toMatch(/set GH_TOKEN or GITHUB_TOKEN/);
  });

  it('imports the GitHub CLI token for the host, without storing it', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'gh'),
      `#!/bin/sh\n[ "$4" = "127.0.0.1:${new URL(sim.url).port}" ] && echo ${token} || exit 1\n`,
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const { store } = open({ auth: createGitHubAuth({ env: { PATH: `${bin}:/usr/bin:/bin` } }) });
    const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
    expect(listed.ok && listed.value.sources.ghCli).toBe(true);
    const added = await send('command', 'github.accounts.add', {
      host: sim.enterpriseUrl,
      token: { kind: 'gh-cli' },
    });
    expect(added).toMatchObject({ ok: true, value: { state: 'ok', token: { source: 'gh-cli' } } });
    expect(vault.tokens.size).toBe(0);
    expect(store.workspace.githubAccounts[0]?.tokenSource).toBe('gh-cli');
    expectTokenNowhere();
  });

  it('in browser mode refuses a pasted token and explains where tokens come from', async () => {
    open({ vault: environmentOnlyVault() });
    const refused = await send('command', 'github.accounts.add', pasted(sim.url));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Browser mode does not store tokens: set GITHUB_TOKEN or sign in with gh.' },
    });
    const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
    expect(listed.ok && listed.value.vault.kind).toBe('environment');
    expectTokenNowhere();
  });

  it('rejects malformed input before anything runs, without echoing the token', async () => {
    open();
    const spaced = 'ghp_canary with spaces';
    for (const payload of [
      { host: sim.url, token: { kind: 'paste', token: spaced } },
      { host: sim.url, token: { kind: 'paste', token: `ghp_${'x'.repeat(252)}` } },
      { host: sim.url, token: { kind: 'paste', token: '' } },
      { host: sim.url, token: { kind: 'paste', token, extra: 1 } },
      { host: sim.url, token: { kind: 'keychain' } },
      { host: sim.url, token: { kind: 'paste', token }, allowWeakStorage: 'yes' },
    ]) {
      const result = await send('command', 'github.accounts.add', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(JSON.stringify(result)).not.toContain('canary');
    }
    expect(vault.tokens.size).toBe(0);
    expect(sim.requests.count()).toBe(0);
  });

  it('refuses a host that would carry the token over plain http or with a path it does not know', async () => {
    open();
    for (const host of [
      'http://ghe.example.com',
      'https://user:pw@ghe.example.com',
      'https://ghe.example.com/api/v4',
    ]) {
      const result = await send('command', 'github.accounts.add', pasted(host));
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(vault.tokens.size).toBe(0);
    expectTokenNowhere();
  });

  it('is refused in the demo workspace', async () => {
    const { store } = open();
    await send('command', 'demo.open', {});
    const result = await send('command', 'github.accounts.add', pasted(sim.url));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && result.error.message).toMatch(/demo workspace/);
    expect(store.workspace.githubAccounts).toEqual([]);
    expect(vault.tokens.size).toBe(0);
  });
});

it('checks the demo’s account with the demo’s token, and forgets it when the demo closes', async () => {
  const demoToken = 'ghp_demotoken00000000000000000000000001';
  const start = async () => ({
    workspace: { ...emptyWorkspace, githubAccounts: [{ id: 'demo-github', label: 'Demo', host: sim.url }] },
    githubToken: demoToken,
    stop: async () => undefined,
  });
  hub = tempHub(dir, log, start, undefined, { vault }).hub;
  await send('command', 'demo.open', {});
  const checked = await send('command', 'github.accounts.check', { accountKey: 'demo-github' });
  expect(checked).toMatchObject({ ok: true, value: { state: 'ok', token: { source: 'demo' } } });
  expect(JSON.stringify(checked)).not.toContain(demoToken);
  await send('command', 'demo.close', {});
  const listed = (await send('query', 'github.accounts', {})) as Result<GitHubAccountsView>;
  expect(listed.ok && listed.value.accounts).toEqual([]);
  expect(vault.tokens.size).toBe(0);
});

describe('an added account', () => {
  async function added(): Promise<GitHubAccountStatus> {
    open();
    const result = await send('command', 'github.accounts.add', pasted(sim.url, { label: 'Mine' }));
    if (!result.ok) throw new Error(result.error.message);
    return result.value as GitHubAccountStatus;
  }

  it('checks again, and needs a new token once GitHub revokes it (RELIABILITY G03)', async () => {
    const account = await added();
    expect(await send('command', 'github.accounts.check', { accountKey: account.accountKey })).toMatchObject({
      ok: true,
      value: { state: 'ok', identity: { login: 'demo-dev' } },
    });
    sim.control.revokeToken(token);
    const checked = await send('command', 'github.accounts.check', { accountKey: account.accountKey });
    expect(checked).toMatchObject({ ok: true, value: { state: 'needs-token' } });
    expect(JSON.stringify(checked)).toContain('GitHub did not accept this token');
    expect(checked.ok && (checked.value as GitHubAccountStatus).identity).toBeUndefined();
    expectTokenNowhere();
  });

  it('needs a token when the stored one cannot be decrypted, and says why (RELIABILITY C02)', async () => {
    const account = await added();
    vault.unreadable.add(account.accountKey);
    const checked = await send('command', 'github.accounts.check', { accountKey: account.accountKey });
    expect(checked).toMatchObject({ ok: true, value: { state: 'needs-token', problem: 'test vault: cannot decrypt' } });
  });

  it('is removed with its stored token', async () => {
    const account = await added();
    const removed = await send('command', 'github.accounts.remove', { accountKey: account.accountKey });
    expect(removed).toMatchObject({ ok: true, value: { accounts: [] } });
    expect(vault.tokens.size).toBe(0);
    expect(await send('command', 'github.accounts.check', { accountKey: account.accountKey })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await send('command', 'github.accounts.remove', { accountKey: account.accountKey })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expectTokenNowhere();
  });

  it('gets an id apart from the AWS accounts', async () => {
    const { store } = open();
    await send('command', 'aws.accounts.add', { label: 'Mine', profile: null, regions: ['eu-west-1'] });
    const result = await send('command', 'github.accounts.add', pasted(sim.url, { label: 'Mine' }));
    expect(result).toMatchObject({ ok: true, value: { accountKey: 'mine-2' } });
    expect(store.workspace.githubAccounts.map((a) => a.id)).toEqual(['mine-2']);
  });
});

describe('tokens for the live workspace', () => {
  function accounts(workspace: Workspace, auth: GitHubAuth = createGitHubAuth({ env: {} })) {
    return new GitHubAccounts({
      vault,
      auth,
      workspace: () => workspace,
      demoActive: () => false,
      demoToken: () => undefined,
      onChange: (view) => seen.push(view),
      log: silentLogger,
    });
  }

  it('hands out the stored token and API base URL by account id, and forgets a refused one', async () => {
    await vault.set('work', token);
    const github = accounts({
      ...emptyWorkspace,
      githubAccounts: [
        { id: 'work', label: 'Work', host: 'https://ghe.example.com/api/v3' },
        { id: 'dotcom', label: 'Dotcom', host: 'github.com', tokenSource: 'environment' },
      ],
    });
    expect(await github.token('work')).toBe(token);
    expect(github.apiBaseUrl('work')).toBe('https://ghe.example.com/api/v3');
    expect(github.apiBaseUrl('dotcom')).toBe('https://api.github.com');
    expect(await github.token('dotcom')).toBeUndefined();
    expect(await github.token('nobody')).toBeUndefined();

    github.markNeedsToken('work', 'GitHub did not accept this token.');
    expect(github.list()[0]).toMatchObject({ state: 'needs-token', problem: 'GitHub did not accept this token.' });
    await vault.delete('work');
    expect(await github.token('work')).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(token);
  });

  it('reads environment tokens from the environment it was given', async () => {
    const github = accounts(
      {
        ...emptyWorkspace,
        githubAccounts: [{ id: 'env', label: 'Env', host: 'github.com', tokenSource: 'environment' }],
      },
      createGitHubAuth({ env: { GH_TOKEN: token } }),
    );
    expect(await github.token('env')).toBe(token);
  });
});
