// Per-account credential providers through the real SDK against the
// simulator's STS: static keys, assume-role with MFA (RELIABILITY A05),
// credential_process failures (A07), no credentials at all (A01), bad
// regions (A02) and stale credentials after ExpiredToken (A06).
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkIdentity,
  checkRegion,
  createCredentialsBackend,
  credentialsFor,
  type CredentialOptions,
} from '../../../src/main/sources/aws/credentials';
import { awsProblem } from '../../../src/main/sources/aws/problems';
import { credentialTestContext, scriptedMfa } from './support/credentials-env';

const t = credentialTestContext();

const identityOf = (profile: string | null, options: CredentialOptions = {}) =>
  checkIdentity({
    accountKey: 'acct',
    region: 'us-east-1',
    credentials: credentialsFor({ profile }, options),
    endpointUrl: t.sim.endpoint,
  });

const assumeRoleConfig = `
[profile base]
region = us-east-1
[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
role_session_name = starboard-test
source_profile = base
mfa_serial = arn:aws:iam::111122223333:mfa/dev
region = us-east-1
`;
const baseKeys = '[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n';

describe('static keys', () => {
  it("resolve a named profile and show the simulator's account through GetCallerIdentity", async () => {
    await t.env.writeCredentials('[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s3cret\n');
    expect(await identityOf('work')).toEqual({
      accountId: '111122223333',
      arn: 'arn:aws:iam::111122223333:user/dev',
      userId: 'AIDAJQABLZS4A3QDU576Q',
    });
    expect(t.sim.requests.byOperation()).toEqual({ 'sts.GetCallerIdentity': 1 });
  });

  it('are reused until marked stale, then read again (A06: new keys after ExpiredToken)', async () => {
    await t.env.writeCredentials('[work]\naws_access_key_id = AKIDOLD\naws_secret_access_key = s\n');
    t.sim.control.world.policy.expiredAccessKeys.add('AKIDOLD');
    const backend = createCredentialsBackend({ askMfaCode: async () => null, openUrl: () => undefined });
    const account = { id: 'w', label: 'Work', profile: 'work', regions: ['us-east-1'], endpointUrl: t.sim.endpoint };
    const first = await backend.checkIdentity(account);
    expect(first).toMatchObject({ ok: false, problem: { code: 'credentials-expired' } });
    await t.env.writeCredentials('[work]\naws_access_key_id = AKIDNEW\naws_secret_access_key = s\n');
    expect(await backend.checkIdentity(account)).toMatchObject({ ok: false });
    backend.forget(account);
    expect(await backend.checkIdentity(account)).toEqual({
      ok: true,
      accountId: '111122223333',
      arn: 'arn:aws:iam::111122223333:user/dev',
    });
    expect(t.sim.requests.count({ operation: 'GetCallerIdentity', status: 403 })).toBe(2);
  });
});

describe('assume-role with mfa_serial (A05)', () => {
  beforeEach(async () => {
    await t.env.writeConfig(assumeRoleConfig);
    await t.env.writeCredentials(baseKeys);
    t.sim.control.setMfaCode('123456');
  });

  it('asks for the code, assumes the role and is that role', async () => {
    const mfa = scriptedMfa(['123456']);
    const identity = await identityOf('admin', { askMfaCode: mfa.ask });
    expect(identity.arn).toBe('arn:aws:sts::111122223333:assumed-role/Admin/starboard-test');
    expect(mfa.asked).toEqual([{ profile: 'admin', serial: 'arn:aws:iam::111122223333:mfa/dev' }]);
    expect(t.sim.requests.count({ operation: 'AssumeRole' })).toBe(1);
  });

  it('shows a refused code and asks again', async () => {
    const mfa = scriptedMfa(['654321', '123456']);
    const identity = await identityOf('admin', { askMfaCode: mfa.ask });
    expect(identity.arn).toContain(':assumed-role/Admin/');
    expect(mfa.asked[1]?.retryReason).toMatch(/refused/);
    expect(t.sim.requests.count({ operation: 'AssumeRole', status: 403 })).toBe(1);
    expect(t.sim.requests.count({ operation: 'AssumeRole', status: 200 })).toBe(1);
  });

  it('gives up with STS AccessDenied after the allowed attempts', async () => {
    const mfa = scriptedMfa(['111111', '222222']);
    const error: unknown = await identityOf('admin', { askMfaCode: mfa.ask, mfaAttempts: 2 }).catch((e: unknown) => e);
    expect(awsProblem(error, 'sts:AssumeRole').code).toBe('access-denied');
    expect(String(error)).toMatch(/MultiFactorAuthentication failed/);
    expect(t.sim.requests.count({ operation: 'AssumeRole', status: 403 })).toBe(2);
  });

  it('refuses anything but six digits locally, without calling STS', async () => {
    const mfa = scriptedMfa(['12ab', '1234567', ' 123456 ']);
    await identityOf('admin', { askMfaCode: mfa.ask });
    expect(mfa.asked.map((a) => a.retryReason)).toEqual([
      undefined,
      'An MFA code is six digits.',
      'An MFA code is six digits.',
    ]);
    expect(t.sim.requests.count({ operation: 'AssumeRole' })).toBe(1);
  });

  it('cancels the operation when the user cancels, with no STS call', async () => {
    const mfa = scriptedMfa([null]);
    await expect(identityOf('admin', { askMfaCode: mfa.ask })).rejects.toMatchObject({
      name: 'CredentialsError',
      code: 'cancelled',
    });
    expect(t.sim.requests.count({ service: 'sts' })).toBe(0);
  });

  it('asks once for concurrent callers and never keeps the code', async () => {
    const mfa = scriptedMfa(['123456']);
    const provider = credentialsFor({ profile: 'admin' }, { askMfaCode: mfa.ask });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
    expect(mfa.asked).toHaveLength(1);
    expect(JSON.stringify(a)).not.toContain('123456');
  });
});

describe('credential_process (A07)', () => {
  it('is bounded when the command hangs, with an error naming the profile', async () => {
    await t.env.writeConfig(`[profile stuck]\ncredential_process = node -e "setTimeout(() => {}, 4000)"\n`);
    await expect(identityOf('stuck', { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/profile stuck took longer than/) as unknown,
    });
    expect(t.sim.requests.count()).toBe(0);
  });

  it('gives a readable error when the command prints something that is not JSON', async () => {
    await t.env.writeConfig(`[profile broken]\ncredential_process = node -e "console.log('hello')"\n`);
    await expect(identityOf('broken')).rejects.toThrow(/Profile broken credential_process returned invalid JSON/);
  });

  it('works when the command prints credentials', async () => {
    const json = JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROC', SecretAccessKey: 'x' });
    await t.env.writeConfig(`[profile tool]\ncredential_process = node -e 'console.log(${JSON.stringify(json)})'\n`);
    expect((await identityOf('tool')).accountId).toBe('111122223333');
  });
});

describe('no credentials and bad regions', () => {
  it('fails at once with the chain error when nothing is configured (A01, IMDS disabled)', async () => {
    await expect(identityOf(null)).rejects.toThrow(/Could not load credentials from any providers/);
    expect(t.sim.requests.count()).toBe(0);
  });

  it('names a profile that does not exist', async () => {
    await expect(identityOf('nope')).rejects.toThrow(/nope/);
  });

  it('rejects a region that is not a region before any call (A02)', async () => {
    expect(() => checkRegion('us-east-1/../x')).toThrow(/not an AWS region name/);
    expect(checkRegion('us-gov-west-1')).toBe('us-gov-west-1');
    const backend = createCredentialsBackend({ askMfaCode: async () => null, openUrl: () => undefined });
    const account = { id: 'x', label: 'X', profile: null, regions: ['EU'] };
    expect(await backend.checkIdentity(account)).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(() => backend.target(account, 'eu-west-1 ')).toThrow(/not an AWS region name/);
    expect(t.sim.requests.count()).toBe(0);
  });
});
