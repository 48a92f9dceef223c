// Profile listing reads the shared config and credentials files where the
// AWS CLI does and describes every kind of profile without a secret in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProfiles } from '../../../src/main/sources/aws/credentials';
import { type AwsTestEnv, useAwsTestEnv } from './support/credentials-env';

const canary = 'CANARYsecretVALUE0123456789';
let env: AwsTestEnv;

beforeEach(async () => {
  env = await useAwsTestEnv();
});
afterEach(async () => {
  await env.restore();
});

const config = `
[default]
region = eu-west-1

[profile session]
region = us-west-2

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default
mfa_serial = arn:aws:iam::111122223333:mfa/dev

[profile tool]
credential_process = /usr/local/bin/get-creds --secret ${canary}

[profile via-tool]
role_arn = arn:aws:iam::111122223333:role/Deployer
source_profile = tool

[profile on-ec2]
role_arn = arn:aws:iam::111122223333:role/Ec2
credential_source = Ec2InstanceMetadata

[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = us-east-1

[profile old-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile ci]
web_identity_token_file = /var/run/token
role_arn = arn:aws:iam::111122223333:role/Ci

[profile empty]
output = json

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[services local]
codepipeline =
  endpoint_url = http://127.0.0.1:4566
`;

const credentials = `
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = ${canary}

[session]
aws_access_key_id = ASIASESSION
aws_secret_access_key = ${canary}
aws_session_token = ${canary}TOKEN
`;

describe('listProfiles', () => {
  it('describes every kind of profile, default first, and never returns a secret', async () => {
    await env.writeConfig(config);
    await env.writeCredentials(credentials);
    const listing = await listProfiles(process.env);
    expect(listing.files).toEqual([env.configFile, env.credentialsFile]);
    expect(listing.problem).toBeUndefined();
    const byName = Object.fromEntries(listing.profiles.map((p) => [p.name, p]));
    expect(listing.profiles[0]?.name).toBe('default');
    expect(listing.profiles.map((p) => p.name)).not.toContain('corp');
    expect(listing.profiles.map((p) => p.name)).not.toContain('local');
    expect(byName.default).toMatchObject({ kind: 'static', region: 'eu-west-1', runsCommand: false, needsMfa: false });
    expect(byName.session).toMatchObject({ kind: 'session', region: 'us-west-2' });
    expect(byName.admin).toMatchObject({ kind: 'assume-role', needsMfa: true, sourceProfile: 'default' });
    expect(byName.tool).toMatchObject({ kind: 'process', runsCommand: true });
    expect(byName['via-tool']).toMatchObject({ kind: 'assume-role', runsCommand: true, sourceProfile: 'tool' });
    expect(byName['on-ec2']).toMatchObject({ kind: 'assume-role', credentialSource: 'Ec2InstanceMetadata' });
    expect(byName.dev).toMatchObject({
      kind: 'sso',
      ssoSession: 'corp',
      ssoStartUrl: 'https://corp.awsapps.com/start',
    });
    expect(byName['old-sso']).toMatchObject({ kind: 'legacy-sso', ssoStartUrl: 'https://legacy.awsapps.com/start' });
    expect(byName.ci).toMatchObject({ kind: 'web-identity' });
    expect(byName.empty).toMatchObject({ kind: 'unknown' });
    expect(byName.tool?.region).toBeUndefined();
    // The canary is in a key, a token and a command line; none of it may surface.
    expect(JSON.stringify(listing)).not.toContain(canary);
    expect(JSON.stringify(listing)).not.toContain('get-creds');
  });

  it('reads ~/.aws under HOME when AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are unset', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(`${env.home}/.aws`);
    await writeFile(`${env.home}/.aws/config`, '[profile home-only]\nregion = ap-southeast-2\n');
    const listing = await listProfiles({ HOME: env.home });
    expect(listing.files).toEqual([`${env.home}/.aws/config`]);
    expect(listing.profiles).toEqual([
      { name: 'home-only', region: 'ap-southeast-2', kind: 'unknown', runsCommand: false, needsMfa: false },
    ]);
  });

  it('sees a change to the files at once (no stale cache) and reports no files as an empty list', async () => {
    expect(await listProfiles(process.env)).toEqual({ profiles: [], files: [] });
    await env.writeConfig('[profile first]\nregion = us-east-1\n');
    expect((await listProfiles(process.env)).profiles.map((p) => p.name)).toEqual(['first']);
    await env.writeConfig('[profile second]\nregion = us-east-1\n');
    expect((await listProfiles(process.env)).profiles.map((p) => p.name)).toEqual(['second']);
  });

  it('treats a file the SDK refuses to parse as the SDK does (no profiles from it), without throwing', async () => {
    await env.writeConfig('[profile __proto__]\nregion = us-east-1\n');
    await env.writeCredentials('[ok]\naws_access_key_id = AKID\naws_secret_access_key = x\n');
    const listing = await listProfiles(process.env);
    expect(listing.profiles.map((p) => p.name)).toEqual(['ok']);
    expect(Object.prototype).not.toHaveProperty('region');
  });
});
