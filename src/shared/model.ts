// The domain model shared by every layer: plain data with runtime schemas.
// No Node, no DOM, no Electron here.
import { z } from 'zod';

/** Printable text: no C0/C1 control characters except tab and newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const printable = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/u;

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
  } catch {
    return false;
  }
}

export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z
  .object({
    theme: themeSchema,
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { theme: 'system' };

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

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
  })
  .strict();
export type GitHubAccount = z.infer<typeof githubAccountSchema>;

export const projectSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(100).regex(printable),
    /** Resource references (ARNs, owner/repo names) that belong to this project. */
    resources: z.array(z.string().min(1).max(2048)).max(1000),
  })
  .strict();
export type Project = z.infer<typeof projectSchema>;

export const workspaceSchema = z
  .object({
    awsAccounts: z.array(awsAccountSchema).max(100),
    githubAccounts: z.array(githubAccountSchema).max(20),
    projects: z.array(projectSchema).max(1000),
  })
  .strict();
export type Workspace = z.infer<typeof workspaceSchema>;

export const emptyWorkspace: Workspace = { awsAccounts: [], githubAccounts: [], projects: [] };

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

/** Everything in the settings file (config.json in the data folder). Secrets never go here. */
export const storeFileSchema = z
  .object({
    version: z.literal(1),
    settings: settingsSchema,
    workspace: workspaceSchema,
    window: windowStateSchema.optional(),
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

export const approvalSummarySchema = z.object({
  approvalId: z.string(),
  provider: z.enum(['aws', 'github']),
  title: z.string(),
  projectId: z.string().nullable(),
  requestedAt: z.string(),
  expiresAt: z.string().nullable(),
});
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
