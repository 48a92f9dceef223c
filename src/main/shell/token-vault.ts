// GitHub tokens at rest on the desktop: encrypted with Electron safeStorage
// (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on
// Linux) and kept as base64 ciphertext in github-tokens.json in the data
// folder, owner-only and written atomically. When Linux has no secret store
// (backend basic_text) the "encryption" uses a fixed key: nothing is stored
// then unless the user agreed, and the entry says so. Plain text is never
// written, logged or put in an error.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { tokenProtections, type TokenProtection, type TokenVaultStatus } from '../../shared/github-accounts';
import { idSchema } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { StoreConsent, TokenVault, VaultRead } from '../hub/github-tokens';
import type { Logger } from '../hub/log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../hub/snapshot/atomic-file';

export const tokenFileName = 'github-tokens.json';
const maxFileBytes = 1_000_000;

const entrySchema = z
  .object({
    /** safeStorage's ciphertext, base64. */
    ciphertext: z
      .string()
      .min(1)
      .max(8192)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/),
    protection: z.enum(tokenProtections),
    /** What encrypted it: the Linux backend (gnome_libsecret, basic_text…) or the platform. */
    backend: z.string().max(32),
    storedAt: z.string().max(40),
  })
  .strict();
const fileSchema = z.object({ version: z.literal(1), tokens: z.record(idSchema, entrySchema) }).strict();
type TokenFile = z.infer<typeof fileSchema>;

/** Linux backends that keep the key in a real secret store (Electron's safeStorage docs). */
const secretStores = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

type Level = { kind: Exclude<TokenVaultStatus['kind'], 'environment'>; backend: string; explanation?: string };

const weakExplanation =
  'This Linux session offers no secret store (GNOME Keyring or KWallet) to Starboard, so a token would be encrypted with a fixed key that anyone who can read your files can undo.';
const unavailableExplanation =
  'The operating system cannot encrypt data for Starboard right now, so Starboard stores no tokens. Use GITHUB_TOKEN or the GitHub CLI instead.';
const unreadable =
  'Starboard could not decrypt the stored token (the OS keychain was reset, access was denied, or it is not available yet). Check again to retry, or remove the account and add it with a new token.';

export interface TokenVaultOptions {
  platform?: NodeJS.Platform;
  now?: () => Date;
}

export class SafeStorageVault implements TokenVault {
  #file: TokenFile = { version: 1, tokens: {} };
  #problem: string | undefined;
  /** Writes one at a time, in order, so two changes never race for the file (RELIABILITY C06). */
  #writes: Promise<unknown> = Promise.resolve();
  readonly #platform: NodeJS.Platform;
  readonly #now: () => Date;

  constructor(
    private readonly path: string,
    private readonly log: Logger,
    options: TokenVaultOptions = {},
  ) {
    this.#platform = options.platform ?? process.platform;
    this.#now = options.now ?? (() => new Date());
    removeStaleTemps(path);
    const loaded = loadJsonFile(path, maxFileBytes, this.#now(), (value) => {
      const parsed = fileSchema.safeParse(value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'not a token file' };
    });
    if (loaded.notice) {
      log.warn('GitHub token file kept aside', { reason: loaded.notice.reason, keptAs: loaded.notice.keptAs });
      this.#problem = `The GitHub token file could not be read (${loaded.notice.reason}) and was kept as ${loaded.notice.keptAs}. Add your GitHub tokens again.`;
    }
    if (loaded.value) this.#file = loaded.value;
  }

  async status(): Promise<TokenVaultStatus> {
    const level = await this.#level();
    return {
      kind: level.kind,
      ...(level.explanation ? { explanation: level.explanation } : {}),
      ...(this.#problem ? { problem: this.#problem } : {}),
    };
  }

  protection(accountId: string): TokenProtection | undefined {
    return this.#entry(accountId)?.protection;
  }

  async get(accountId: string): Promise<VaultRead> {
    const entry = this.#entry(accountId);
    if (!entry) return { state: 'missing' };
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(entry.ciphertext, 'base64'));
      if (shouldReEncrypt) {
        // The key rotated: store it again under the new key; the token in hand is good either way.
        this.#encryptAndWrite(accountId, result, entry.protection, entry.backend).catch(() =>
          this.log.warn('a GitHub token could not be encrypted again', { account: accountId }),
        );
      }
      return { state: 'found', token: result, protection: entry.protection };
    } catch {
      // Kept, not deleted: a denied or not-yet-ready keychain may answer on the next try (RELIABILITY C03).
      this.log.warn('a stored GitHub token could not be decrypted', { account: accountId });
      return { state: 'unreadable', reason: unreadable };
    }
  }

  async set(
    accountId: string,
    token: string,
    consent?: StoreConsent,
  ): Promise<Result<{ protection: TokenProtection }>> {
    const level = await this.#level();
    if (level.kind === 'unavailable') {
      return fail('conflict', level.explanation ?? unavailableExplanation);
    }
    if (level.kind === 'weak-only' && consent?.allowWeakStorage !== true) {
      return fail(
        'conflict',
        `Starboard did not store the token. ${weakExplanation} Agree to weak protection to store it anyway.`,
      );
    }
    const protection: TokenProtection = level.kind === 'weak-only' ? 'weak' : 'os-encrypted';
    try {
      await this.#encryptAndWrite(accountId, token, protection, level.backend);
    } catch (error) {
      this.log.warn('a GitHub token could not be stored', { account: accountId, backend: level.backend });
      return fail('access-denied', error instanceof VaultRefusal ? error.message : cannotStore);
    }
    return ok({ protection });
  }

  async delete(accountId: string): Promise<void> {
    if (!this.#entry(accountId)) return;
    await this.#change((tokens) => Object.fromEntries(Object.entries(tokens).filter(([id]) => id !== accountId)));
  }

  #entry(accountId: string): TokenFile['tokens'][string] | undefined {
    return Object.hasOwn(this.#file.tokens, accountId) ? this.#file.tokens[accountId] : undefined;
  }

  async #level(): Promise<Level> {
    const backend = this.#platform === 'linux' ? safeStorage.getSelectedStorageBackend() : this.#platform;
    // 'unknown' means safeStorage was asked before the app was ready: store nothing (RELIABILITY C01).
    if (backend === 'unknown' || !(await safeStorage.isAsyncEncryptionAvailable())) {
      return { kind: 'unavailable', backend, explanation: unavailableExplanation };
    }
    if (this.#platform === 'linux' && !secretStores.has(backend)) {
      return { kind: 'weak-only', backend, explanation: weakExplanation };
    }
    return { kind: 'os-encrypted', backend };
  }

  async #encryptAndWrite(accountId: string, token: string, protection: TokenProtection, backend: string) {
    let encrypted: Buffer;
    try {
      encrypted = await safeStorage.encryptStringAsync(token);
    } catch {
      throw new VaultRefusal(
        'The OS keychain did not encrypt the token (it is locked, or access was denied). Nothing was stored; try again.',
      );
    }
    // A last guard: whatever safeStorage did, the token's own bytes never reach the file.
    if (encrypted.length === 0 || encrypted.includes(Buffer.from(token, 'utf8'))) throw new VaultRefusal(cannotStore);
    const entry = {
      ciphertext: encrypted.toString('base64'),
      protection,
      backend,
      storedAt: this.#now().toISOString(),
    };
    await this.#change((tokens) => ({ ...tokens, [accountId]: entry }));
  }

  #change(edit: (tokens: TokenFile['tokens']) => TokenFile['tokens']): Promise<void> {
    const run = this.#writes.then(async () => {
      const next: TokenFile = { version: 1, tokens: edit(this.#file.tokens) };
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      this.#file = next;
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }
}

const cannotStore = 'Starboard could not store the token safely. Nothing was stored.';

/** A refusal whose message is safe to show (it never quotes the token). */
class VaultRefusal extends Error {}

/** The desktop's vault over `github-tokens.json` in the data folder. */
export function openTokenVault(dataDir: string, log: Logger): TokenVault {
  return new SafeStorageVault(join(dataDir, tokenFileName), log);
}
