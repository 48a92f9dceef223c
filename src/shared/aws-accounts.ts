// AWS accounts as the UI sees them: the profiles found in the shared config
// files, each workspace account's sign-in state, the SSO sign-in in progress
// and the prompts main needs answered (an MFA code). Never a secret.
import { z } from 'zod';
import { regionSchema } from './model';

export const profileKinds = [
  'static',
  'session',
  'sso',
  'legacy-sso',
  'assume-role',
  'process',
  'web-identity',
  'unknown',
] as const;

export const awsProfileSchema = z.object({
  name: z.string(),
  region: z.string().optional(),
  kind: z.enum(profileKinds),
  /** credential_process: Starboard runs a command to get credentials (RELIABILITY A07). */
  runsCommand: z.boolean(),
  /** Assume-role with mfa_serial: Starboard will ask for a code. */
  needsMfa: z.boolean(),
  ssoSession: z.string().optional(),
  ssoStartUrl: z.string().optional(),
});
export type AwsProfile = z.infer<typeof awsProfileSchema>;

export const awsProfilesSchema = z.object({
  profiles: z.array(awsProfileSchema),
  /** The files read, so the UI can say where profiles come from. */
  files: z.array(z.string()),
  problem: z.string().optional(),
});
export type AwsProfiles = z.infer<typeof awsProfilesSchema>;

export const accountStates = ['unchecked', 'checking', 'ok', 'needs-sign-in', 'error'] as const;

export const awsAccountStatusSchema = z.object({
  accountKey: z.string(),
  label: z.string(),
  profile: z.string().nullable(),
  regions: z.array(z.string()),
  state: z.enum(accountStates),
  identity: z.object({ accountId: z.string(), arn: z.string() }).optional(),
  /** Why the account is not ok, in words the user can act on. */
  problem: z.string().optional(),
  checkedAt: z.string().optional(),
});
export type AwsAccountStatus = z.infer<typeof awsAccountStatusSchema>;

export const signInProgressSchema = z.object({
  accountKey: z.string(),
  state: z.enum(['starting', 'waiting-for-user', 'succeeded', 'failed', 'expired', 'cancelled']),
  verificationUri: z.string().optional(),
  userCode: z.string().optional(),
  expiresAt: z.string().optional(),
  message: z.string().optional(),
});
export type SignInProgress = z.infer<typeof signInProgressSchema>;

export const promptRequestSchema = z.object({
  promptId: z.string(),
  kind: z.literal('mfa'),
  profile: z.string(),
  /** The MFA device's serial or ARN, so the user knows which device to read. */
  serial: z.string(),
  /** Set when the previous code was refused. */
  retryReason: z.string().optional(),
});
export type PromptRequest = z.infer<typeof promptRequestSchema>;

const accountKeySchema = z.string().min(1).max(64);

export const addAwsAccountSchema = z
  .object({
    label: z.string().trim().min(1).max(100),
    profile: z.string().min(1).max(128).nullable(),
    regions: z.array(regionSchema).min(1).max(40),
  })
  .strict();

export const accountKeyInputSchema = z.object({ accountKey: accountKeySchema }).strict();

export const promptAnswerSchema = z
  .object({
    promptId: z.string().min(1).max(64),
    /** Six digits, or null to cancel. */
    code: z
      .string()
      .regex(/^\d{6}$/, 'an MFA code is six digits')
      .nullable(),
  })
  .strict();
