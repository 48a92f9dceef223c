// The domain model shared by every layer: plain data with runtime schemas.
// No Node, no DOM, no Electron here.
import { z } from 'zod';
import { dashboardTiles, type NotificationKind, notificationKinds } from './settings-values';
import { idSchema, printable } from './ids';
import { emptyProjectEdits, workspaceProjectsSchema } from './projects';
import type { SourceRevision } from './pipelines';

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
  } catch {
    return false;
  }
}

export const themeSchema = z.enum(['system', 'light', 'dark']);

/** How often the hub reads: `relaxed` doubles the intervals, `fast` halves them (running work is always fast). */
export const refreshCadenceSchema = z.enum(['relaxed', 'normal', 'fast']);
export type RefreshCadence = z.infer<typeof refreshCadenceSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const notificationRulesSchema = z
  .object({
    /** Which kinds notify at all. */
    kinds: z
      .object(
        Object.fromEntries(notificationKinds.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>,
      )
      .strict(),
    /** No notifications between `from` and `to` (local time; may span midnight). */
    quietHours: z.object({ enabled: z.boolean(), from: clockTime, to: clockTime }).strict(),
    /** Paused until then (ISO 8601), or not paused. */
    pausedUntil: z.iso.datetime({ offset: true }).nullable(),
    /** Projects that never notify. */
    mutedProjects: z.array(idSchema).max(500),
  })
  .strict();
export type NotificationRules = z.infer<typeof notificationRulesSchema>;

export const defaultNotificationRules: NotificationRules = {
  kinds: { failed: true, fixed: true, approval: true, deployment: false, health: true, succeeded: false },
  quietHours: { enabled: false, from: '22:00', to: '08:00' },
  pausedUntil: null,
  mutedProjects: [],
};

export { dashboardTiles, type DashboardTile, notificationKinds, type NotificationKind } from './settings-values';

const tileSchema = z.enum(dashboardTiles);
/** One project's dashboard: the tiles in the user's order (tiles not named keep their default place) and those hidden. */
export const dashboardLayoutSchema = z
  .object({
    order: z.array(tileSchema).max(dashboardTiles.length),
    hidden: z.array(tileSchema).max(dashboardTiles.length),
  })
  .strict();
export type DashboardLayout = z.infer<typeof dashboardLayoutSchema>;

export const defaultSettings = {
  theme: 'system',
  refreshCadence: 'normal',
  startAtLogin: false,
  notifications: defaultNotificationRules,
  dashboards: {},
} as const satisfies Record<string, unknown>;

/** Every setting without defaults: `settings.update` takes any subset of these and changes only those. */
const settingsFields = {
  theme: themeSchema,
  refreshCadence: refreshCadenceSchema,
  /** Open Starboard (to the tray) when the user logs in; off by default. */
  startAtLogin: z.boolean(),
  notifications: notificationRulesSchema,
  /** Per project id: its dashboard layout. */
  dashboards: z.record(idSchema, dashboardLayoutSchema),
};

/** The stored settings: a field an older file lacks takes its default. */
export const settingsSchema = z
  .object({
    theme: settingsFields.theme.default(defaultSettings.theme),
    refreshCadence: settingsFields.refreshCadence.default(defaultSettings.refreshCadence),
    startAtLogin: settingsFields.startAtLogin.default(defaultSettings.startAtLogin),
    notifications: settingsFields.notifications.default(defaultNotificationRules),
    dashboards: settingsFields.dashboards.default({}),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings; a field left out keeps its value (no defaults here, unlike settingsSchema). */
export const settingsPatchSchema = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** An AWS region name as the SDK accepts it (e.g. eu-west-1, us-gov-west-1). */
export const regionSchema = z
  .string()
  .max(32)
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'not an AWS region name');

export const awsAccountSchema = z
  .object({
    id: idSchema,
    label: z.string().min(1).max(100).regex(printable),
    /** A profile from the shared config files, or null for the default credential chain. */
    profile: z.string().min(1).max(128).regex(printable).nullable(),
    regions: z.array(regionSchema).min(1).max(40),
    /**
     * Sends every AWS call of this account to one endpoint (an emulator such
     * as the demo's simulator or LocalStack): https, or http on loopback only.
     */
    endpointUrl: z
      .url({ protocol: /^https?$/ })
      .refine((url) => url.startsWith('https://') || isLoopbackHttp(url), 'http is allowed on loopback only')
      .optional(),
  })
  .strict();
export type AwsAccount = z.infer<typeof awsAccountSchema>;

export const githubAccountSchema = z
  .object({
    id: idSchema,
    label: z.string().min(1).max(100).regex(printable),
    /** 'github.com' or the https API URL of a GitHub Enterprise Server. The token never lives here. */
    host: z.string().min(1).max(255),
    /**
     * Where Starboard gets the token (never the token itself): its encrypted
     * token vault (the default), the environment, or the GitHub CLI at each start.
     */
    tokenSource: z.enum(['stored', 'environment', 'gh-cli']).optional(),
    /** The OAuth app whose device flow made the stored token, to sign in again with. */
    oauthClientId: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9._-]+$/)
      .optional(),
    /**
     * Repositories (`owner/repo`) the user chose to watch with this account.
     * A project's GitHub repository nobody chose is watched by the first account.
     */
    repositories: z
      .array(
        z
          .string()
          .max(200)
          .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/),
      )
      .max(1000)
      .optional(),
  })
  .strict();
export type GitHubAccount = z.infer<typeof githubAccountSchema>;

export const workspaceSchema = z
  .object({
    awsAccounts: z.array(awsAccountSchema).max(100),
    githubAccounts: z.array(githubAccountSchema).max(20),
    /** The user's edits over the discovered projects (see shared/projects.ts). */
    projects: workspaceProjectsSchema,
  })
  .strict();
export type Workspace = z.infer<typeof workspaceSchema>;

export const emptyWorkspace: Workspace = { awsAccounts: [], githubAccounts: [], projects: emptyProjectEdits };

export const windowStateSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(200).max(20000),
    height: z.number().int().min(200).max(20000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

/**
 * What the desktop shell remembers between runs: the window's bounds per
 * arrangement of displays (a laptop alone, docked at a desk), and whether the
 * one-time "still running in the tray" hint was shown.
 */
export const shellStateSchema = z
  .object({
    /** By display arrangement (see shell/window-state.ts displayKey); at most 16 kept. */
    windows: z.record(z.string().max(512), windowStateSchema),
    trayHintShown: z.boolean(),
  })
  .strict();
export type ShellState = z.infer<typeof shellStateSchema>;
export const emptyShellState: ShellState = { windows: {}, trayHintShown: false };

/** Everything in the settings file (config.json in the data folder). Secrets never go here. */
export const storeFileSchema = z
  .object({
    version: z.literal(1),
    settings: settingsSchema,
    workspace: workspaceSchema,
    /** The last window bounds, whatever the displays (kept for files written before `shell`). */
    window: windowStateSchema.optional(),
    shell: shellStateSchema.optional(),
  })
  .strict();
export type StoreFile = z.infer<typeof storeFileSchema>;

export const defaultStoreFile: StoreFile = { version: 1, settings: defaultSettings, workspace: emptyWorkspace };

/** A settings file that could not be used and was kept aside under another name. */
export const storeNoticeSchema = z.object({ file: z.string(), keptAs: z.string(), reason: z.string() });
export type StoreNotice = z.infer<typeof storeNoticeSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  platform: z.string(),
  dataDir: z.string(),
  storeNotices: z.array(storeNoticeSchema),
  /** Problems with how Starboard was started (e.g. a clear-text AWS endpoint override). */
  warnings: z.array(z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** One source revision of the execution waiting for approval: part of what would ship. */
export const approvalSourceRevisionSchema = z.object({
  actionName: z.string(),
  revisionId: z.string().optional(),
  /** The raw summary AWS gives (for connections a JSON document). */
  revisionSummary: z.string().optional(),
  commitMessage: z.string().optional(),
  providerType: z.string().optional(),
  /** CodeCommit sources only. */
  author: z.object({ name: z.string(), email: z.string() }).optional(),
  revisionUrl: z.string().optional(),
}) satisfies z.ZodType<SourceRevision>;

/** What every waiting approval shows, whichever provider asks. Never a token. */
const approvalSummaryFields = {
  /** Minted by main (`apv_…`); the only handle the UI has on the approval. */
  approvalId: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  requestedAt: z.string(),
  /** When the request fails unanswered (CodePipeline's default: 7 days after it was made); null when unknown. */
  expiresAt: z.string().nullable(),
  /** A decision for it is in flight (or awaits reconciliation after a restart). */
  submitting: z.boolean(),
};

/** A CodePipeline manual approval, with what would ship if it were approved. */
export const awsApprovalSummarySchema = z.object({
  ...approvalSummaryFields,
  provider: z.literal('aws'),
  /** The 12-digit account id. */
  accountId: z.string(),
  region: z.string(),
  pipeline: z.string(),
  stage: z.string(),
  action: z.string(),
  pipelineExecutionId: z.string(),
  /** The action's CustomData: plain text from the pipeline's author. */
  customData: z.string().optional(),
  /** The action's ExternalEntityLink: a URL to review before deciding. */
  externalEntityLink: z.string().optional(),
  /** The execution's source revisions. */
  sourceRevisions: z.array(approvalSourceRevisionSchema),
  /** The execution in the AWS console. */
  consoleUrl: z.string(),
});
export type AwsApprovalSummary = z.infer<typeof awsApprovalSummarySchema>;

/** One environment a waiting GitHub run deploys to, and whether this user may review it. */
export const githubApprovalEnvironmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  canApprove: z.boolean(),
  /** Why the user may not review it (not a required reviewer, prevent-self-review). */
  reason: z.string().optional(),
});
export type GitHubApprovalEnvironment = z.infer<typeof githubApprovalEnvironmentSchema>;

/** A GitHub Actions run waiting for review of its protected environments, with what would ship. */
export const githubApprovalSummarySchema = z.object({
  ...approvalSummaryFields,
  provider: z.literal('github'),
  /** The workspace's id for the GitHub account. */
  accountKey: z.string(),
  /** `owner/repo`. */
  repository: z.string(),
  workflow: z.string(),
  runNumber: z.number().int(),
  runAttempt: z.number().int(),
  branch: z.string().optional(),
  headSha: z.string(),
  /** The head commit's first line, or the run's title. */
  commitMessage: z.string().optional(),
  /** Who started this attempt. */
  actor: z.string().optional(),
  /** The environments that wait for review; approving reviews those the user may approve. */
  environments: z.array(githubApprovalEnvironmentSchema),
  /** The run on GitHub. */
  htmlUrl: z.string(),
});
export type GitHubApprovalSummary = z.infer<typeof githubApprovalSummarySchema>;

export const approvalSummarySchema = z.discriminatedUnion('provider', [
  awsApprovalSummarySchema,
  githubApprovalSummarySchema,
]);
export type ApprovalSummary = z.infer<typeof approvalSummarySchema>;

/**
 * Whether the window shows the demo workspace: simulated AWS and GitHub
 * running inside Starboard, never written to the user's settings file.
 */
export const demoStatusSchema = z.object({
  active: z.boolean(),
  /** Set while the demo is starting or when it could not start. */
  state: z.enum(['off', 'starting', 'on', 'failed']),
  message: z.string().optional(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;

/** An approval comment: the CodePipeline summary allows 0 to 512 characters. */
export const approvalCommentSchema = z.string().max(512).regex(printable, 'control characters are not allowed');

/** Opaque approval ids are minted by main; the UI only carries them. */
export const approvalIdSchema = z.string().regex(/^apv_[A-Za-z0-9_-]{16,64}$/, 'not an approval id');
