// Who may talk to browser mode: only this machine's loopback, only with this
// run's token, only from our own origin. Checked before anything else.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type GuardVerdict = { ok: true; rest: string } | { ok: false; status: 401 | 403; reason: string };

export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Checks the Host header (DNS rebinding), then the token at the start of the
 * path, then the Origin header (cross-site requests). Returns the path after
 * the token.
 */
export function checkRequest(headers: IncomingHttpHeaders, rawPath: string, port: number, token: string): GuardVerdict {
  const hosts = new Set(ownOrigins(port).map((origin) => origin.slice('http://'.length)));
  if (!headers.host || !hosts.has(headers.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'foreign host' };
  }
  const path = rawPath.split('?')[0] ?? '';
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (!match || !sameSecret(match[1] ?? '', token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  if (headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site request' };
  }
  return { ok: true, rest: match[2] ?? '' };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A run's token: 32 random bytes, or STARBOARD_TOKEN when it is long and URL-safe. */
export function tokenFrom(envToken: string | undefined, random: () => string): string {
  if (envToken === undefined || envToken === '') return random();
  if (!/^[A-Za-z0-9_-]{24,128}$/.test(envToken)) {
    throw new Error('STARBOARD_TOKEN must be 24 to 128 characters of A-Z, a-z, 0-9, "-" or "_".');
  }
  return envToken;
}
