// The IAM Identity Center device sign-in end to end against the simulator's
// SSO OIDC and SSO portal: the token lands in the AWS CLI's cache, after
// which the SDK's own SSO provider (fromIni) signs CodePipeline calls.
// Polling honours interval and slow_down; denial, expiry and cancel stop it.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { beforeEach, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import {
  checkIdentity,
  credentialsFor,
  type SsoLoginOptions,
  startSsoLogin,
} from '../../../src/main/sources/aws/credentials';
import { credentialTestContext } from './support/credentials-env';

const t = credentialTestContext();
let session: string;
let serial = 0;

beforeEach(async () => {
  // The SDK remembers refresh attempts per session name for the process: a fresh name per test.
  serial += 1;
  session = `corp-${serial}`;
  await t.env.writeConfig(`
[sso-session ${session}]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = ${session}
sso_account_id = 111122223333
sso_role_name = Developer
region = us-east-1
`);
});

/** A sleep that moves simulated time by `share` of what was asked and lets the "user" act after poll n. */
function user(act: (polls: number) => void, share = 1) {
  const sleeps: number[] = [];
  const opened: string[] = [];
  let now = Date.now();
  const options: SsoLoginOptions = {
    openUrl: (url) => {
      opened.push(url);
    },
    now: () => now,
    sleep: async (ms) => {
      act(sleeps.length);
      sleeps.push(ms);
      now += ms * share;
      t.sim.clock.advance(ms * share);
    },
  };
  return { options, sleeps, opened };
}

const tokenPath = () =>
  join(t.env.home, '.aws', 'sso', 'cache', `${createHash('sha1').update(session).digest('hex')}.json`);
const count = (operation: string, status?: number) =>
  t.sim.requests.count({ operation, ...(status === undefined ? {} : { status }) });

async function listPipelines(): Promise<number> {
  const target = {
    accountKey: 'dev',
    region: 'us-east-1',
    credentials: credentialsFor({ profile: 'dev' }),
    endpointUrl: t.sim.endpoint,
  };
  const client = new CodePipelineClient(clientConfig(target));
  const out = await client.send(new ListPipelinesCommand({}));
  return out.pipelines?.length ?? 0;
}

describe('SSO device sign-in', () => {
  it('runs the flow, caches the token as the CLI does, and then fromIni signs real calls', async () => {
    await expect(listPipelines()).rejects.toThrow(/aws sso login/);
    const { options, sleeps, opened } = user((polls) => polls === 1 && t.sim.control.approveDeviceAuthorization());
    const codes: string[] = [];
    const result = await startSsoLogin({ profile: 'dev' }, { ...options, onCode: (c) => codes.push(c.userCode) });

    expect(opened).toEqual([`https://device.sso.us-east-1.amazonaws.com/?user_code=${codes[0] ?? ''}`]);
    expect(sleeps).toEqual([5000, 5000]);
    expect(result).toMatchObject({ cacheFile: tokenPath(), polls: 2 });
    const cached = JSON.parse(await readFile(tokenPath(), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(cached).sort()).toEqual(
      [
        'accessToken',
        'clientId',
        'clientSecret',
        'expiresAt',
        'refreshToken',
        'region',
        'registrationExpiresAt',
        'startUrl',
      ].sort(),
    );
    expect(cached).toMatchObject({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1' });
    expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await stat(tokenPath())).mode & 0o777).toBe(0o600);
    const files = await readdir(join(t.env.home, '.aws', 'sso', 'cache'));
    expect(files).toHaveLength(2); // the token and the client registration, no temp files left
    expect(t.sim.requests.byOperation()).toMatchObject({
      'sso-oauth.RegisterClient': 1,
      'sso-oauth.StartDeviceAuthorization': 1,
      'sso-oauth.CreateToken': 2,
    });

    expect(await listPipelines()).toBeGreaterThan(0);
    expect(count('GetRoleCredentials', 200)).toBe(1);
    const identity = await checkIdentity({
      accountKey: 'dev',
      region: 'us-east-1',
      credentials: credentialsFor({ profile: 'dev' }),
      endpointUrl: t.sim.endpoint,
    });
    expect(identity.arn).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_Developer_\w+\/dev@example.com$/,
    );
  });

  it('reuses the cached client registration on the next sign-in', async () => {
    await startSsoLogin({ profile: 'dev' }, user((p) => p === 0 && t.sim.control.approveDeviceAuthorization()).options);
    await startSsoLogin(
      { ssoSession: session },
      user((p) => p === 0 && t.sim.control.approveDeviceAuthorization()).options,
    );
    expect(count('RegisterClient')).toBe(1);
    expect(count('StartDeviceAuthorization')).toBe(2);
  });

  it('adds five seconds after slow_down and never polls faster than the interval', async () => {
    // The "clock" moves half of each wait, so the second poll comes too soon for the service.
    const { options, sleeps } = user((polls) => polls === 3 && t.sim.control.approveDeviceAuthorization(), 0.5);
    const result = await startSsoLogin({ profile: 'dev' }, options);
    expect(count('CreateToken', 400)).toBe(3);
    expect(sleeps).toEqual([5000, 5000, 10_000, 10_000]);
    expect(result.polls).toBe(4);
  });

  it('stops when the user denies the sign-in, writing nothing', async () => {
    const { options } = user((polls) => polls === 1 && t.sim.control.denyDeviceAuthorization());
    await expect(startSsoLogin({ profile: 'dev' }, options)).rejects.toMatchObject({ code: 'sso-denied' });
    expect(count('CreateToken')).toBe(2);
    await expect(stat(tokenPath())).rejects.toThrow(/ENOENT/);
  });

  it('stops when the code expires, and a new sign-in can start again', async () => {
    const { options } = user(() => undefined);
    await expect(startSsoLogin({ profile: 'dev' }, options)).rejects.toMatchObject({ code: 'sso-expired' });
    expect(count('CreateToken')).toBeLessThanOrEqual(120);
    expect(t.sim.control.pendingDeviceAuthorizations()).toHaveLength(0);
    const again = await startSsoLogin(
      { profile: 'dev' },
      user((p) => p === 0 && t.sim.control.approveDeviceAuthorization()).options,
    );
    expect(again.polls).toBe(1);
  });

  it('cancels between polls when the signal aborts', async () => {
    const controller = new AbortController();
    const { options } = user((polls) => polls === 1 && controller.abort());
    await expect(startSsoLogin({ profile: 'dev' }, { ...options, signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(count('CreateToken')).toBe(1);
  });

  it('refuses a profile that does not sign in with IAM Identity Center', async () => {
    await t.env.writeConfig('[profile keys]\nregion = us-east-1\n');
    await expect(startSsoLogin({ profile: 'keys' }, user(() => undefined).options)).rejects.toMatchObject({
      code: 'not-sso',
    });
    expect(t.sim.requests.count()).toBe(0);
  });
});

describe('an expired SSO access token', () => {
  async function signInThenExpire(refreshTokensToo: boolean): Promise<void> {
    await startSsoLogin({ profile: 'dev' }, user((p) => p === 0 && t.sim.control.approveDeviceAuthorization()).options);
    t.sim.control.expireSsoTokens(refreshTokensToo);
    const cached = JSON.parse(await readFile(tokenPath(), 'utf8')) as Record<string, unknown>;
    await writeFile(tokenPath(), JSON.stringify({ ...cached, expiresAt: new Date(Date.now() - 60_000).toISOString() }));
    t.sim.requests.reset();
  }

  it('is refreshed transparently while the refresh token is valid (A03)', async () => {
    await signInThenExpire(false);
    const before = (JSON.parse(await readFile(tokenPath(), 'utf8')) as { accessToken: string }).accessToken;
    expect(await listPipelines()).toBeGreaterThan(0);
    const after = (JSON.parse(await readFile(tokenPath(), 'utf8')) as { accessToken: string }).accessToken;
    expect(after).not.toBe(before);
    expect(count('CreateToken', 200)).toBe(1);
  });

  it('asks to sign in again when the refresh token has expired too, without looping (A04)', async () => {
    await signInThenExpire(true);
    const provider = credentialsFor({ profile: 'dev' });
    await expect(provider()).rejects.toMatchObject({ code: 'sso-sign-in-required' });
    await expect(provider()).rejects.toMatchObject({ code: 'sso-sign-in-required' });
    expect(count('CreateToken')).toBe(1);
    expect(count('GetRoleCredentials')).toBe(0);
  });
});
