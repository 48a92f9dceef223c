// The device flow client with a scripted fetch and a fake clock: every
// documented error, slow_down, expiry, and where the token may (not) go.
import { describe, expect, it } from 'vitest';
import {
  checkVerificationUri,
  deviceCodeGrantType,
  pollForToken,
  requestDeviceCode,
  webBaseUrl,
  type DeviceCode,
  type DeviceFlowIo,
} from '../../src/main/sources/github-auth/device-flow';
import { isAllowedExternalUrl } from '../../src/main/shell/external-links';

const clientId = 'Ov23liTestClient01';
const token = 'gho_canaryDEVICEFLOW0000000000000000000001';

interface Scripted {
  io: DeviceFlowIo;
  requests: { url: string; form: Record<string, string>; at: number; headers: Record<string, string> }[];
  sleeps: number[];
}

/** A fetch that answers from `answers` in order (the last one repeats), on a clock moved only by sleep. */
function scripted(answers: (Record<string, unknown> | Error | { status: number; text: string })[]): Scripted {
  let now = 1_000_000;
  const requests: Scripted['requests'] = [];
  const sleeps: number[] = [];
  let next = 0;
  const io: DeviceFlowIo = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    fetch: async (input, init) => {
      requests.push({
        url: input as string,
        form: Object.fromEntries(new URLSearchParams(init?.body as string)),
        at: now,
        headers: init?.headers as Record<string, string>,
      });
      const answer = answers[Math.min(next, answers.length - 1)];
      next += 1;
      if (answer instanceof Error) throw answer;
      if (answer && 'text' in answer && typeof answer.text === 'string') {
        return new Response(answer.text, { status: Number(answer.status) });
      }
      return Response.json(answer);
    },
  };
  return { io, requests, sleeps };
}

const code = (io: DeviceFlowIo, extra: Partial<DeviceCode> = {}): DeviceCode => ({
  deviceCode: 'device-code-secret',
  userCode: 'WDJB-MJHT',
  verificationUri: 'https://github.com/login/device',
  expiresAt: io.now() + 900_000,
  intervalSeconds: 5,
  ...extra,
});

describe('the web base of an API', () => {
  it('is github.com for api.github.com, the origin for GHES and the simulator', () => {
    expect(webBaseUrl('https://api.github.com')).toBe('https://github.com');
    expect(webBaseUrl('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
    expect(webBaseUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(webBaseUrl('http://127.0.0.1:4010/api/v3')).toBe('http://127.0.0.1:4010');
  });
});

describe('asking for a user code', () => {
  it('posts the client id and the scopes Starboard needs, as JSON please, and keeps the device code', async () => {
    const { io, requests } = scripted([
      {
        device_code: 'device-code-secret',
        user_code: 'WDJB-MJHT',
        verification_uri: 'https://github.com/login/device',
        expires_in: 900,
        interval: 5,
      },
    ]);
    const answer = await requestDeviceCode('https://github.com', clientId, io);
    expect(answer).toEqual({
      ok: true,
      value: {
        deviceCode: 'device-code-secret',
        userCode: 'WDJB-MJHT',
        verificationUri: 'https://github.com/login/device',
        expiresAt: 1_000_000 + 900_000,
        intervalSeconds: 5,
      },
    });
    expect(requests[0]?.url).toBe('https://github.com/login/device/code');
    expect(requests[0]?.form).toEqual({ client_id: clientId, scope: 'repo workflow read:org' });
    expect(requests[0]?.headers['accept']).toBe('application/json');
  });

  it('refuses a verification page on another host or over http', async () => {
    for (const uri of ['https://evil.example/login/device', 'http://github.com/login/device', 'javascript:alert(1)']) {
      const { io } = scripted([{ device_code: 'd', user_code: 'U', verification_uri: uri, expires_in: 900 }]);
      const answer = await requestDeviceCode('https://github.com', clientId, io);
      expect(!answer.ok && answer.error.message).toMatch(/another site/);
    }
    expect(checkVerificationUri('http://127.0.0.1:4010/login/device', 'http://127.0.0.1:4010').ok).toBe(true);
    expect(checkVerificationUri('https://ghe.example.com/login/device', 'https://ghe.example.com').ok).toBe(true);
    expect(checkVerificationUri('https://ghe.example.com.evil.io/login/device', 'https://ghe.example.com').ok).toBe(
      false,
    );
  });

  it('names an unknown client id, a disabled device flow and an unreachable host', async () => {
    const unknown = await requestDeviceCode(
      'https://github.com',
      clientId,
      scripted([{ error: 'incorrect_client_credentials' }]).io,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!unknown.ok && unknown.error.message).toBe(
      `GitHub knows no OAuth app with the client id ${clientId}. Check the id on the app's settings page.`,
    );
    const disabled = await requestDeviceCode(
      'https://github.com',
      clientId,
      scripted([{ error: 'device_flow_disabled' }]).io,
    );
    expect(!disabled.ok && disabled.error.message).toMatch(/not enabled for the OAuth app .*Enable Device Flow/);
    const offline = await requestDeviceCode(
      'https://github.com',
      clientId,
      scripted([new TypeError('fetch failed')]).io,
    );
    expect(offline).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    const html = await requestDeviceCode(
      'https://github.com',
      clientId,
      scripted([{ status: 404, text: '<html>' }]).io,
    );
    expect(!offline.ok && offline.error.message).toMatch(/could not reach github.com/);
    expect(!html.ok && html.error.message).toMatch(/HTTP 404, not JSON/);
  });

  it('polls every 5 seconds when the server names no interval', async () => {
    const { io } = scripted([
      { device_code: 'd', user_code: 'U', verification_uri: 'https://github.com/login/device', expires_in: 60 },
    ]);
    const answer = await requestDeviceCode('https://github.com', clientId, io);
    expect(answer.ok && answer.value.intervalSeconds).toBe(5);
  });
});

describe('polling for the token', () => {
  it('waits the interval before each poll, keeps going while pending, and hands back the token (RELIABILITY G01)', async () => {
    const s = scripted([
      { error: 'authorization_pending' },
      { error: 'authorization_pending' },
      { access_token: token, token_type: 'bearer', scope: 'repo' },
    ]);
    const outcome = await pollForToken('https://github.com', clientId, code(s.io), s.io);
    expect(outcome).toEqual({ kind: 'token', token });
    expect(s.sleeps).toEqual([5000, 5000, 5000]);
    expect(s.requests.map((r) => r.url)).toEqual(Array(3).fill('https://github.com/login/oauth/access_token'));
    expect(s.requests[0]?.form).toEqual({
      client_id: clientId,
      device_code: 'device-code-secret',
      grant_type: deviceCodeGrantType,
    });
  });

  it('slows down by 5 seconds on slow_down, or to the interval GitHub names when longer (RELIABILITY G01)', async () => {
    const s = scripted([
      { error: 'slow_down' },
      { error: 'slow_down', interval: 30 },
      { error: 'authorization_pending' },
      { access_token: token },
    ]);
    await pollForToken('https://github.com', clientId, code(s.io), s.io);
    expect(s.sleeps).toEqual([5000, 10_000, 30_000, 30_000]);
  });

  it('reports an expiring GitHub App user token as such (no refresh is attempted) (RELIABILITY G02)', async () => {
    const s = scripted([{ access_token: 'ghu_x', expires_in: 28800, refresh_token: 'ghr_secret' }]);
    expect(await pollForToken('https://github.com', clientId, code(s.io), s.io)).toEqual({
      kind: 'token',
      token: 'ghu_x',
      expiresInSeconds: 28800,
    });
    expect(s.requests).toHaveLength(1);
  });

  it('stops with a precise message for each way it can end (RELIABILITY G01)', async () => {
    const cases: [string, string, RegExp][] = [
      ['expired_token', 'expired', /^The code expired before it was entered\. Start again/],
      ['access_denied', 'denied', /cancelled on GitHub/],
      ['unsupported_grant_type', 'failed', /refused the device flow request type/],
      ['incorrect_client_credentials', 'failed', new RegExp(`no OAuth app with the client id ${clientId}`)],
      ['incorrect_device_code', 'failed', /did not recognise this sign-in attempt/],
      ['device_flow_disabled', 'failed', /not enabled for the OAuth app/],
      ['something_new', 'failed', /refused the sign-in \(something_new\)/],
    ];
    for (const [error, kind, message] of cases) {
      const s = scripted([{ error, error_description: 'whatever', error_uri: 'https://docs.github.com' }]);
      const outcome = await pollForToken('https://github.com', clientId, code(s.io), s.io);
      expect(outcome, error).toMatchObject({ kind });
      expect('message' in outcome && outcome.message, error).toMatch(message);
    }
  });

  it('gives up when the code expires without asking again, and retries after a network error (RELIABILITY G01)', async () => {
    const s = scripted([new TypeError('fetch failed'), { error: 'authorization_pending' }]);
    const outcome = await pollForToken(
      'https://github.com',
      clientId,
      code(s.io, { expiresAt: s.io.now() + 20_000 }),
      s.io,
    );
    expect(outcome).toMatchObject({ kind: 'expired' });
    expect(s.requests).toHaveLength(3);
  });

  it('stops at once when cancelled', async () => {
    const s = scripted([{ error: 'authorization_pending' }]);
    const abort = new AbortController();
    abort.abort();
    expect(await pollForToken('https://github.com', clientId, code(s.io), s.io, abort.signal)).toEqual({
      kind: 'cancelled',
    });
    expect(s.requests).toHaveLength(0);
  });

  it('never puts the token or the device code in a message', async () => {
    const s = scripted([{ error: `weird ${token} device-code-secret` }]);
    const outcome = await pollForToken('https://github.com', clientId, code(s.io), s.io);
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(JSON.stringify(outcome)).not.toContain('device-code-secret');
  });
});

describe('opening the verification page', () => {
  it('passes the external-link allow-list for github.com and a configured GHES host', () => {
    expect(isAllowedExternalUrl('https://github.com/login/device')).toBe(true);
    expect(isAllowedExternalUrl('https://ghe.example.com/login/device', ['ghe.example.com'])).toBe(true);
  });
});
