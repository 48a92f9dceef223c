// Where GitHub tokens are kept between runs: a vault the shell provides (the
// OS keychain through Electron safeStorage on the desktop, nothing at all in
// browser mode). The hub only ever asks it by account id; a token it returns
// stays in main.
import type { TokenProtection, TokenVaultStatus } from '../../shared/github-accounts';
import { fail, type Result } from '../../shared/result';

export type VaultRead =
  | { state: 'found'; token: string; protection: TokenProtection }
  | { state: 'missing' }
  /** A token is stored but could not be decrypted now (keychain reset, access denied). Kept for a retry. */
  | { state: 'unreadable'; reason: string };

export interface StoreConsent {
  /** The user agreed to store a token although the OS offers no real secret store. */
  allowWeakStorage: boolean;
}

export interface TokenVault {
  /** What the vault can do on this machine now. */
  status(): Promise<TokenVaultStatus>;
  /** How the token stored for the account is protected, without decrypting it; undefined when none is. */
  protection(accountId: string): TokenProtection | undefined;
  get(accountId: string): Promise<VaultRead>;
  /** Stores (or replaces) a token; refuses weak storage without consent and never writes plain text. */
  set(accountId: string, token: string, consent?: StoreConsent): Promise<Result<{ protection: TokenProtection }>>;
  delete(accountId: string): Promise<void>;
}

export const browserModeRefusal = 'Browser mode does not store tokens: set GITHUB_TOKEN or sign in with gh.';

/** Browser mode's vault: stores nothing, so tokens come from the environment or the GitHub CLI only. */
export function environmentOnlyVault(): TokenVault {
  return {
    status: async () => ({ kind: 'environment', explanation: browserModeRefusal }),
    protection: () => undefined,
    get: async () => ({ state: 'missing' }),
    set: async () => fail('conflict', browserModeRefusal),
    delete: async () => undefined,
  };
}
