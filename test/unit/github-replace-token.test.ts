// Replacing an account's token through the hub's contract, against the
// GitHub simulator: the new token must sign in as the login the account last
// showed, is stored like a pasted one (weak storage only with consent), and
// the account is connected again at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/main/hub/hub';
import { createGitHubAuth, type GitHubAuth } from '../../src/main/sources/github-auth/index';
import type { HubEvent } from '../../src/shared/contract';
import type { GitHubAccountStatus, GitHubAccountsView } from '../../src/shared/github-accounts';
import type { Result } from '../../src/shared/result';
import { startHarness, type Harness } from '../sim/github/harness';
import { MemoryTokenVault } from '../support/memory-token-vault';
import { fakeDemo, recordingLogger, tempDir, tempHub, type RecordingLogger } from '../support/temp-hub';

const first = 'ghp_replaceFIRST00000000000000000000000001';
const second = 'ghp_replaceSECOND0000000000000000000000002';
const stranger = 'ghp_replaceSTRANGER00000000000000000000003';

let sim: Harness;
let dir: string;
let remove: () => void;
let log: RecordingLogger;
let vault: MemoryTokenVault;
let hub: Hub | undefined;
let seen: unknown[];

beforeEach(async () => {
  sim = await startHarness('demo');
  // The demo scenario signs every ghp_ token in as demo-dev; this one is somebody else.
  sim.control.addToken(stranger, 'someone-else');
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

function open(auth?: GitHubAuth) {
  const made = tempHub(dir, log, fakeDemo(), undefined, { vault, ...(auth ? { auth } : {}) });
  hub = made.hub;
  made.hub.subscribe((event: HubEvent) => seen.push(event));
  return made;
}

async function send(kind: 'query' | 'command', name: string, payload: unknown): Promise<Result<unknown>> {
  if (!hub) throw new Error('open a hub first');
  const result = await hub.dispatch(kind, name, payload);
  seen.push(result);
  return result;
}

/** An account added with `first`, whose token GitHub then revoked. */
async function accountNeedingToken(): Promise<string> {
  const added = (await send('command', 'github.accounts.add', {
    host: sim.url,
    label: 'Mine',
    token: { kind: 'paste', token: first },
  })) as Result<GitHubAccountStatus>;
  if (!added.ok) throw new Error(added.error.message);
  sim.control.revokeToken(first);
  const checked = (await send('command', 'github.accounts.check', {
    accountKey: 'mine',
  })) as Result<GitHubAccountStatus>;
  expect(checked).toMatchObject({ ok: true, value: { state: 'needs-token' } });
  return added.value.accountKey;
}

const replace = (accountKey: string, token: unknown, extra: Record<string, unknown> = {}) =>
  send('command', 'github.accounts.replaceToken', { accountKey, token, ...extra });

function expectTokensNowhere(): void {
  const outside = JSON.stringify([seen, log.lines]) + readFileSync(join(dir, 'config.json'), 'utf8');
  for (const token of [first, second, stranger]) expect(outside).not.toContain(token);
}

describe('replacing a token', () => {
  it('takes a new token for the same login, stores it, and connects the account again', async () => {
    const { store } = open();
    const accountKey = await accountNeedingToken();
    seen.length = 0;
    const replaced = await replace(accountKey, { kind: 'paste', token: second });
    expect(replaced).toMatchObject({
      ok: true,
      value: { accountKey, state: 'ok', identity: { login: 'demo-dev' }, token: { source: 'stored' } },
    });
    expect(vault.tokens.get(accountKey)?.token).toBe(second);
    expect(store.workspace.githubAccounts).toEqual([
      { id: accountKey, label: 'Mine', host: sim.url, tokenSource: 'stored' },
    ]);
    const announced = seen.filter((event) => (event as HubEvent).name === 'github.accounts.changed');
    expect((announced.at(-1) as { payload: GitHubAccountsView }).payload.accounts[0]?.state).toBe('ok');
    expectTokensNowhere();
  });

  it('refuses a token that signs in as someone else, and keeps the old one', async () => {
    open();
    const accountKey = await accountNeedingToken();
    const refused = await replace(accountKey, { kind: 'paste', token: stranger });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toBe(
      'That token signs in as someone-else, but Mine is demo-dev. Add it as another account instead.',
    );
    expect(vault.tokens.get(accountKey)?.token).toBe(first);
    expectTokensNowhere();
  });

  it('refuses a token GitHub does not accept', async () => {
    open();
    const accountKey = await accountNeedingToken();
    const refused = await replace(accountKey, { kind: 'paste', token: 'ghx_not_a_token_0001' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'credentials-expired' } });
    expect(vault.tokens.get(accountKey)?.token).toBe(first);
  });

  it('accepts any login for an account that never checked ok since Starboard started', async () => {
    open();
    await send('command', 'github.accounts.add', {
      host: sim.url,
      label: 'Mine',
      token: { kind: 'paste', token: first },
    });
    // Revoked before Starboard starts again: no check ever says who the account is.
    sim.control.revokeToken(first);
    await hub?.close();
    open();
    const replaced = await replace('mine', { kind: 'paste', token: stranger });
    expect(replaced).toMatchObject({ ok: true, value: { identity: { login: 'someone-else' } } });
  });

  it('needs consent to store it with weak protection, and asks GitHub nothing before', async () => {
    open();
    const accountKey = await accountNeedingToken();
    vault.kind = 'weak-only';
    const before = sim.requests.count();
    const refused = await replace(accountKey, { kind: 'paste', token: second });
    expect(!refused.ok && refused.error.message).toMatch(/weak protection/);
    expect(sim.requests.count()).toBe(before);
    expect(vault.tokens.get(accountKey)?.token).toBe(first);
    const agreed = await replace(accountKey, { kind: 'paste', token: second }, { allowWeakStorage: true });
    expect(agreed).toMatchObject({ ok: true, value: { token: { source: 'stored', protection: 'weak' } } });
  });

  it('switches to GITHUB_TOKEN from the environment and drops the stored copy', async () => {
    const { store } = open(createGitHubAuth({ env: { GITHUB_TOKEN: second } }));
    const accountKey = await accountNeedingToken();
    const replaced = await replace(accountKey, { kind: 'environment' });
    expect(replaced).toMatchObject({ ok: true, value: { state: 'ok', token: { source: 'environment' } } });
    expect(vault.tokens.has(accountKey)).toBe(false);
    expect(store.workspace.githubAccounts[0]?.tokenSource).toBe('environment');
    expectTokensNowhere();
  });

  it('is refused for an unknown account and in the demo workspace', async () => {
    open();
    expect(await replace('nobody', { kind: 'paste', token: second })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await send('command', 'demo.open', {});
    expect(await replace('nobody', { kind: 'paste', token: second })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
