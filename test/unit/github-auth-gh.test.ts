// Importing a token from the GitHub CLI, against a fake `gh` script first on
// PATH in a temporary folder: a real child process, no mocks.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findGh, ghAuthToken, ghHostname } from '../../src/main/sources/github-auth/gh-cli';
import { tempDir } from '../support/temp-hub';

const token = 'gho_canaryGHCLI00000000000000000000000001';

let dir: string;
let remove: () => void;
let bin: string;
beforeEach(() => {
  ({ dir, remove } = tempDir());
  bin = join(dir, 'bin');
  mkdirSync(bin);
});
afterEach(() => remove());

/** A `gh` that records its arguments and pid, then behaves as `body` says. */
function fakeGh(body: string): void {
  const script = [
    '#!/bin/sh',
    `printf '%s\\n' "$@" > '${join(dir, 'args')}'`,
    `echo $$ > '${join(dir, 'pid')}'`,
    body,
    '',
  ].join('\n');
  writeFileSync(join(bin, 'gh'), script);
  chmodSync(join(bin, 'gh'), 0o755);
}

const env = () => ({ PATH: `${bin}:/usr/bin:/bin`, HOME: dir });

describe('gh auth token', () => {
  it('returns the token gh prints, trimmed, and asks for the right host without a shell', async () => {
    fakeGh(`printf '  ${token}\\n\\n'`);
    expect(await ghAuthToken('ghe.example.com', { env: env() })).toEqual({ ok: true, value: token });
    expect(readFileSync(join(dir, 'args'), 'utf8')).toBe('auth\ntoken\n--hostname\nghe.example.com\n');
  });

  it('says gh is missing when it is not on PATH', async () => {
    const result = await ghAuthToken('github.com', { env: { PATH: bin } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!result.ok && result.error.message).toMatch(/GitHub CLI \(gh\) is not installed/);
  });

  it('ignores a gh in a relative PATH folder (the working folder)', () => {
    fakeGh('exit 0');
    expect(findGh({ PATH: 'bin:.' })).toBeUndefined();
    expect(findGh({ PATH: bin })).toBe(join(bin, 'gh'));
  });

  it('explains a gh that is not signed in to the host, without quoting what gh printed', async () => {
    fakeGh(`echo "no oauth token found for ghe.example.com (${token})" >&2\nexit 1`);
    const result = await ghAuthToken('ghe.example.com', { env: env() });
    expect(result).toMatchObject({ ok: false, error: { code: 'credentials-expired' } });
    expect(!result.ok && result.error.message).toBe(
      'The GitHub CLI is not signed in to ghe.example.com (gh exited with 1). Run "gh auth login --hostname ghe.example.com", then try again.',
    );
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('refuses output that is not a token', async () => {
    fakeGh(`echo "Welcome to gh ${token}"`);
    const result = await ghAuthToken('github.com', { env: env() });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('stops a gh that hangs past the timeout and kills it', async () => {
    fakeGh('exec sleep 30');
    const started = Date.now();
    const result = await ghAuthToken('github.com', { env: env(), timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(!result.ok && result.error.message).toMatch(/did not answer within 0.3 s; it was stopped/);
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    await vi.waitFor(() => expect(() => process.kill(pid, 0)).toThrow(/ESRCH/));
  });

  it('refuses a host name that is not one', async () => {
    fakeGh(`echo ${token}`);
    expect(await ghAuthToken('--help', { env: env() })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

it('names the host gh knows an API by', () => {
  expect(ghHostname('https://api.github.com')).toBe('github.com');
  expect(ghHostname('https://ghe.example.com/api/v3')).toBe('ghe.example.com');
  expect(ghHostname('http://127.0.0.1:8123/api/v3')).toBe('127.0.0.1:8123');
});
