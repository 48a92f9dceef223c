// A private AWS environment for credential tests: a temp HOME with its own
// ~/.aws files, the simulator on a real-time clock (the SDK checks token and
// credential expiry against Date.now), the SDK's STS, SSO and SSO OIDC
// clients pointed at it through AWS_ENDPOINT_URL_<SERVICE>, and every
// variable restored afterwards.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../../src/sim/aws';
import { RealtimeClock } from '../../../../src/sim/clock';
import { FaultInjector } from '../../../../src/sim/faults';
import { Random } from '../../../../src/sim/random';
import { RequestLog } from '../../../../src/sim/requests';

export interface CredentialSim extends AwsSim {
  clock: RealtimeClock;
  requests: RequestLog;
}

export async function startCredentialSim(): Promise<CredentialSim> {
  const clock = new RealtimeClock();
  const requests = new RequestLog();
  const faults = new FaultInjector(new Random(1).fork('faults'));
  const sim = await startAwsSim({ scenario: 'demo', seed: 1, scale: 10, clock, faults, requests, port: 0 });
  return { ...sim, clock, requests };
}

/** Variables that would let the host machine's own AWS setup leak into a test. */
const cleared = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'USERPROFILE',
];

export interface AwsTestEnv {
  home: string;
  configFile: string;
  credentialsFile: string;
  writeConfig(text: string): Promise<void>;
  writeCredentials(text: string): Promise<void>;
  restore(): Promise<void>;
}

export async function useAwsTestEnv(simEndpoint?: string): Promise<AwsTestEnv> {
  const saved = { ...process.env };
  const home = await mkdtemp(join(tmpdir(), 'starboard-aws-'));
  for (const name of Object.keys(process.env)) {
    if (cleared.includes(name) || name.startsWith('AWS_ENDPOINT_URL')) Reflect.deleteProperty(process.env, name);
  }
  const configFile = join(home, 'aws-config');
  const credentialsFile = join(home, 'aws-credentials');
  Object.assign(process.env, {
    HOME: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  if (simEndpoint) {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_STS: simEndpoint,
      AWS_ENDPOINT_URL_SSO: simEndpoint,
      AWS_ENDPOINT_URL_SSO_OIDC: simEndpoint,
    });
  }
  return {
    home,
    configFile,
    credentialsFile,
    writeConfig: (text) => writeFile(configFile, text),
    writeCredentials: (text) => writeFile(credentialsFile, text),
    async restore() {
      for (const name of Object.keys(process.env)) {
        if (!(name in saved)) Reflect.deleteProperty(process.env, name);
      }
      Object.assign(process.env, saved);
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** An askMfaCode that gives scripted answers and records what it was asked (never the answers). */
export function scriptedMfa(answers: (string | null)[]): {
  ask: (request: { profile: string; serial: string; retryReason?: string }) => Promise<string | null>;
  asked: { profile: string; serial: string; retryReason?: string }[];
} {
  const asked: { profile: string; serial: string; retryReason?: string }[] = [];
  return {
    asked,
    ask: async ({ profile, serial, retryReason }) => {
      asked.push({ profile, serial, ...(retryReason ? { retryReason } : {}) });
      const answer = answers.shift();
      if (answer === undefined) throw new Error('asked for more MFA codes than scripted');
      return answer;
    },
  };
}

export interface CredentialTestContext {
  sim: CredentialSim;
  env: AwsTestEnv;
}

/**
 * Registers the hooks every credential test file needs: one simulator per
 * file, a fresh environment (and request log) per test. With `pointSdkAtSim`
 * the SDK's STS, SSO and SSO OIDC clients reach the simulator.
 */
export function credentialTestContext(pointSdkAtSim = true): CredentialTestContext {
  const context = {} as CredentialTestContext;
  beforeAll(async () => {
    context.sim = await startCredentialSim();
  });
  afterAll(async () => {
    await context.sim.close();
  });
  beforeEach(async () => {
    context.env = await useAwsTestEnv(pointSdkAtSim ? context.sim.endpoint : undefined);
    context.sim.requests.reset();
  });
  afterEach(async () => {
    await context.env.restore();
  });
  return context;
}
