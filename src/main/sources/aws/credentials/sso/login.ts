// The IAM Identity Center device sign-in, run by Starboard itself when a
// profile's SSO token is missing or can no longer be refreshed: register a
// client (reusing the CLI's cached registration), start device
// authorization, hand the verification URL and user code to the shell and
// the UI, poll CreateToken at the given interval (five seconds more after
// each slow_down), stop on expiry, denial or cancel, and cache the token
// where the AWS CLI does so the SDK's SSO provider (and the CLI) use it.
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { CredentialsError } from '../errors';
import { awsFiles } from '../paths';
import {
  type CachedRegistration,
  type CachedToken,
  cliTimestamp,
  readCacheFile,
  registrationFile,
  tokenFile,
  writeCacheFile,
} from './cache';
import { type SsoTarget, ssoTargetOf } from './target';

export interface DeviceCode {
  verificationUri: string;
  /** The URL with the user code filled in, when IAM Identity Center gives one. */
  verificationUriComplete?: string;
  userCode: string;
  expiresAt: string;
}

export interface SsoLoginOptions {
  /** Opens the verification page in the browser (through the shell's allow-list). */
  openUrl: (url: string) => void | Promise<void>;
  /** Tells the UI the code to compare with the one the browser shows. */
  onCode?: (code: DeviceCode) => void;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Waits between polls; tests pass one that advances a simulated clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Extra settings for the SSO OIDC client (its endpoint otherwise follows AWS_ENDPOINT_URL_SSO_OIDC). */
  clientConfig?: { endpoint?: string };
}

export interface SsoLoginResult {
  cacheFile: string;
  expiresAt: string;
  /** How many CreateToken polls it took (for the UI's patience and for tests). */
  polls: number;
}

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';
const registrationMarginMs = 15 * 60 * 1000;
const slowDownStepMs = 5000;

export async function startSsoLogin(
  from: { profile: string } | { ssoSession: string },
  options: SsoLoginOptions,
): Promise<SsoLoginResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const signal = options.signal ?? new AbortController().signal;
  const target = await ssoTargetOf(from, options.env);
  const { ssoCacheDir } = awsFiles(options.env);
  const oidc = new SSOOIDCClient({ region: target.region, ...options.clientConfig });
  const who = 'ssoSession' in from ? `sso-session ${from.ssoSession}` : `profile ${from.profile}`;
  const cancelled = (): CredentialsError => new CredentialsError('cancelled', `Signing in with ${who} was cancelled.`);
  try {
    const registration = await register(oidc, target, ssoCacheDir, now, signal);
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        startUrl: target.startUrl,
      }),
      { abortSignal: signal },
    );
    if (!device.deviceCode || !device.userCode || !device.verificationUri) {
      throw new Error('IAM Identity Center started no device authorization.');
    }
    const deadline = now() + (device.expiresIn ?? 600) * 1000;
    options.onCode?.({
      verificationUri: device.verificationUri,
      ...(device.verificationUriComplete ? { verificationUriComplete: device.verificationUriComplete } : {}),
      userCode: device.userCode,
      expiresAt: new Date(deadline).toISOString(),
    });
    await options.openUrl(device.verificationUriComplete ?? device.verificationUri);
    let intervalMs = (device.interval ?? 5) * 1000;
    for (let polls = 1; ; polls += 1) {
      await sleep(intervalMs, signal);
      if (signal.aborted) throw cancelled();
      if (now() >= deadline) throw expired(who);
      try {
        const token = await oidc.send(
          new CreateTokenCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: deviceGrant,
            deviceCode: device.deviceCode,
          }),
          { abortSignal: signal },
        );
        if (!token.accessToken) throw new Error('IAM Identity Center returned no access token.');
        const cached: CachedToken = {
          startUrl: target.startUrl,
          region: target.region,
          accessToken: token.accessToken,
          expiresAt: cliTimestamp(now() + (token.expiresIn ?? 3600) * 1000),
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: registration.expiresAt,
          ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
        };
        const cacheFile = tokenFile(ssoCacheDir, target);
        await writeCacheFile(cacheFile, cached);
        return { cacheFile, expiresAt: cached.expiresAt, polls };
      } catch (error) {
        if (aborted(signal)) throw cancelled();
        const name = error instanceof Error ? error.name : '';
        if (name === 'AuthorizationPendingException') continue;
        if (name === 'SlowDownException') {
          intervalMs += slowDownStepMs;
          continue;
        }
        if (name === 'ExpiredTokenException') throw expired(who);
        if (name === 'AccessDeniedException') {
          throw new CredentialsError('sso-denied', `The sign-in for ${who} was denied in the browser.`);
        }
        throw error;
      }
    }
  } finally {
    oidc.destroy();
  }
}

async function register(
  oidc: SSOOIDCClient,
  target: SsoTarget,
  cacheDir: string,
  now: () => number,
  signal: AbortSignal,
): Promise<CachedRegistration> {
  const file = registrationFile(cacheDir, target);
  const cached = await readCacheFile<CachedRegistration>(file);
  if (cached?.clientId && cached.clientSecret && Date.parse(cached.expiresAt) - now() > registrationMarginMs) {
    return cached;
  }
  const out = await oidc.send(
    new RegisterClientCommand({
      clientName: `starboard-${target.sessionName ?? 'legacy'}`,
      clientType: 'public',
      ...(target.scopes ? { scopes: target.scopes } : {}),
    }),
    { abortSignal: signal },
  );
  if (!out.clientId || !out.clientSecret || out.clientSecretExpiresAt === undefined) {
    throw new Error('IAM Identity Center registered no client.');
  }
  const registration: CachedRegistration = {
    clientId: out.clientId,
    clientSecret: out.clientSecret,
    expiresAt: cliTimestamp(out.clientSecretExpiresAt * 1000),
    ...(target.scopes ? { scopes: target.scopes } : {}),
  };
  await writeCacheFile(file, registration);
  return registration;
}

/** Read through a call: TypeScript would otherwise assume `aborted` cannot change across an await. */
function aborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

function expired(who: string): CredentialsError {
  return new CredentialsError(
    'sso-expired',
    `The sign-in code for ${who} expired before it was confirmed. Start again.`,
  );
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
