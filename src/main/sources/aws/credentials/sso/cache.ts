// The AWS CLI's SSO cache under ~/.aws/sso/cache, in its file names and
// field names, so `aws sso login` and Starboard share one sign-in: the token
// file is sha1(sso-session name) or, for a legacy profile, sha1(start URL);
// the client registration file is the CLI's sha1 of its registration key.
// Files are written atomically (temp + rename) with mode 0600.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SsoTarget } from './target';

export interface CachedRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes?: string[];
}

export interface CachedToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
  refreshToken?: string;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

export function tokenFile(cacheDir: string, target: SsoTarget): string {
  return join(cacheDir, `${sha1(target.sessionName ?? target.startUrl)}.json`);
}

/**
 * botocore's `_registration_cache_key`: sha1 of `json.dumps(args, sort_keys=True)`,
 * i.e. sorted keys and Python's default ", " / ": " separators.
 */
export function registrationFile(cacheDir: string, target: SsoTarget): string {
  const args: [string, unknown][] = [
    ['region', target.region],
    ['scopes', target.scopes ?? null],
    ['session_name', target.sessionName ?? null],
    ['startUrl', target.startUrl],
    ['tool', 'botocore'],
  ];
  const json = `{${args.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return join(cacheDir, `${sha1(json)}.json`);
}

function pythonJson(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value);
}

/** The parsed file, or undefined when it is missing or not JSON (a broken cache is a missing one). */
export async function readCacheFile<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function writeCacheFile(path: string, value: object): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(value, null, 2), { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The CLI writes UTC timestamps without fractions: 2026-01-15T17:00:00Z. */
export function cliTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
