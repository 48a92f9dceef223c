// RELIABILITY C02, C03 and C06 for the desktop token vault, with Electron's
// safeStorage replaced at its boundary (electron-module boundary tests):
// ciphertext that will never decrypt, a keychain that refuses for a while and
// then answers, and a file that is only ever replaced whole.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '../support/fake-electron';
import { recordingLogger, tempDir, type RecordingLogger } from '../support/temp-hub';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectron);

const { SafeStorageVault, tokenFileName } = await import('../../src/main/shell/token-vault');

const token = 'ghp_canaryRELIABILITY00000000000000000001';
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

const open = () => new SafeStorageVault(file, log, { platform: 'linux', now: () => new Date(Date.UTC(2026, 0, 1)) });

/** The token, in any common encoding, in no file of the folder and no log line. */
function expectNoPlainToken(): void {
  const forms = [token, Buffer.from(token).toString('base64'), Buffer.from(token).toString('hex')];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const form of forms) expect(text).not.toContain(form);
  }
  for (const form of forms) expect(JSON.stringify(log.lines)).not.toContain(form);
}

describe('ciphertext that does not decrypt (RELIABILITY C02)', () => {
  it('answers "unreadable" without throwing, writes nothing, and never falls back to anything else', async () => {
    // Well-formed base64 that no key decrypts: a profile copied from another machine.
    const foreign = Buffer.from('v10 not this machine’s key').toString('base64');
    const stored = { ciphertext: foreign, protection: 'os-encrypted', backend: 'gnome_libsecret', storedAt: 'x' };
    writeFileSync(file, JSON.stringify({ version: 1, tokens: { work: stored } }));
    const before = readFileSync(file, 'utf8');
    const vault = open();
    for (let i = 0; i < 3; i += 1) {
      const read = await vault.get('work');
      expect(read).toMatchObject({
        state: 'unreadable',
        reason: expect.stringMatching(/add it with a new token/) as string,
      });
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A new token (the re-auth the account row offers) replaces the entry.
    expect(await vault.set('work', token)).toMatchObject({ ok: true });
    expect(await open().get('work')).toMatchObject({ state: 'found', token });
    expectNoPlainToken();
  });
});

describe('a keychain that refuses for a while (RELIABILITY C03)', () => {
  it('reads the token again once the keychain answers: a refusal is never taken as "no token"', async () => {
    const vault = open();
    await vault.set('work', token);
    const key = safeStorage.key;
    safeStorage.key = 0x11; // access denied, or not ready yet
    expect(await vault.get('work')).toMatchObject({ state: 'unreadable' });
    expect(vault.protection('work')).toBe('os-encrypted');
    safeStorage.key = key; // the user allowed access: "Check again"
    expect(await vault.get('work')).toEqual({ state: 'found', token, protection: 'os-encrypted' });
    expectNoPlainToken();
  });

  it('stores nothing while the keychain refuses to encrypt, and stores the token when asked again', async () => {
    const vault = open();
    safeStorage.denyEncrypt = true;
    const refused = await vault.set('work', token);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/try again/) as string } });
    expect(readdirSync(dir)).toEqual([]);
    safeStorage.denyEncrypt = false;
    expect(await vault.set('work', token)).toMatchObject({ ok: true });
    expect(await open().get('work')).toMatchObject({ state: 'found', token });
    expectNoPlainToken();
  });
});

describe('the token file is only ever replaced whole (RELIABILITY C06)', () => {
  it('writes a new file and renames it over the old one, never editing it in place', async () => {
    const vault = open();
    await vault.set('a', `${token}a`);
    const first = statSync(file).ino;
    await vault.set('b', `${token}b`);
    // A rename gives the path a new inode; an in-place write would keep it.
    expect(statSync(file).ino).not.toBe(first);
    expect(readdirSync(dir)).toEqual([tokenFileName]);
  });

  it('ignores and removes a half-written temp file a killed process left, keeping the last whole file', async () => {
    await open().set('work', token);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(join(dir, `${tokenFileName}.0123456789ab.tmp`), '{"version": 1, "tokens": {"work": {"ciph');
    const vault = open();
    expect(readdirSync(dir)).toEqual([tokenFileName]);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    expect(await vault.get('work')).toMatchObject({ state: 'found', token });
    expect((await vault.status()).problem).toBeUndefined();
  });

  it('leaves one whole, readable file when two vaults on the same file write at once', async () => {
    // Two app instances would lose one of these entries (the last rename wins): that is why a
    // second instance is refused by the single-instance lock. The file itself is never torn.
    const first = open();
    const second = open();
    await Promise.all([
      ...['a', 'b', 'c'].map((id) => first.set(id, `${token}${id}`)),
      ...['x', 'y', 'z'].map((id) => second.set(id, `${token}${id}`)),
    ]);
    const reopened = open();
    expect((await reopened.status()).problem).toBeUndefined();
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tokens: Record<string, unknown> };
    const ids = Object.keys(stored.tokens).sort();
    expect([
      ['a', 'b', 'c'],
      ['x', 'y', 'z'],
    ]).toContainEqual(ids);
    for (const id of ids) expect(await reopened.get(id)).toMatchObject({ state: 'found', token: `${token}${id}` });
    expect(readdirSync(dir)).toEqual([tokenFileName]);
  });
});
