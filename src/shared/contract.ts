// The contract between the UI and the hub, declared once: every query,
// command and event with its input schema and output schema. Main validates
// every incoming message against these; the preload and both transports are
// derived from the names in contract-names.ts.
import { z } from 'zod';
import {
  accountKeyInputSchema,
  addAwsAccountSchema,
  awsAccountStatusSchema,
  awsProfilesSchema,
  promptAnswerSchema,
  promptRequestSchema,
  signInProgressSchema,
} from './aws-accounts';
import type { CommandName, EventName, QueryName } from './contract-names';
import {
  appInfoSchema,
  approvalCommentSchema,
  approvalIdSchema,
  approvalSummarySchema,
  demoStatusSchema,
  settingsSchema,
  workspaceSchema,
} from './model';

export * from './contract-names';

const noInput = z.object({}).strict();

interface MessageSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const queries = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'workspace.get': { input: noInput, output: workspaceSchema },
  'approvals.list': { input: noInput, output: z.array(approvalSummarySchema) },
  'demo.status': { input: noInput, output: demoStatusSchema },
  /** Profiles in the AWS shared config and credentials files (no secrets). */
  'aws.profiles': { input: noInput, output: awsProfilesSchema },
  /** Every AWS account of the workspace with its sign-in state. */
  'aws.accounts': { input: noInput, output: z.array(awsAccountStatusSchema) },
  /** Questions main is waiting on (an MFA code). */
  'prompts.pending': { input: noInput, output: z.array(promptRequestSchema) },
} as const satisfies Record<QueryName, MessageSpec>;

export const commands = {
  /** Change one or more settings; the answer is the whole new settings object. */
  'settings.update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  /**
   * Approve or reject one approval the hub minted. `requestId` makes the
   * command idempotent: the same id twice is one decision.
   */
  'approvals.decide': {
    input: z
      .object({
        requestId: z.uuid(),
        approvalId: approvalIdSchema,
        decision: z.enum(['approve', 'reject']),
        comment: approvalCommentSchema,
      })
      .strict(),
    output: z.object({ status: z.enum(['succeeded', 'rejected', 'submitting']) }),
  },
  /** Switch the window to the demo workspace (simulated accounts, nothing saved). */
  'demo.open': { input: noInput, output: demoStatusSchema },
  /** Back to the user's own workspace. */
  'demo.close': { input: noInput, output: demoStatusSchema },
  /** Adds an account after checking it with STS GetCallerIdentity. */
  'aws.accounts.add': { input: addAwsAccountSchema, output: awsAccountStatusSchema },
  'aws.accounts.remove': { input: accountKeyInputSchema, output: z.array(awsAccountStatusSchema) },
  /** Checks the account's credentials again (GetCallerIdentity). */
  'aws.accounts.check': { input: accountKeyInputSchema, output: awsAccountStatusSchema },
  /** Starts the IAM Identity Center (SSO) device sign-in for the account's profile. */
  'aws.accounts.signIn': { input: accountKeyInputSchema, output: signInProgressSchema },
  'aws.accounts.cancelSignIn': { input: accountKeyInputSchema, output: signInProgressSchema },
  /** Answers (or cancels, with null) a prompt main asked. */
  'prompts.answer': { input: promptAnswerSchema, output: z.object({ accepted: z.boolean() }) },
} as const satisfies Record<CommandName, MessageSpec>;

export const events = {
  'settings.changed': settingsSchema,
  'workspace.changed': workspaceSchema,
  'approvals.changed': z.array(approvalSummarySchema),
  'demo.changed': demoStatusSchema,
  'aws.accounts.changed': z.array(awsAccountStatusSchema),
  'aws.signIn.changed': signInProgressSchema,
  'prompts.changed': z.array(promptRequestSchema),
} as const satisfies Record<EventName, z.ZodType>;

export type QueryInput<N extends QueryName> = z.input<(typeof queries)[N]['input']>;
export type QueryOutput<N extends QueryName> = z.output<(typeof queries)[N]['output']>;
export type CommandInput<N extends CommandName> = z.input<(typeof commands)[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<(typeof commands)[N]['output']>;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

/** A pushed change, as both transports deliver it. */
export type HubEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
