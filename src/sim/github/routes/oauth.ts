// The OAuth device flow at the web root, as github.com serves it:
// POST /login/device/code and POST /login/oauth/access_token, with form or
// JSON bodies, answering JSON when Accept asks for it and a form otherwise.
// Like GitHub, errors answer HTTP 200 with `error`, `error_description` and
// `error_uri`. Codes are authorized or denied through the control, as a
// simulated user; the token issued then signs in as that user.
//
// Known client ids: `simOAuthClientId` (an OAuth app: `gho_` tokens that do
// not expire), `simAppClientId` (a GitHub App: `ghu_` tokens with
// `expires_in` and a refresh token), `simNoDeviceFlowClientId` (an app
// without the device flow enabled). Any other id is unknown.
import type { World } from '../world/world';

export const simOAuthClientId = 'Ov23liSimStarboard0001';
export const simAppClientId = 'Iv1.5151ab0000000001';
export const simNoDeviceFlowClientId = 'Ov23liSimNoDeviceFlow1';

export const devicePaths = { code: '/login/device/code', token: '/login/oauth/access_token' } as const;

const grantType = 'urn:ietf:params:oauth:grant-type:device_code';
const docs = 'https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow';

interface Pending {
  clientId: string;
  deviceCode: string;
  userCode: string;
  scope: string;
  expiresAt: number;
  intervalSeconds: number;
  lastPollAt: number | undefined;
  state: 'pending' | 'authorized' | 'denied' | 'used';
  login?: string;
}

export interface OAuthAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface DeviceFlowOptions {
  /** Seconds between polls (GitHub: 5). */
  intervalSeconds?: number;
  /** Seconds a code lives (GitHub: 900). */
  expiresInSeconds?: number;
}

export class DeviceAuthorizations {
  readonly #byDevice = new Map<string, Pending>();
  readonly #byUser = new Map<string, Pending>();
  #issued = 0;

  constructor(
    private readonly world: World,
    private readonly options: DeviceFlowOptions = {},
  ) {}

  /** Answers a request to one of `devicePaths`. */
  answer(
    path: string,
    contentType: string | undefined,
    accept: string | undefined,
    raw: string,
    web: string,
  ): OAuthAnswer {
    const form = parseBody(contentType, raw);
    const body = path === devicePaths.code ? this.#code(form, web) : this.#token(form);
    return represent(body, accept);
  }

  /** The user codes waiting for the user, newest last. */
  pendingCodes(): string[] {
    const now = this.world.now();
    return [...this.#byUser.values()].filter((p) => p.state === 'pending' && p.expiresAt > now).map((p) => p.userCode);
  }

  /** The user enters the code and authorizes the app as `login`. */
  authorize(userCode: string, login: string): void {
    const pending = this.#live(userCode);
    pending.state = 'authorized';
    pending.login = this.world.user(login).login;
  }

  /** The user chooses Cancel on the authorization page. */
  deny(userCode: string): void {
    this.#live(userCode).state = 'denied';
  }

  #live(userCode: string): Pending {
    const pending = this.#byUser.get(userCode.toUpperCase());
    if (!pending || pending.state !== 'pending') throw new Error(`no user code ${userCode} waits for authorization`);
    if (pending.expiresAt <= this.world.now()) throw new Error(`user code ${userCode} expired`);
    return pending;
  }

  #code(form: Record<string, string>, web: string): Record<string, unknown> {
    const clientId = form['client_id'] ?? '';
    if (!knownClient(clientId)) return error('incorrect_client_credentials', 'The client_id is not valid.');
    if (clientId === simNoDeviceFlowClientId) return error('device_flow_disabled', 'Device Flow must be enabled.');
    const random = this.world.random.fork(`device-code-${this.#byDevice.size}`);
    const letters = random.hex(8).toUpperCase();
    const pending: Pending = {
      clientId,
      deviceCode: random.hex(40),
      userCode: `${letters.slice(0, 4)}-${letters.slice(4)}`,
      scope: form['scope'] ?? '',
      expiresAt: this.world.now() + (this.options.expiresInSeconds ?? 900) * 1000,
      intervalSeconds: this.options.intervalSeconds ?? 5,
      lastPollAt: undefined,
      state: 'pending',
    };
    this.#byDevice.set(pending.deviceCode, pending);
    this.#byUser.set(pending.userCode, pending);
    return {
      device_code: pending.deviceCode,
      user_code: pending.userCode,
      verification_uri: `${web}/login/device`,
      expires_in: this.options.expiresInSeconds ?? 900,
      interval: pending.intervalSeconds,
    };
  }

  #token(form: Record<string, string>): Record<string, unknown> {
    const clientId = form['client_id'] ?? '';
    if (!knownClient(clientId)) return error('incorrect_client_credentials', 'The client_id is not valid.');
    if (form['grant_type'] !== grantType)
      return error('unsupported_grant_type', `The grant type must be ${grantType}.`);
    const pending = this.#byDevice.get(form['device_code'] ?? '');
    if (!pending || pending.clientId !== clientId || pending.state === 'used') {
      return error('incorrect_device_code', 'The device_code provided is not valid.');
    }
    const now = this.world.now();
    if (now >= pending.expiresAt) return error('expired_token', 'The device_code has expired.');
    const tooSoon = pending.lastPollAt !== undefined && now - pending.lastPollAt < pending.intervalSeconds * 1000;
    pending.lastPollAt = now;
    if (tooSoon) {
      pending.intervalSeconds += 5;
      return {
        ...error('slow_down', 'Too many requests have been made in the same timeframe.'),
        interval: pending.intervalSeconds,
      };
    }
    if (pending.state === 'denied') return error('access_denied', 'The authorization request was denied.');
    if (pending.state === 'pending' || pending.login === undefined) {
      return error('authorization_pending', 'The authorization request is still pending.');
    }
    pending.state = 'used';
    this.#issued += 1;
    const app = clientId === simAppClientId;
    const token = `${app ? 'ghu_' : 'gho_'}${this.world.random.fork(`oauth-token-${this.#issued}`).hex(36)}`;
    this.world.addToken(token, pending.login);
    return {
      access_token: token,
      token_type: 'bearer',
      scope: app
        ? ''
        : pending.scope
            .split(/[\s,]+/)
            .filter(Boolean)
            .join(','),
      ...(app
        ? {
            expires_in: 28_800,
            refresh_token: `ghr_${this.world.random.fork(`oauth-refresh-${this.#issued}`).hex(76)}`,
            refresh_token_expires_in: 15_724_800,
          }
        : {}),
    };
  }
}

function knownClient(clientId: string): boolean {
  return clientId === simOAuthClientId || clientId === simAppClientId || clientId === simNoDeviceFlowClientId;
}

function error(code: string, description: string): Record<string, unknown> {
  return { error: code, error_description: description, error_uri: docs };
}

function parseBody(contentType: string | undefined, raw: string): Record<string, string> {
  if (contentType?.includes('application/json')) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).flatMap(([key, value]) =>
          typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [],
        ),
      );
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function represent(body: Record<string, unknown>, accept: string | undefined): OAuthAnswer {
  if (accept?.includes('application/json')) {
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
  }
  const form = new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)]));
  return {
    status: 200,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  };
}
