// The desktop token vault with Electron's safeStorage replaced at its
// boundary: what it stores for each backend, that it refuses weak storage
// without consent (issue 6), and that the token's text never reaches the file.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '../../support/fake-electron';
import { recordingLogger, tempDir, type RecordingLogger } from '../../support/temp-hub';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { SafeStorageVault, tokenFileName } = await import('../../../src/main/shell/token-vault');

const token = 'ghp_canaryVAULT0000000000000000000000001';
const safeStorage = fakeElectron.safeStorage;

let dir: string;
let remove: () => void;
let log: RecordingLogger;
let file: string;
beforeEach(() => {
  ({ dir, remove } = tempDir());
  file = join(dir, tokenFileName);
  log = recordingLogger();
  safeStorage.reset();
});
afterEach(() => remove());

let tick = 0;
const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, (tick += 1)));
const open = (platform: NodeJS.Platform = 'linux') => new SafeStorageVault(file, log, { platform, now });

/** Nothing the vault wrote or said holds the token, in any common encoding. */
function expectNoTokenAnywhere(): void {
  const forms = [token, Buffer.from(token).toString('base64'), Buffer.from(token).toString('hex')];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const form of forms) expect(text).not.toContain(form);
  }
  for (const form of forms) expect(JSON.stringify(log.lines)).not.toContain(form);
}

describe('with an OS secret store (Linux gnome_libsecret)', () => {
  it('stores, reads back and deletes a token, encrypted, in an owner-only file', async () => {
    const vault = open();
    expect(await vault.status()).toEqual({ kind: 'os-encrypted' });
    expect(await vault.set('work', token)).toEqual({ ok: true, value: { protection: 'os-encrypted' } });
    expect(vault.protection('work')).toBe('os-encrypted');
    expect(await vault.get('work')).toEqual({ state: 'found', token, protection: 'os-encrypted' });

    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tokens: Record<string, { backend: string }> };
    expect(stored.tokens['work']).toMatchObject({ protection: 'os-encrypted', backend: 'gnome_libsecret' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expectNoTokenAnywhere();

    // A new process reads what the last one wrote.
    expect(await open().get('work')).toEqual({ state: 'found', token, protection: 'os-encrypted' });

    await vault.delete('work');
    expect(await vault.get('work')).toEqual({ state: 'missing' });
    expect(vault.protection('work')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('work');
  });

  it('keeps an entry it cannot decrypt (a reset keychain) for a retry, and a new token replaces it (RELIABILITY C02, C03)', async () => {
    const vault = open();
    await vault.set('work', token);
    safeStorage.key = 0x33;
    const read = await vault.get('work');
    expect(read).toMatchObject({ state: 'unreadable' });
    expect(JSON.stringify(read)).toContain('Check again to retry');
    expect(vault.protection('work')).toBe('os-encrypted');
    expect(log.lines).toContainEqual({ level: 'warn', message: 'a stored GitHub token could not be decrypted' });

    await vault.set('work', token);
    expect(await vault.get('work')).toMatchObject({ state: 'found', token });
    expectNoTokenAnywhere();
  });

  it('stores the token again when safeStorage says the key rotated', async () => {
    const vault = open();
    await vault.set('work', token);
    const before = readFileSync(file, 'utf8');
    safeStorage.shouldReEncrypt = true;
    safeStorage.key = 0x5a; // same key: decrypts; the fake only reports the rotation
    expect(await vault.get('work')).toMatchObject({ state: 'found', token });
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).not.toBe(before));
    expectNoTokenAnywhere();
  });

  it('says so, stores nothing and never quotes the token when the keychain refuses to encrypt (RELIABILITY C03)', async () => {
    safeStorage.denyEncrypt = true;
    const result = await open().set('work', token);
    expect(result).toMatchObject({ ok: false, error: { code: 'access-denied' } });
    expect(JSON.stringify(result)).toContain('Nothing was stored');
    expect(JSON.stringify(result)).not.toContain(token);
    expect(existsSync(file)).toBe(false);
  });
});

describe('without a real secret store (Linux basic_text)', () => {
  beforeEach(() => {
    safeStorage.backend = 'basic_text';
  });

  it('says why and refuses to store a token without consent (RELIABILITY C01)', async () => {
    const vault = open();
    const status = await vault.status();
    expect(status.kind).toBe('weak-only');
    expect(status.explanation).toMatch(/no secret store/);

    for (const consent of [undefined, { allowWeakStorage: false }]) {
      const result = await vault.set('work', token, consent);
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(JSON.stringify(result)).not.toContain(token);
    }
    expect(existsSync(file)).toBe(false);
    expect(await vault.get('work')).toEqual({ state: 'missing' });
  });

  it('with consent stores it encrypted with the weak backend, marked as weak, never as plain JSON (RELIABILITY C01)', async () => {
    const vault = open();
    expect(await vault.set('work', token, { allowWeakStorage: true })).toEqual({
      ok: true,
      value: { protection: 'weak' },
    });
    expect(vault.protection('work')).toBe('weak');
    expect(await vault.get('work')).toEqual({ state: 'found', token, protection: 'weak' });
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tokens: Record<string, { backend: string }> };
    expect(stored.tokens['work']).toMatchObject({ protection: 'weak', backend: 'basic_text' });
    expectNoTokenAnywhere();
  });

  it('stores nothing at all when safeStorage cannot encrypt, even with consent (RELIABILITY C01)', async () => {
    safeStorage.available = false;
    const vault = open();
    expect((await vault.status()).kind).toBe('unavailable');
    expect(await vault.set('work', token, { allowWeakStorage: true })).toMatchObject({ ok: false });
    expect(existsSync(file)).toBe(false);
  });
});

it('stores nothing when asked before the app is ready (backend unknown) (RELIABILITY C01)', async () => {
  safeStorage.backend = 'unknown';
  const vault = open();
  expect((await vault.status()).kind).toBe('unavailable');
  expect(await vault.set('work', token, { allowWeakStorage: true })).toMatchObject({ ok: false });
  expect(existsSync(file)).toBe(false);
});

it('on macOS and Windows trusts the OS store whenever encryption is available', async () => {
  safeStorage.backend = 'basic_text'; // Linux-only; ignored elsewhere
  for (const platform of ['darwin', 'win32'] as const) {
    const vault = open(platform);
    expect(await vault.status()).toEqual({ kind: 'os-encrypted' });
    expect(await vault.set(`on-${platform}`, token)).toEqual({ ok: true, value: { protection: 'os-encrypted' } });
  }
  safeStorage.available = false;
  expect((await open('darwin').status()).kind).toBe('unavailable');
});

it('keeps a corrupt token file aside, says so, and starts empty', async () => {
  writeFileSync(file, '{"version": 1, "tokens": {"work": {"ciphertext": "plain token?"');
  const vault = open();
  const status = await vault.status();
  expect(status.problem).toMatch(/could not be read .* kept as .*github-tokens\.invalid-.*\.json/);
  expect(readdirSync(dir).some((name) => name.startsWith('github-tokens.invalid-'))).toBe(true);
  expect(existsSync(file)).toBe(false);
  expect(await vault.get('work')).toEqual({ state: 'missing' });

  expect((await vault.set('work', token)).ok).toBe(true);
  expect(await open().get('work')).toMatchObject({ state: 'found', token });
});

it('refuses a file whose entries do not have the expected shape', async () => {
  writeFileSync(file, JSON.stringify({ version: 1, tokens: { work: { token } } }));
  const vault = open();
  expect((await vault.status()).problem).toMatch(/not a token file/);
  expect(await vault.get('work')).toEqual({ state: 'missing' });
});

it('applies concurrent writes one after another, losing none (RELIABILITY C06)', async () => {
  const vault = open();
  await Promise.all(['a', 'b', 'c', 'd'].map((id) => vault.set(id, `${token}${id}`)));
  await vault.delete('b');
  const reopened = open();
  for (const id of ['a', 'c', 'd'])
    expect(await reopened.get(id)).toMatchObject({ state: 'found', token: `${token}${id}` });
  expect(await reopened.get('b')).toEqual({ state: 'missing' });
});
