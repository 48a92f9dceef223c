// A token vault in memory for hub tests: the same rules as the desktop vault
// (weak storage only with consent, nothing when encryption is unavailable),
// without Electron or a file.
import type { StoreConsent, TokenVault, VaultRead } from '../../src/main/hub/github-tokens';
import type { TokenProtection, TokenVaultStatus } from '../../src/shared/github-accounts';
import { fail, ok, type Result } from '../../src/shared/result';

export class MemoryTokenVault implements TokenVault {
  readonly tokens = new Map<string, { token: string; protection: TokenProtection }>();
  /** Account ids whose token "cannot be decrypted" (a reset keychain). */
  readonly unreadable = new Set<string>();

  constructor(public kind: Exclude<TokenVaultStatus['kind'], 'environment'> = 'os-encrypted') {}

  async status(): Promise<TokenVaultStatus> {
    return this.kind === 'os-encrypted'
      ? { kind: this.kind }
      : { kind: this.kind, explanation: `test vault: ${this.kind}` };
  }

  protection(accountId: string): TokenProtection | undefined {
    return this.tokens.get(accountId)?.protection;
  }

  async get(accountId: string): Promise<VaultRead> {
    const entry = this.tokens.get(accountId);
    if (!entry) return { state: 'missing' };
    if (this.unreadable.has(accountId)) return { state: 'unreadable', reason: 'test vault: cannot decrypt' };
    return { state: 'found', ...entry };
  }

  async set(
    accountId: string,
    token: string,
    consent?: StoreConsent,
  ): Promise<Result<{ protection: TokenProtection }>> {
    if (this.kind === 'unavailable') return fail('conflict', 'test vault: unavailable');
    if (this.kind === 'weak-only' && consent?.allowWeakStorage !== true) return fail('conflict', 'test vault: consent');
    const protection: TokenProtection = this.kind === 'weak-only' ? 'weak' : 'os-encrypted';
    this.tokens.set(accountId, { token, protection });
    return ok({ protection });
  }

  async delete(accountId: string): Promise<void> {
    this.tokens.delete(accountId);
  }
}
