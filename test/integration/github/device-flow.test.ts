// Sign-in with the browser through the hub's contract, against the GitHub
// simulator's OAuth endpoints: the user code is shown, the simulated user
// authorizes (or denies, or waits too long) through the control, and the
// account is added with a token the simulator accepts, stored in the vault
// only. The poller's sleep moves the simulator's clock, so minutes pass in
// milliseconds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { environmentOnlyVault, type TokenVault } from '../../../src/main/hub/github-tokens';
import type { Hub } from '../../../src/main/hub/hub';
import { createGitHubAuth } from '../../../src/main/sources/github-auth/index';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import {
  simAppClientId,
  simNoDeviceFlowClientId,
  simOAuthClientId,
  startGitHubSim,
  type GitHubSim,
} from '../../../src/sim/github/index';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import type { HubEvent } from '../../../src/shared/contract';
import type { DeviceFlow, GitHubAccountStatus } from '../../../src/shared/github-accounts';
import type { Result } from '../../../src/shared/result';
import { MemoryTokenVault } from '../../support/memory-token-vault';
import { fakeDemo, recordingLogger, tempDir, tempHub, type RecordingLogger } from '../../support/temp-hub';

let sim: GitHubSim;
let clock: ManualClock;
let requests: RequestLog;
let dir: string;
let remove: () => void;
let log: RecordingLogger;
let vault: MemoryTokenVault;
let hub: Hub | undefined;
let seen: unknown[];

beforeEach(async () => {
  clock = new ManualClock();
  requests = new RequestLog();
  sim = await startGitHubSim({
    scenario: 'demo',
    seed: 1,
    scale: 50,
    clock,
    faults: new FaultInjector(new Random(7)),
    requests,
    port: 0,
    deviceFlow: { intervalSeconds: 5, expiresInSeconds: 120 },
  });
  ({ dir, remove } = tempDir());
  log = recordingLogger();
  vault = new MemoryTokenVault();
  seen = [];
});
afterEach(async () => {
  await hub?.dispatch('command', 'github.deviceFlow.cancel', {});
  await hub?.close();
  hub = undefined;
  await sim.close();
  remove();
});

function open(options: { vault?: TokenVault } = {}) {
  const auth = {
    ...createGitHubAuth({ env: {} }),
    deviceFlowIo: {
      now: () => clock.now(),
      // A real pause (so the test can act between polls) standing for the whole interval on the simulator's clock.
      sleep: async (ms: number, signal?: AbortSignal) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (!signal?.aborted) clock.advance(ms);
      },
    },
  };
  const made = tempHub(dir, log, fakeDemo(), undefined, { vault: options.vault ?? vault, auth });
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

async function start(payload: Record<string, unknown>): Promise<DeviceFlow> {
  const started = (await send('command', 'github.deviceFlow.start', payload)) as Result<DeviceFlow>;
  if (!started.ok) throw new Error(`start failed: ${started.error.message}`);
  return started.value;
}

const flowEvents = () =>
  seen.flatMap((event) =>
    (event as HubEvent).name === 'github.deviceFlow.changed' ? [(event as HubEvent).payload as DeviceFlow] : [],
  );

/** Waits for the flow to reach `state` and answers it as the query reports it. */
async function settled(state: DeviceFlow['state']): Promise<DeviceFlow> {
  return vi.waitFor(
    async () => {
      const flow = (await send('query', 'github.deviceFlow', {})) as Result<DeviceFlow | null>;
      if (!flow.ok || flow.value?.state !== state) throw new Error(`flow is ${JSON.stringify(flow)}`);
      return flow.value;
    },
    { timeout: 5000, interval: 10 },
  );
}

/** No issued token anywhere outside the vault: answers, events, log lines, settings file. */
function expectTokensNowhere(): void {
  const issued = [...vault.tokens.values()].map((entry) => entry.token);
  const outside = JSON.stringify([seen, log.lines]);
  for (const token of issued) expect(outside).not.toContain(token);
  expect(outside).not.toMatch(/gho_[0-9a-f]{36}/);
}

describe('signing in with the browser', () => {
  it('shows the code, and once the user authorizes adds the account with a token the simulator accepts', async () => {
    const { store } = open();
    const waiting = await start({ host: sim.url, clientId: simOAuthClientId });
    expect(waiting).toMatchObject({ state: 'waiting', host: sim.url, verificationUri: `${sim.url}/login/device` });
    expect(waiting.userCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(Date.parse(waiting.expiresAt ?? '')).toBe(clock.now() + 120_000);
    expect(sim.control.deviceCodes()).toEqual([waiting.userCode]);

    sim.control.authorizeDevice(waiting.userCode ?? '', 'device-dev');
    const done = await settled('done');
    expect(done.accountKey).toBe(`device-dev-on-127-0-0-1-${new URL(sim.url).port}`);
    expect(flowEvents().map((flow) => flow.state)).toEqual(['requesting', 'waiting', 'adding', 'done']);

    expect(store.workspace.githubAccounts).toEqual([
      {
        id: done.accountKey,
        label: `device-dev on 127.0.0.1:${new URL(sim.url).port}`,
        host: sim.url,
        tokenSource: 'stored',
        oauthClientId: simOAuthClientId,
      },
    ]);
    const stored = vault.tokens.get(done.accountKey ?? '')?.token ?? '';
    expect(stored).toMatch(/^gho_[0-9a-f]{36}$/);
    // The simulator knows that token as the user who authorized it.
    const user = await fetch(`${sim.url}/user`, { headers: { authorization: `Bearer ${stored}` } });
    expect(((await user.json()) as { login: string }).login).toBe('device-dev');
    const listed = (await send('query', 'github.accounts', {})) as Result<{ accounts: GitHubAccountStatus[] }>;
    expect(listed.ok && listed.value.accounts[0]).toMatchObject({
      state: 'ok',
      identity: { login: 'device-dev', tokenKind: 'oauth', scopes: ['repo', 'workflow', 'read:org'] },
      token: { source: 'stored', protection: 'os-encrypted' },
    });
    expect(requests.records.filter((r) => r.operation === 'oauth/device-code')).toHaveLength(1);
    expectTokensNowhere();
  });

  it('stores a GitHub App user token that expires, and says nothing about refreshing it (RELIABILITY G02)', async () => {
    open();
    const waiting = await start({ host: sim.url, clientId: simAppClientId, label: 'App sign-in' });
    sim.control.authorizeDevice(waiting.userCode ?? '', 'device-dev');
    const done = await settled('done');
    expect(vault.tokens.get(done.accountKey ?? '')?.token).toMatch(/^ghu_/);
    expect(JSON.stringify([seen, log.lines])).not.toMatch(/ghr_/);
    expectTokensNowhere();
  });

  it('ends without an account when the user denies it (RELIABILITY G01)', async () => {
    const { store } = open();
    const waiting = await start({ host: sim.url, clientId: simOAuthClientId });
    sim.control.denyDevice(waiting.userCode ?? '');
    const failed = await settled('failed');
    expect(failed.problem).toMatch(/cancelled on GitHub/);
    expect(store.workspace.githubAccounts).toEqual([]);
    expect(vault.tokens.size).toBe(0);
  });

  it('ends as expired when nobody enters the code in time (RELIABILITY G01)', async () => {
    const { store } = open();
    await start({ host: sim.url, clientId: simOAuthClientId });
    const expired = await settled('expired');
    expect(expired.problem).toBe('The code expired before it was entered. Start again for a new code.');
    expect(store.workspace.githubAccounts).toEqual([]);
  });

  it('stops polling when cancelled', async () => {
    open();
    const waiting = await start({ host: sim.url, clientId: simOAuthClientId });
    const cancelled = (await send('command', 'github.deviceFlow.cancel', {})) as Result<DeviceFlow>;
    expect(cancelled).toMatchObject({ ok: true, value: { flowId: waiting.flowId, state: 'cancelled' } });
    const polls = requests.records.filter((r) => r.operation === 'oauth/access-token').length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.records.filter((r) => r.operation === 'oauth/access-token')).toHaveLength(polls);
  });

  it('names an unknown client id and an app without the device flow before showing a code', async () => {
    open();
    const unknown = await send('command', 'github.deviceFlow.start', { host: sim.url, clientId: 'Ov23liNobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!unknown.ok && unknown.error.message).toMatch(/knows no OAuth app with the client id Ov23liNobody/);
    const disabled = await send('command', 'github.deviceFlow.start', {
      host: sim.url,
      clientId: simNoDeviceFlowClientId,
    });
    expect(!disabled.ok && disabled.error.message).toMatch(/Enable Device Flow/);
  });

  it('signs an account in again with the remembered client id, as the same user only (RELIABILITY G02)', async () => {
    const { store } = open();
    const first = await start({ host: sim.url, clientId: simOAuthClientId });
    sim.control.authorizeDevice(first.userCode ?? '', 'device-dev');
    const { accountKey } = await settled('done');
    const oldToken = vault.tokens.get(accountKey ?? '')?.token ?? '';
    sim.control.revokeToken(oldToken);
    await send('command', 'github.accounts.check', { accountKey });

    const wrong = await start({ host: sim.url, clientId: simOAuthClientId, accountKey });
    sim.control.authorizeDevice(wrong.userCode ?? '', 'someone-else');
    expect((await settled('failed')).problem).toMatch(/signs in as someone-else, but .* is device-dev/);
    expect(vault.tokens.get(accountKey ?? '')?.token).toBe(oldToken);

    const again = await start({ host: sim.url, clientId: simOAuthClientId, accountKey });
    sim.control.authorizeDevice(again.userCode ?? '', 'device-dev');
    expect((await settled('done')).accountKey).toBe(accountKey);
    expect(vault.tokens.get(accountKey ?? '')?.token).not.toBe(oldToken);
    expect(store.workspace.githubAccounts).toHaveLength(1);
    const listed = (await send('query', 'github.accounts', {})) as Result<{ accounts: GitHubAccountStatus[] }>;
    expect(listed.ok && listed.value.accounts[0]?.state).toBe('ok');
    expectTokensNowhere();
  });

  it('is refused in browser mode, which stores no tokens, before asking GitHub', async () => {
    open({ vault: environmentOnlyVault() });
    const refused = await send('command', 'github.deviceFlow.start', { host: sim.url, clientId: simOAuthClientId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/desktop app only/);
    expect(requests.records).toHaveLength(0);
  });

  it('needs consent where tokens would be stored with weak protection', async () => {
    vault.kind = 'weak-only';
    open();
    const refused = await send('command', 'github.deviceFlow.start', { host: sim.url, clientId: simOAuthClientId });
    expect(!refused.ok && refused.error.message).toMatch(/weak protection/);
    const waiting = await start({ host: sim.url, clientId: simOAuthClientId, allowWeakStorage: true });
    sim.control.authorizeDevice(waiting.userCode ?? '', 'device-dev');
    const { accountKey } = await settled('done');
    expect(vault.tokens.get(accountKey ?? '')?.protection).toBe('weak');
  });

  it('is refused in the demo workspace', async () => {
    open();
    await send('command', 'demo.open', {});
    const refused = await send('command', 'github.deviceFlow.start', { host: sim.url, clientId: simOAuthClientId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe("the simulator's device flow endpoints", () => {
  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(`${sim.url}${path}`, { method: 'POST', body, headers });
    return { type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  it('answers JSON bodies and form bodies, JSON only when asked, and slows down a client that polls too fast (RELIABILITY G01)', async () => {
    const code = await post('/login/device/code', JSON.stringify({ client_id: simOAuthClientId, scope: 'repo' }), {
      'content-type': 'application/json',
      accept: 'application/json',
    });
    const { device_code: deviceCode, interval } = JSON.parse(code.text) as { device_code: string; interval: number };
    expect(interval).toBe(5);
    const form = new URLSearchParams({
      client_id: simOAuthClientId,
      device_code: deviceCode,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    }).toString();
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await post('/login/oauth/access_token', form, formHeaders);
    expect(first.type).toMatch(/x-www-form-urlencoded/);
    expect(new URLSearchParams(first.text).get('error')).toBe('authorization_pending');
    const tooFast = await post('/login/oauth/access_token', form, { ...formHeaders, accept: 'application/json' });
    expect(JSON.parse(tooFast.text)).toMatchObject({ error: 'slow_down', interval: 10 });
    clock.advance(10_000);
    const later = await post('/login/oauth/access_token', form, { ...formHeaders, accept: 'application/json' });
    expect(JSON.parse(later.text)).toMatchObject({ error: 'authorization_pending' });

    const wrongGrant = await post(
      '/login/oauth/access_token',
      form.replace(/grant_type=[^&]*/, 'grant_type=password'),
      {
        ...formHeaders,
        accept: 'application/json',
      },
    );
    expect(JSON.parse(wrongGrant.text)).toMatchObject({ error: 'unsupported_grant_type' });
    const wrongCode = await post('/login/oauth/access_token', form.replace(deviceCode, 'nope'), {
      ...formHeaders,
      accept: 'application/json',
    });
    expect(JSON.parse(wrongCode.text)).toMatchObject({ error: 'incorrect_device_code' });
    const unknownClient = await post('/login/device/code', 'client_id=nobody', {
      ...formHeaders,
      accept: 'application/json',
    });
    expect(JSON.parse(unknownClient.text)).toMatchObject({ error: 'incorrect_client_credentials' });
  });
});
