// GitHub accounts as the UI sees them: each workspace account's check state,
// where its token comes from and how well it is protected, and what the token
// vault can offer on this machine. A token crosses the contract once, inward,
// when the user pastes it; nothing here ever carries one back.
import { z } from 'zod';
import type { GitHubTokenKind } from './github';
import { idSchema, printable } from './ids';

export const githubAccountStates = ['unchecked', 'checking', 'ok', 'needs-token', 'error'] as const;

export const githubTokenKinds = [
  'classic',
  'fine-grained',
  'oauth',
  'app-user',
  'app-installation',
  'unknown',
] as const satisfies readonly GitHubTokenKind[];

/**
 * Where an account's token comes from: Starboard's token vault, the
 * environment (GH_TOKEN, GITHUB_TOKEN…), the GitHub CLI (`gh auth token`),
 * or the demo's simulator. Only `stored` tokens are written anywhere.
 */
export const githubTokenSources = ['stored', 'environment', 'gh-cli', 'demo'] as const;
export type GitHubTokenSource = (typeof githubTokenSources)[number];

/** How a stored token is protected: by the OS secret store, or with a fixed key (Linux basic_text). */
export const tokenProtections = ['os-encrypted', 'weak'] as const;
export type TokenProtection = (typeof tokenProtections)[number];

/**
 * What the token vault can do here. `os-encrypted`: the OS keychain encrypts
 * tokens. `weak-only`: no real secret store (Linux basic_text), storing needs
 * consent. `unavailable`: nothing can be encrypted, nothing is stored.
 * `environment`: browser mode, which stores no tokens at all.
 */
export const tokenVaultKinds = ['os-encrypted', 'weak-only', 'unavailable', 'environment'] as const;
export type TokenVaultKind = (typeof tokenVaultKinds)[number];

export const tokenVaultStatusSchema = z.object({
  kind: z.enum(tokenVaultKinds),
  /** Why tokens are not protected by the OS here, in words the user can act on. */
  explanation: z.string().optional(),
  /** A problem with the vault's file (kept aside as unreadable). */
  problem: z.string().optional(),
});
export type TokenVaultStatus = z.infer<typeof tokenVaultStatusSchema>;

export const githubIdentitySchema = z.object({
  login: z.string(),
  name: z.string().optional(),
  tokenKind: z.enum(githubTokenKinds),
  /** Classic and OAuth tokens only; fine-grained tokens have permissions instead. */
  scopes: z.array(z.string()).optional(),
});

export const githubAccountStatusSchema = z.object({
  accountKey: z.string(),
  label: z.string(),
  /** 'github.com' or the GitHub Enterprise Server API URL. */
  host: z.string(),
  state: z.enum(githubAccountStates),
  token: z.object({
    source: z.enum(githubTokenSources),
    /** Stored tokens only. */
    protection: z.enum(tokenProtections).optional(),
    /** Environment tokens: the variable it was read from. */
    variable: z.string().optional(),
  }),
  identity: githubIdentitySchema.optional(),
  /** Why the account is not ok, in words the user can act on. */
  problem: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type GitHubAccountStatus = z.infer<typeof githubAccountStatusSchema>;

export const githubAccountsViewSchema = z.object({
  accounts: z.array(githubAccountStatusSchema),
  vault: tokenVaultStatusSchema,
  /** What the add form may offer: gh found on PATH, and which token variables are set (names only). */
  sources: z.object({ ghCli: z.boolean(), environmentVariables: z.array(z.string()) }),
});
export type GitHubAccountsView = z.infer<typeof githubAccountsViewSchema>;

/** A personal access or OAuth token: 1 to 255 printable ASCII characters, no spaces. */
export const githubTokenTextSchema = z
  .string()
  .trim()
  .min(1, 'Paste a token.')
  .max(255, 'A GitHub token is at most 255 characters.')
  .regex(/^[\x21-\x7E]+$/, 'A GitHub token is printable ASCII without spaces.');

export const githubTokenInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paste'), token: githubTokenTextSchema }).strict(),
  z.object({ kind: z.literal('gh-cli') }).strict(),
  z.object({ kind: z.literal('environment') }).strict(),
]);
export type GitHubTokenInput = z.infer<typeof githubTokenInputSchema>;

export const addGitHubAccountSchema = z
  .object({
    /** Defaults to "LOGIN on HOST". */
    label: z.string().trim().min(1).max(100).regex(printable).optional(),
    /** github.com, a GHES host name or its API URL (checked in main with resolveApiBaseUrl). */
    host: z.string().trim().min(1).max(240).regex(printable),
    token: githubTokenInputSchema,
    /** The user agreed to store the token with weak protection (no OS secret store). */
    allowWeakStorage: z.boolean().optional(),
  })
  .strict();
export type AddGitHubAccount = z.infer<typeof addGitHubAccountSchema>;

export const githubAccountKeyInputSchema = z.object({ accountKey: idSchema }).strict();

/** A workflow run of a watched repository, named for a command (re-run, cancel). */
export const githubRunInputSchema = z
  .object({
    accountKey: z.string().min(1).max(64),
    /** `owner/repo`, as GitHub allows them. */
    repository: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'owner/repo'),
    runId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
