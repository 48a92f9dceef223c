// GitHub accounts as the UI sees them: each workspace account's check state,
// where its token comes from and how well it is protected, and what the token
// vault can offer on this machine. A token crosses the contract once, inward,
// when the user pastes it; nothing here ever carries one back.
import { z } from 'zod';
import type { GitHubTokenKind } from './github';
import { idSchema, nameSchema, printable } from './ids';

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

/** `owner/repo`, as GitHub allows them. */
export const githubRepositoryNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'owner/repo');

/** A GitHub id (run, job, environment): a positive integer JavaScript holds exactly. */
const githubNumericIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A workflow run of a watched repository, named for a command (re-run, cancel) or a read (its jobs). */
export const githubRunInputSchema = z
  .object({
    accountKey: z.string().min(1).max(64),
    repository: githubRepositoryNameSchema,
    runId: githubNumericIdSchema,
  })
  .strict();

/** One job of a watched repository's run, for its log. */
export const githubJobLogInputSchema = z
  .object({
    accountKey: z.string().min(1).max(64),
    repository: githubRepositoryNameSchema,
    jobId: githubNumericIdSchema,
  })
  .strict();

/** A job's log as Starboard shows it: the text (the tail when it was too long) and what was cut. */
export const githubJobLogSchema = z.object({
  jobId: z.number(),
  text: z.string(),
  /** Bytes cut from the head because the log was longer than Starboard keeps (0 when whole). */
  truncatedBytes: z.number().int(),
  fetchedAt: z.string(),
});
export type GitHubJobLog = z.infer<typeof githubJobLogSchema>;

/** A new token for an account whose token expired or was revoked; it must belong to the same login. */
export const replaceGitHubTokenSchema = z
  .object({
    accountKey: idSchema,
    token: githubTokenInputSchema,
    allowWeakStorage: z.boolean().optional(),
  })
  .strict();

/** An OAuth app's client id (public, not a secret): `Iv1.…`, `Ov23…` and the like. */
export const githubOAuthClientIdSchema = z
  .string()
  .trim()
  .min(1, "Enter the OAuth app's client id.")
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, 'A client id is letters, digits, dots, dashes and underscores.');

export const startDeviceFlowSchema = z
  .object({
    host: z.string().trim().min(1).max(240).regex(printable),
    clientId: githubOAuthClientIdSchema,
    label: z.string().trim().min(1).max(100).regex(printable).optional(),
    /** Sign in again for this account (its token expired or was revoked) instead of adding one. */
    accountKey: idSchema.optional(),
    allowWeakStorage: z.boolean().optional(),
  })
  .strict();
export type StartDeviceFlow = z.infer<typeof startDeviceFlowSchema>;

/**
 * The OAuth device flow in progress (one at a time): the code the user types
 * at the verification page, and how it ended. Never carries the token.
 */
export const deviceFlowStates = ['requesting', 'waiting', 'adding', 'done', 'failed', 'cancelled', 'expired'] as const;
export const deviceFlowSchema = z.object({
  flowId: z.string(),
  host: z.string(),
  state: z.enum(deviceFlowStates),
  userCode: z.string().optional(),
  /** Where the user enters the code (https on the account's host). */
  verificationUri: z.string().optional(),
  expiresAt: z.string().optional(),
  /** Why it failed, in words the user can act on. */
  problem: z.string().optional(),
  /** The account added or signed in again, once done. */
  accountKey: z.string().optional(),
});
export type DeviceFlow = z.infer<typeof deviceFlowSchema>;

/** Find repositories an account can read: its own (no owner, no query), an owner's, or a search. */
export const findGitHubRepositoriesSchema = z
  .object({
    accountKey: idSchema,
    /** A user or organisation login. */
    owner: z
      .string()
      .trim()
      .max(39)
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'A GitHub login is letters, digits and inner dashes.')
      .optional(),
    /** Words to search repository names and descriptions for. */
    query: z.string().trim().min(1).max(200).regex(printable).optional(),
    page: z.number().int().min(1).max(10).optional(),
  })
  .strict();
export type FindGitHubRepositories = z.infer<typeof findGitHubRepositoriesSchema>;

export const githubRepositoryChoiceSchema = z.object({
  fullName: z.string(),
  description: z.string().optional(),
  private: z.boolean(),
  archived: z.boolean(),
  fork: z.boolean(),
  pushedAt: z.string().optional(),
  htmlUrl: z.string(),
  /** The projects that already hold it. */
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The account that watches it, when one does. */
  watchedBy: z.string().optional(),
});
export type GitHubRepositoryChoice = z.infer<typeof githubRepositoryChoiceSchema>;

export const githubRepositoryChoicesSchema = z.object({
  repositories: z.array(githubRepositoryChoiceSchema),
  /** Another page follows. */
  hasMore: z.boolean(),
  /** Searches only: how many GitHub found in all. */
  totalCount: z.number().int().optional(),
});
export type GitHubRepositoryChoices = z.infer<typeof githubRepositoryChoicesSchema>;

/** Watch a repository with this account, as a member of an existing project or of a new one. */
export const watchGitHubRepositorySchema = z
  .object({
    accountKey: idSchema,
    repository: githubRepositoryNameSchema,
    project: z.union([z.object({ id: idSchema }).strict(), z.object({ create: nameSchema }).strict()]),
  })
  .strict();
export type WatchGitHubRepository = z.infer<typeof watchGitHubRepositorySchema>;
