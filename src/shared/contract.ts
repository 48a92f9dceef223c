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
import type { ApprovalAuditEntry } from './approvals';
import {
  type ActionExecutionsView,
  type BuildLogChanged,
  type BuildLogView,
  buildInputSchema,
  buildLogInputSchema,
  pipelineExecutionInputSchema,
  pipelineExecutionOutputSchema,
  retryStageInputSchema,
  startPipelineInputSchema,
  stopPipelineInputSchema,
} from './aws-commands';
import type { Diagnostics } from './diagnostics';
import type { CommandName, EventName, QueryName } from './contract-names';
import {
  addGitHubAccountSchema,
  deviceFlowSchema,
  findGitHubRepositoriesSchema,
  githubAccountKeyInputSchema,
  githubAccountStatusSchema,
  githubAccountsViewSchema,
  githubJobLogInputSchema,
  githubJobLogSchema,
  githubRepositoryChoicesSchema,
  githubRunInputSchema,
  replaceGitHubTokenSchema,
  startDeviceFlowSchema,
  watchGitHubRepositorySchema,
} from './github-accounts';
import type { GitHubJob } from './github';
import {
  appInfoSchema,
  approvalCommentSchema,
  approvalIdSchema,
  approvalSummarySchema,
  demoStatusSchema,
  regionSchema,
  settingsPatchSchema,
  settingsSchema,
  workspaceSchema,
} from './model';
import type { ProjectEvent } from './events';
import { projectCommandSchema, type ProjectsView } from './projects';
import type { RefreshStatus } from './refresh';
import type { Snapshot } from './snapshot';

export * from './contract-names';

const noInput = z.object({}).strict();
/** CodeDeploy's deployment ids: `d-` and nine capitals or digits (a little looser, for ids yet unseen). */
export const codeDeployDeploymentIdSchema = z.string().regex(/^d-[A-Za-z0-9]{1,40}$/);

/**
 * Outputs main builds itself: typed for both sides, not parsed again (only
 * what enters main is validated).
 */
const projectsViewOutput = z.custom<ProjectsView>();
const snapshotOutput = z.custom<Snapshot>();
const activityOutput = z.custom<ProjectEvent[]>();
const refreshStatusOutput = z.custom<RefreshStatus>();
const approvalAuditOutput = z.custom<ApprovalAuditEntry[]>();
const githubJobsOutput = z.custom<{ runId: number; jobs: GitHubJob[]; fetchedAt: string }>();

interface MessageSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const queries = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'workspace.get': { input: noInput, output: workspaceSchema },
  /** Approvals waiting for a decision, with what would ship. */
  'approvals.list': { input: noInput, output: z.array(approvalSummarySchema) },
  /** The approvals audit log, newest first (at most maxAuditEntries, 500). */
  'approvals.audit': { input: noInput, output: approvalAuditOutput },
  'demo.status': { input: noInput, output: demoStatusSchema },
  /** Profiles in the AWS shared config and credentials files (no secrets). */
  'aws.profiles': { input: noInput, output: awsProfilesSchema },
  /** Every AWS account of the workspace with its sign-in state. */
  'aws.accounts': { input: noInput, output: z.array(awsAccountStatusSchema) },
  /** Questions main is waiting on (an MFA code). */
  'prompts.pending': { input: noInput, output: z.array(promptRequestSchema) },
  /** Every GitHub account of the workspace with its check state and token protection; what the vault offers. */
  'github.accounts': { input: noInput, output: githubAccountsViewSchema },
  /** The jobs of a watched repository's run (its latest attempt) with their steps and timings. */
  'github.runs.jobs': { input: githubRunInputSchema, output: githubJobsOutput },
  /** A job's log, downloaded (the tail when it is very long). */
  'github.jobs.log': { input: githubJobLogInputSchema, output: githubJobLogSchema },
  /** Repositories the account can read: its own, an owner's, or a search; with the projects that hold each. */
  'github.repositories.find': { input: findGitHubRepositoriesSchema, output: githubRepositoryChoicesSchema },
  /** The OAuth device sign-in in progress, or null. */
  'github.deviceFlow': { input: noInput, output: deviceFlowSchema.nullable() },
  /** Discovered projects with the user's edits applied. */
  'projects.list': { input: noInput, output: projectsViewOutput },
  /** Everything watched, with its freshness: shown at once from the last run's copy, then kept current. */
  'snapshot.get': { input: noInput, output: snapshotOutput },
  /** The latest events (newest first, at most 200): the activity feed. */
  'activity.recent': { input: noInput, output: activityOutput },
  'refresh.status': { input: noInput, output: refreshStatusOutput },
  /** The action runs of one execution of a pipeline in the snapshot (ListActionExecutions), for its detail page. */
  'codepipeline.actionExecutions': {
    input: pipelineExecutionInputSchema,
    output: z.custom<ActionExecutionsView>(),
  },
  /**
   * A build's CloudWatch log from line `from` on. Asking starts (or keeps)
   * the hub following a running build's log; `codebuild.log.changed` says
   * when more lines were read. Only builds the snapshot holds.
   */
  'codebuild.builds.log': { input: buildLogInputSchema, output: z.custom<BuildLogView>() },
  /** Version, platform, the last warnings and errors (redacted) and a report to copy. */
  'diagnostics.get': { input: noInput, output: z.custom<Diagnostics>() },
} as const satisfies Record<QueryName, MessageSpec>;

export const commands = {
  /** Change one or more settings; the answer is the whole new settings object. */
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  /**
   * Approve or reject one approval the hub minted. `requestId` makes the
   * command idempotent: the same id twice is one decision. A failure says
   * why in `reason` with its details (`decidedBy`, `currentExecutionId`,
   * `missingPermission`…; see ContractError in result.ts).
   */
  'approvals.decide': {
    input: z
      .object({
        requestId: z.uuid(),
        approvalId: approvalIdSchema,
        decision: z.enum(['approve', 'reject']),
        comment: approvalCommentSchema,
        /**
         * GitHub only: the ids of the waiting environments to review (the
         * user's choice); all those the user may approve when absent.
         */
        environments: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(50).optional(),
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
  /**
   * Adds a GitHub account after checking its token with GET /user; a pasted
   * token is stored in the vault (never sent back), the others are read where they live.
   */
  'github.accounts.add': { input: addGitHubAccountSchema, output: githubAccountStatusSchema },
  /** Removes the account and deletes its stored token. */
  'github.accounts.remove': { input: githubAccountKeyInputSchema, output: githubAccountsViewSchema },
  /** Checks the account's token again (GET /user). */
  'github.accounts.check': { input: githubAccountKeyInputSchema, output: githubAccountStatusSchema },
  /** Gives an account a new token (pasted, gh or environment); it must belong to the same login. */
  'github.accounts.replaceToken': { input: replaceGitHubTokenSchema, output: githubAccountStatusSchema },
  /**
   * Starts the OAuth device flow with the OAuth app the user names: answers
   * with the code to enter at the verification page; the token it earns is
   * stored like a pasted one and never leaves main.
   */
  'github.deviceFlow.start': { input: startDeviceFlowSchema, output: deviceFlowSchema },
  'github.deviceFlow.cancel': { input: noInput, output: deviceFlowSchema.nullable() },
  /** Watches a repository with this account, in an existing project or a new one. */
  'github.repositories.watch': { input: watchGitHubRepositorySchema, output: projectsViewOutput },
  /** Re-runs a workflow run of a watched repository: all jobs, or only the failed ones. */
  'github.runs.rerun': {
    input: githubRunInputSchema.extend({ failedOnly: z.boolean() }).strict(),
    output: z.object({ runId: z.number() }),
  },
  /** Cancels a workflow run in progress. */
  'github.runs.cancel': { input: githubRunInputSchema, output: z.object({ runId: z.number() }) },
  /**
   * Stops a CodeDeploy deployment the snapshot shows in progress (its account
   * and region come from there), optionally rolling back to the last
   * successful revision. The window asks the user to confirm first.
   */
  'codedeploy.deployments.stop': {
    input: z.object({ deploymentId: codeDeployDeploymentIdSchema, autoRollback: z.boolean() }).strict(),
    output: z.object({ status: z.string().max(64), message: z.string().max(2000) }),
  },
  /** Starts a new execution of a pipeline the snapshot holds (its account and region come from there). */
  'codepipeline.executions.start': { input: startPipelineInputSchema, output: pipelineExecutionOutputSchema },
  /** Stops an execution in progress: letting actions finish, or abandoning them; with an optional reason. */
  'codepipeline.executions.stop': { input: stopPipelineInputSchema, output: pipelineExecutionOutputSchema },
  /** Retries a failed stage of an execution: only its failed actions, or all of them. */
  'codepipeline.stages.retry': { input: retryStageInputSchema, output: pipelineExecutionOutputSchema },
  /** Stops a CodeBuild build the snapshot shows running. */
  'codebuild.builds.stop': { input: buildInputSchema, output: z.object({ buildArn: z.string() }) },
  /** Starts a build again with the same settings (RetryBuild); answers with the new build's ARN. */
  'codebuild.builds.retry': { input: buildInputSchema, output: z.object({ buildArn: z.string() }) },
  /** Confirm, rename, merge, add or remove members, dismiss, restore or create a project. */
  'projects.edit': { input: projectCommandSchema, output: projectsViewOutput },
  /**
   * What the window sees of the system: whether it is visible (hidden, the
   * tray is all the user sees and refreshes slow down) and whether the
   * browser thinks it is online. A hint; the hub keeps probing either way.
   */
  'app.signal': {
    input: z.object({ visible: z.boolean().optional(), online: z.boolean().optional() }).strict(),
    output: z.object({}),
  },
  /** Refreshes now: everything, or one account (and region). */
  'refresh.now': {
    input: z.object({ account: z.string().min(1).max(64).optional(), region: regionSchema.optional() }).strict(),
    output: z.object({ queued: z.number().int(), running: z.number().int(), needsSignIn: z.number().int() }),
  },
} as const satisfies Record<CommandName, MessageSpec>;

export const events = {
  'settings.changed': settingsSchema,
  'workspace.changed': workspaceSchema,
  'approvals.changed': z.array(approvalSummarySchema),
  'demo.changed': demoStatusSchema,
  'aws.accounts.changed': z.array(awsAccountStatusSchema),
  'aws.signIn.changed': signInProgressSchema,
  'prompts.changed': z.array(promptRequestSchema),
  'github.accounts.changed': githubAccountsViewSchema,
  'github.deviceFlow.changed': deviceFlowSchema.nullable(),
  'projects.changed': projectsViewOutput,
  /** The snapshot changed; the payload says when, the window reads it again. */
  'snapshot.changed': z.object({ updatedAt: z.string() }),
  /** Events delivered for the first time (never again, across restarts too), oldest first. */
  activity: activityOutput,
  'refresh.status.changed': refreshStatusOutput,
  /** More of a build log someone is reading was read, or it ended. */
  'codebuild.log.changed': z.custom<BuildLogChanged>(),
  'app.navigate': z.object({ hash: z.string().regex(/^#\/[^\s]{0,4094}$/) }),
} as const satisfies Record<EventName, z.ZodType>;

export type QueryInput<N extends QueryName> = z.input<(typeof queries)[N]['input']>;
export type QueryOutput<N extends QueryName> = z.output<(typeof queries)[N]['output']>;
export type CommandInput<N extends CommandName> = z.input<(typeof commands)[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<(typeof commands)[N]['output']>;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

/** A pushed change, as both transports deliver it. */
export type HubEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
