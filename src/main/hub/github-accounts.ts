// The GitHub accounts of the active workspace: where each one's token comes
// from, whether GitHub accepts it (GET /user) and who it signs in as. Tokens
// are read from the vault, the environment or the GitHub CLI when needed and
// kept in memory for the session; they never appear in a status, an event,
// an error or a log line. The live workspace asks `token()` and `apiBaseUrl()`.
import type {
  AddGitHubAccount,
  GitHubAccountStatus,
  GitHubAccountsView,
  GitHubTokenInput,
  GitHubTokenSource,
  TokenVaultStatus,
} from '../../shared/github-accounts';
import type { GitHubAccount, Workspace } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { githubDotComApi } from '../sources/github/base-url';
import type { GitHubAuth } from '../sources/github-auth/index';
import { browserModeRefusal, type TokenVault } from './github-tokens';
import { accountKeyFor } from './aws-account-handlers';
import type { Logger } from './log';

export interface GitHubAccountsDeps {
  vault: TokenVault;
  auth: GitHubAuth;
  workspace: () => Workspace;
  /** Whether the demo shows, and the token its simulator accepts. */
  demoActive: () => boolean;
  demoToken: () => string | undefined;
  onChange: (view: GitHubAccountsView) => void;
  log: Logger;
  now?: () => Date;
}

type Resolved = { ok: true; token: string; variable?: string } | { ok: false; problem: string };

const weakRefusal = (explanation: string | undefined) =>
  `${explanation ?? 'This system offers no secret store for the token.'} Tick “Store it with weak protection” to agree, or use GITHUB_TOKEN or the GitHub CLI instead.`;

export class GitHubAccounts {
  readonly #status = new Map<string, GitHubAccountStatus>();
  /** Tokens read this session, by account id: decrypted once, asked of gh once. */
  readonly #tokens = new Map<string, { token: string; variable?: string }>();
  /** The login each account last signed in as, kept when its token is refused: a new token must match it. */
  readonly #knownLogin = new Map<string, string>();
  #vault: TokenVaultStatus = { kind: 'unavailable' };
  #available: GitHubAccountsView['sources'] = { ghCli: false, environmentVariables: [] };

  constructor(private readonly deps: GitHubAccountsDeps) {
    // Events carry the vault's status too: know it before the first one goes out.
    this.#available = deps.auth.available();
    deps.vault.status().then(
      (status) => (this.#vault = status),
      (error: unknown) => deps.log.error('the token vault could not say what it offers', error),
    );
  }

  /** Statuses, what the vault offers and which token sources exist; re-reads the last two. */
  async view(): Promise<GitHubAccountsView> {
    this.#vault = await this.deps.vault.status();
    this.#available = this.deps.auth.available();
    return this.#view();
  }

  list(): GitHubAccountStatus[] {
    return this.deps.workspace().githubAccounts.map((account) => this.#statusOf(account));
  }

  find(accountId: string): GitHubAccount | undefined {
    return this.deps.workspace().githubAccounts.find((account) => account.id === accountId);
  }

  /** The API base URL an account talks to (https://api.github.com, https://HOST/api/v3 or a simulator). */
  apiBaseUrl(accountId: string): string | undefined {
    const account = this.find(accountId);
    if (!account) return undefined;
    const resolved = this.deps.auth.apiBaseUrl(account.host);
    return resolved.ok ? resolved.value : undefined;
  }

  /** The API base URL for what the user typed (github.com, a GHES host or URL), or why it is refused. */
  apiBaseUrlFor(host: string): Result<string> {
    return this.deps.auth.apiBaseUrl(host);
  }

  /** The account's token for a GitHub client, or undefined when there is none to use (see its status). */
  async token(accountId: string): Promise<string | undefined> {
    const account = this.find(accountId);
    if (!account) return undefined;
    const resolved = await this.#resolve(account);
    return resolved.ok ? resolved.token : undefined;
  }

  /** After GitHub refused the token (401): forget it and show the account as needing a token. */
  markNeedsToken(accountId: string, problem: string): void {
    const account = this.find(accountId);
    if (!account) return;
    this.#tokens.delete(accountId);
    this.#update(account, { state: 'needs-token', problem, identity: undefined });
  }

  async check(account: GitHubAccount): Promise<GitHubAccountStatus> {
    // An explicit check reads the token again: a new gh sign-in, a keychain that now answers.
    this.#tokens.delete(account.id);
    this.#update(account, { state: 'checking' });
    const checkedAt = () => this.#now().toISOString();
    const apiBaseUrl = this.deps.auth.apiBaseUrl(account.host);
    if (!apiBaseUrl.ok) return this.#update(account, { state: 'error', problem: apiBaseUrl.error.message });
    const resolved = await this.#resolve(account);
    if (!resolved.ok) {
      return this.#update(account, {
        state: 'needs-token',
        problem: resolved.problem,
        identity: undefined,
        checkedAt: checkedAt(),
      });
    }
    const identity = await this.deps.auth.check(apiBaseUrl.value, resolved.token);
    if (identity.ok) {
      return this.#update(account, {
        state: 'ok',
        identity: identity.value,
        problem: undefined,
        checkedAt: checkedAt(),
      });
    }
    const refused = identity.error.code === 'credentials-expired';
    if (refused) this.#tokens.delete(account.id);
    this.deps.log.warn('GitHub account check failed', { account: account.id, code: identity.error.code });
    return this.#update(account, {
      state: refused ? 'needs-token' : 'error',
      problem: identity.error.message,
      // Who a refused token signed in as is no longer known; a network error leaves the last answer standing.
      ...(refused ? { identity: undefined } : {}),
      checkedAt: checkedAt(),
    });
  }

  /**
   * Checks the token with GET /user before anything is saved, stores a pasted
   * token in the vault, then hands the new entry to `save`. `taken`: ids in use.
   */
  async add(
    input: AddGitHubAccount,
    taken: ReadonlySet<string>,
    save: (account: GitHubAccount) => void,
  ): Promise<Result<GitHubAccountStatus>> {
    const apiBaseUrl = this.deps.auth.apiBaseUrl(input.host);
    if (!apiBaseUrl.ok) return apiBaseUrl;
    const found = await this.#tokenFor(input, apiBaseUrl.value);
    if (!found.ok) return found;
    const source = input.token.kind === 'paste' ? 'stored' : input.token.kind;
    return this.#addFound({ ...input, apiBaseUrl: apiBaseUrl.value, found: found.value, source }, taken, save);
  }

  /** Adds an account with a token from the OAuth device flow, stored in the vault with its app's client id. */
  async addSignedIn(
    input: { host: string; label?: string; token: string; oauthClientId: string; allowWeakStorage?: boolean },
    taken: ReadonlySet<string>,
    save: (account: GitHubAccount) => void,
  ): Promise<Result<GitHubAccountStatus>> {
    const apiBaseUrl = this.deps.auth.apiBaseUrl(input.host);
    if (!apiBaseUrl.ok) return apiBaseUrl;
    const { token, ...rest } = input;
    return this.#addFound({ ...rest, apiBaseUrl: apiBaseUrl.value, found: { token }, source: 'stored' }, taken, save);
  }

  /**
   * Gives an account a new token (pasted, from gh or the environment): checked
   * with GET /user, it must sign in as the login the account last showed.
   */
  async replaceToken(
    input: { accountKey: string; token: GitHubTokenInput; allowWeakStorage?: boolean },
    save: (account: GitHubAccount) => void,
  ): Promise<Result<GitHubAccountStatus>> {
    const account = this.find(input.accountKey);
    if (!account) return fail('not-found', 'There is no GitHub account with that id in the workspace.');
    const apiBaseUrl = this.deps.auth.apiBaseUrl(account.host);
    if (!apiBaseUrl.ok) return apiBaseUrl;
    const found = await this.#tokenFor(input, apiBaseUrl.value);
    if (!found.ok) return found;
    const source = input.token.kind === 'paste' ? 'stored' : input.token.kind;
    return this.adoptToken(account, { ...found.value, source, allowWeakStorage: input.allowWeakStorage }, save);
  }

  /**
   * Checks `token` for an existing account, refuses it when it signs in as
   * someone else, keeps it (in the vault when stored) and saves the entry.
   * The live workspace resumes on the status change this announces.
   */
  async adoptToken(
    account: GitHubAccount,
    next: {
      token: string;
      variable?: string;
      source: 'stored' | 'environment' | 'gh-cli';
      allowWeakStorage?: boolean | undefined;
      oauthClientId?: string;
    },
    save: (account: GitHubAccount) => void,
  ): Promise<Result<GitHubAccountStatus>> {
    const apiBaseUrl = this.deps.auth.apiBaseUrl(account.host);
    if (!apiBaseUrl.ok) return apiBaseUrl;
    const identity = await this.deps.auth.check(apiBaseUrl.value, next.token);
    if (!identity.ok) return identity;
    const expected = this.#knownLogin.get(account.id);
    if (expected !== undefined && expected.toLowerCase() !== identity.value.login.toLowerCase()) {
      return fail(
        'conflict',
        `That token signs in as ${identity.value.login}, but ${account.label} is ${expected}. Add it as another account instead.`,
      );
    }
    const wasStored = (account.tokenSource ?? 'stored') === 'stored';
    const previous = wasStored ? await this.deps.vault.get(account.id) : undefined;
    if (next.source === 'stored') {
      const stored = await this.deps.vault.set(account.id, next.token, {
        allowWeakStorage: next.allowWeakStorage === true,
      });
      if (!stored.ok) return stored;
    }
    // The OAuth app is remembered only for a token it made.
    const updated: GitHubAccount = { ...account, tokenSource: next.source };
    if (next.oauthClientId) updated.oauthClientId = next.oauthClientId;
    else delete updated.oauthClientId;
    try {
      save(updated);
    } catch (error) {
      // The entry still names the old source: put its token back.
      if (previous?.state === 'found')
        await this.deps.vault.set(account.id, previous.token, { allowWeakStorage: true });
      else if (next.source === 'stored') await this.deps.vault.delete(account.id);
      throw error;
    }
    // A token from gh or the environment now: the vault keeps no copy any more.
    if (wasStored && next.source !== 'stored') await this.deps.vault.delete(account.id);
    this.#tokens.set(account.id, { token: next.token, ...(next.variable ? { variable: next.variable } : {}) });
    this.deps.log.info('GitHub account token replaced', { account: account.id, source: next.source });
    return ok(
      this.#update(updated, {
        state: 'ok',
        identity: identity.value,
        problem: undefined,
        checkedAt: this.#now().toISOString(),
      }),
    );
  }

  /** Why a new token could not be stored here (browser mode, no secret store, no consent), before asking for one. */
  async storageRefusal(allowWeakStorage: boolean): Promise<Result<void>> {
    this.#vault = await this.deps.vault.status();
    if (this.#vault.kind === 'environment') return fail('conflict', browserModeRefusal);
    if (this.#vault.kind === 'unavailable') {
      return fail('conflict', this.#vault.explanation ?? 'Starboard cannot encrypt tokens on this system.');
    }
    if (this.#vault.kind === 'weak-only' && !allowWeakStorage) {
      return fail('conflict', weakRefusal(this.#vault.explanation));
    }
    return ok(undefined);
  }

  async #addFound(
    input: {
      apiBaseUrl: string;
      label?: string | undefined;
      found: { token: string; variable?: string };
      source: 'stored' | 'environment' | 'gh-cli';
      allowWeakStorage?: boolean | undefined;
      oauthClientId?: string;
    },
    taken: ReadonlySet<string>,
    save: (account: GitHubAccount) => void,
  ): Promise<Result<GitHubAccountStatus>> {
    const { apiBaseUrl, found, source } = input;
    const host = apiBaseUrl === githubDotComApi ? 'github.com' : apiBaseUrl;
    const identity = await this.deps.auth.check(apiBaseUrl, found.token);
    if (!identity.ok) return identity;

    const label =
      input.label ?? `${identity.value.login} on ${host === 'github.com' ? host : new URL(host).host}`.slice(0, 100);
    const id = accountKeyFor(label, taken, 'github');
    if (source === 'stored') {
      const stored = await this.deps.vault.set(id, found.token, {
        allowWeakStorage: input.allowWeakStorage === true,
      });
      if (!stored.ok) return stored;
    }
    const account: GitHubAccount = {
      id,
      label,
      host,
      tokenSource: source,
      ...(input.oauthClientId ? { oauthClientId: input.oauthClientId } : {}),
    };
    try {
      save(account);
    } catch (error) {
      // The entry was not saved: its token must not stay behind.
      await this.deps.vault.delete(id);
      throw error;
    }
    this.#tokens.set(id, found);
    this.deps.log.info('GitHub account added', { account: id, source });
    return ok(
      this.#update(account, {
        state: 'ok',
        identity: identity.value,
        problem: undefined,
        checkedAt: this.#now().toISOString(),
      }),
    );
  }

  /** Deletes the account's stored token and forgets it; the caller removes the entry from the workspace. */
  async forget(accountId: string): Promise<void> {
    await this.deps.vault.delete(accountId);
    this.#tokens.delete(accountId);
    this.#status.delete(accountId);
    this.#knownLogin.delete(accountId);
  }

  /** Forgets state and tokens of accounts that left the workspace (or all of them, on a workspace switch). */
  prune(all = false): void {
    const ids = new Set(all ? [] : this.deps.workspace().githubAccounts.map((account) => account.id));
    for (const id of this.#status.keys()) if (!ids.has(id)) this.#status.delete(id);
    for (const id of this.#tokens.keys()) if (!ids.has(id)) this.#tokens.delete(id);
    for (const id of this.#knownLogin.keys()) if (!ids.has(id)) this.#knownLogin.delete(id);
  }

  /** Sends the current view to listeners (after the workspace changed under us). */
  announce(): void {
    this.deps.onChange(this.#view());
  }

  async #tokenFor(
    input: { token: GitHubTokenInput; allowWeakStorage?: boolean | undefined },
    apiBaseUrl: string,
  ): Promise<Result<{ token: string; variable?: string }>> {
    const source = input.token;
    if (source.kind === 'gh-cli') {
      const token = await this.deps.auth.ghCli(apiBaseUrl);
      return token.ok ? ok({ token: token.value }) : token;
    }
    if (source.kind === 'environment') {
      const found = this.deps.auth.environment(apiBaseUrl);
      return found ? ok(found) : fail('not-found', noEnvironmentToken(apiBaseUrl));
    }
    // Refuse before the token goes anywhere, even to GitHub, when it could not be kept.
    const refused = await this.storageRefusal(input.allowWeakStorage === true);
    return refused.ok ? ok({ token: source.token }) : refused;
  }

  async #resolve(account: GitHubAccount): Promise<Resolved> {
    const known = this.#tokens.get(account.id);
    if (known) return { ok: true, ...known };
    const found = await this.#read(account);
    if (found.ok)
      this.#tokens.set(account.id, { token: found.token, ...(found.variable ? { variable: found.variable } : {}) });
    return found;
  }

  async #read(account: GitHubAccount): Promise<Resolved> {
    if (this.deps.demoActive()) {
      const token = this.deps.demoToken();
      return token ? { ok: true, token } : { ok: false, problem: 'The demo has no token for this account.' };
    }
    const apiBaseUrl = this.deps.auth.apiBaseUrl(account.host);
    if (!apiBaseUrl.ok) return { ok: false, problem: apiBaseUrl.error.message };
    switch (account.tokenSource ?? 'stored') {
      case 'environment': {
        const found = this.deps.auth.environment(apiBaseUrl.value);
        return found ? { ok: true, ...found } : { ok: false, problem: noEnvironmentToken(apiBaseUrl.value) };
      }
      case 'gh-cli': {
        const token = await this.deps.auth.ghCli(apiBaseUrl.value);
        return token.ok ? { ok: true, token: token.value } : { ok: false, problem: token.error.message };
      }
      case 'stored': {
        const read = await this.deps.vault.get(account.id);
        if (read.state === 'found') return { ok: true, token: read.token };
        if (read.state === 'unreadable') {
          this.deps.log.warn('stored GitHub token could not be read', { account: account.id });
          return { ok: false, problem: read.reason };
        }
        const vault = await this.deps.vault.status();
        return {
          ok: false,
          problem:
            vault.kind === 'environment'
              ? 'Browser mode does not read stored tokens: add this account again with GITHUB_TOKEN or the GitHub CLI.'
              : 'No token is stored for this account. Remove it and add it again with a token.',
        };
      }
    }
  }

  #source(account: GitHubAccount): GitHubTokenSource {
    return this.deps.demoActive() ? 'demo' : (account.tokenSource ?? 'stored');
  }

  #statusOf(account: GitHubAccount): GitHubAccountStatus {
    const source = this.#source(account);
    const protection = source === 'stored' ? this.deps.vault.protection(account.id) : undefined;
    const variable = source === 'environment' ? this.#tokens.get(account.id)?.variable : undefined;
    const base = {
      accountKey: account.id,
      label: account.label,
      host: account.host,
      token: { source, ...(protection ? { protection } : {}), ...(variable ? { variable } : {}) },
    };
    const known = this.#status.get(account.id);
    return known ? { ...known, ...base } : { ...base, state: 'unchecked' };
  }

  #update(account: GitHubAccount, change: Partial<GitHubAccountStatus>): GitHubAccountStatus {
    // Drop cleared fields (a problem that went away) rather than keep them as undefined.
    const next = Object.fromEntries(
      Object.entries({ ...this.#statusOf(account), ...change } as Record<string, unknown>).filter(
        ([, value]) => value !== undefined,
      ),
    ) as GitHubAccountStatus;
    this.#status.set(account.id, next);
    if (next.identity) this.#knownLogin.set(account.id, next.identity.login);
    this.deps.onChange(this.#view());
    return this.#statusOf(account);
  }

  #view(): GitHubAccountsView {
    return { accounts: this.list(), vault: this.#vault, sources: this.#available };
  }

  #now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}

function noEnvironmentToken(apiBaseUrl: string): string {
  const names =
    apiBaseUrl === githubDotComApi ? 'GH_TOKEN or GITHUB_TOKEN' : 'GH_ENTERPRISE_TOKEN, GH_TOKEN or GITHUB_TOKEN';
  return `No token in Starboard's environment: set ${names} before starting Starboard.`;
}
