// The OAuth device flow (RFC 8628) as GitHub implements it: ask for a user
// code, then poll for the token while the user enters it on the host's
// /login/device page. Clock, sleep and fetch are injected so tests run fast.
// The access token and the device code stay in main: they never appear in a
// message, a log line or anything this module returns besides `token` itself.
import { fail, ok, type Result } from '../../../shared/result';
import { githubDotComApi, refuseTransport } from '../github/base-url';

/**
 * What Starboard asks for, and why: `repo` reads private repositories, pull
 * requests, Actions runs and deployments, and lets the user review a waiting
 * deployment; `workflow` lets it re-run and cancel workflow runs (GitHub asks
 * for it on anything touching .github/workflows); `read:org` lists the
 * organisations' repositories and the teams that are required reviewers.
 * Nothing here writes code or administers an organisation.
 */
export const deviceFlowScopes = ['repo', 'workflow', 'read:org'] as const;

export const deviceCodeGrantType = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceFlowIo {
  fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Give up on one request after this long (default 15 s). */
  requestTimeoutMs?: number;
}

export const realDeviceFlowIo: DeviceFlowIo = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      // A sign-in left waiting must not keep Starboard from quitting.
      timer.unref();
      signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
};

/** What the device code request answers; `deviceCode` stays in main. */
export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresAt: number;
  intervalSeconds: number;
}

export type DeviceFlowOutcome =
  | {
      kind: 'token';
      token: string;
      /** GitHub App user tokens expire (8 h by default) and come with a refresh token Starboard does not use. */
      expiresInSeconds?: number;
    }
  | { kind: 'expired'; message: string }
  | { kind: 'denied'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/** The web root the OAuth endpoints live at, from an account's API base URL. */
export function webBaseUrl(apiBaseUrl: string): string {
  if (apiBaseUrl === githubDotComApi) return 'https://github.com';
  const url = new URL(apiBaseUrl);
  // GHES: https://HOST/api/v3 → https://HOST; the simulator's loopback root is already the web root.
  return url.origin;
}

/**
 * The verification page the server named, if it is https (or the
 * simulator's loopback http) on the account's own host; anything else is a
 * server trying to send the user elsewhere.
 */
export function checkVerificationUri(raw: unknown, webBase: string): Result<string> {
  const refused = fail('internal', 'GitHub answered with a sign-in page on another site; Starboard did not use it.');
  if (typeof raw !== 'string' || raw.length > 2048) return refused;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused;
  }
  const expected = new URL(webBase);
  if (refuseTransport(url) !== undefined || url.username !== '' || url.password !== '') return refused;
  if (url.protocol !== expected.protocol || url.host.toLowerCase() !== expected.host.toLowerCase()) return refused;
  return ok(url.href);
}

/** The user-facing words for each error GitHub's device flow documents. */
export function deviceFlowErrorMessage(error: string, clientId: string): string {
  switch (error) {
    case 'expired_token':
      return 'The code expired before it was entered. Start again for a new code.';
    case 'access_denied':
      return 'The sign-in was cancelled on GitHub (“Cancel” was chosen on the authorization page).';
    case 'unsupported_grant_type':
      return 'GitHub refused the device flow request type. This GitHub version may not support the device flow.';
    case 'incorrect_client_credentials':
      return `GitHub knows no OAuth app with the client id ${clientId}. Check the id on the app's settings page.`;
    case 'incorrect_device_code':
      return 'GitHub did not recognise this sign-in attempt any more. Start again for a new code.';
    case 'device_flow_disabled':
      return `The device flow is not enabled for the OAuth app ${clientId}: tick “Enable Device Flow” in the app's settings.`;
    default:
      // Only a code-shaped error is echoed: the server's text could carry anything.
      return `GitHub refused the sign-in (${/^[a-z_]{1,40}$/.test(error) ? error : 'unknown error'}).`;
  }
}

type Answer = { ok: true; body: Record<string, unknown>; status: number } | { ok: false; message: string };

async function post(
  url: string,
  form: Record<string, string>,
  io: DeviceFlowIo,
  signal?: AbortSignal,
): Promise<Answer> {
  const timeout = AbortSignal.timeout(io.requestTimeoutMs ?? 15_000);
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await io.fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'error',
    });
  } catch {
    return { ok: false, message: `Starboard could not reach ${host}. Check the network and try again.` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, message: `${host} answered the sign-in request with HTTP ${response.status}, not JSON.` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: `${host} answered the sign-in request with something unexpected.` };
  }
  return { ok: true, body: body as Record<string, unknown>, status: response.status };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : undefined;

/** POST {web}/login/device/code: the user code, where to enter it, and how often to poll. */
export async function requestDeviceCode(
  webBase: string,
  clientId: string,
  io: DeviceFlowIo,
  signal?: AbortSignal,
): Promise<Result<DeviceCode>> {
  const answer = await post(
    `${webBase}/login/device/code`,
    { client_id: clientId, scope: deviceFlowScopes.join(' ') },
    io,
    signal,
  );
  if (!answer.ok) return fail('offline', answer.message);
  const error = text(answer.body['error']);
  if (error)
    return fail(
      error === 'incorrect_client_credentials' ? 'not-found' : 'conflict',
      deviceFlowErrorMessage(error, clientId),
    );
  if (answer.status === 404) return fail('not-found', deviceFlowErrorMessage('incorrect_client_credentials', clientId));
  const deviceCode = text(answer.body['device_code']);
  const userCode = text(answer.body['user_code']);
  const expiresIn = seconds(answer.body['expires_in']);
  if (answer.status !== 200 || !deviceCode || !userCode || expiresIn === undefined) {
    return fail('internal', `GitHub answered the device code request with HTTP ${answer.status} and no usable code.`);
  }
  const verificationUri = checkVerificationUri(answer.body['verification_uri'], webBase);
  if (!verificationUri.ok) return verificationUri;
  return ok({
    deviceCode,
    userCode: userCode.slice(0, 32),
    verificationUri: verificationUri.value,
    expiresAt: io.now() + expiresIn * 1000,
    // RFC 8628 §3.2: 5 seconds when the server names no interval.
    intervalSeconds: seconds(answer.body['interval']) ?? 5,
  });
}

/**
 * Polls POST {web}/login/oauth/access_token every `interval` seconds until
 * the user authorizes, denies, the code expires or `signal` aborts.
 */
export async function pollForToken(
  webBase: string,
  clientId: string,
  code: DeviceCode,
  io: DeviceFlowIo,
  signal?: AbortSignal,
): Promise<DeviceFlowOutcome> {
  let intervalMs = code.intervalSeconds * 1000;
  const expired = { kind: 'expired' as const, message: deviceFlowErrorMessage('expired_token', clientId) };
  for (;;) {
    await io.sleep(intervalMs, signal);
    if (signal?.aborted) return { kind: 'cancelled' };
    if (io.now() >= code.expiresAt) return expired;
    const answer = await post(
      `${webBase}/login/oauth/access_token`,
      { client_id: clientId, device_code: code.deviceCode, grant_type: deviceCodeGrantType },
      io,
      signal,
    );
    if (signal?.aborted) return { kind: 'cancelled' };
    // A network hiccup while waiting is not the end: try again at the next interval.
    if (!answer.ok) continue;
    const token = text(answer.body['access_token']);
    if (token) {
      const expiresIn = seconds(answer.body['expires_in']);
      return { kind: 'token', token, ...(expiresIn !== undefined ? { expiresInSeconds: expiresIn } : {}) };
    }
    const error = text(answer.body['error']) ?? `http_${answer.status}`;
    switch (error) {
      case 'authorization_pending':
        continue;
      case 'slow_down':
        // RFC 8628 §3.5: add 5 seconds; GitHub also names the new interval, which wins when longer.
        intervalMs = Math.max(intervalMs + 5000, (seconds(answer.body['interval']) ?? 0) * 1000);
        continue;
      case 'expired_token':
        return expired;
      case 'access_denied':
        return { kind: 'denied', message: deviceFlowErrorMessage(error, clientId) };
      default:
        return { kind: 'failed', message: deviceFlowErrorMessage(error, clientId) };
    }
  }
}
