// Runtime schema of a watched GitHub repository as the snapshot persists it
// (github.ts). Objects strip keys they do not name, so only the fields listed
// here reach the file (RELIABILITY C04): a token or a raw API field left on an
// object never does. A field added to a model must be added here too, or it
// is not kept across a restart (the schema unit test fails to compile until
// it is).
import { z } from 'zod';
import {
  deploymentStates,
  runConclusions,
  runStatuses,
  type CheckState,
  type GitHubRepositoryRead,
  type ReviewState,
} from './github';
import { freshnessSchema, sourceProblemSchema } from './snapshot-aws-schema';

const text = z.string();
const optionalText = z.string().optional();
const count = z.number();

/** Known<T> of github.ts: a value this build knows, or 'unknown' with the raw text beside it (RELIABILITY A14). */
function known<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum([...values, 'unknown']);
}

// Closed unions of github.ts, listed once so the unit test can check none is missing.
export const reviewStateSchema = z.enum(['approved', 'changes-requested', 'review-required'] satisfies ReviewState[]);
export const checkStateSchema = z.enum(['success', 'failure', 'pending', 'none'] satisfies CheckState[]);
export const reviewerKindSchema = z.enum(['user', 'team']);

const runStatusSchema = known(runStatuses);
const runConclusionSchema = known(runConclusions);
const deploymentStateSchema = known(deploymentStates);

export const githubRepositorySchema = z.object({
  fullName: text,
  owner: text,
  name: text,
  private: z.boolean(),
  defaultBranch: text,
  description: optionalText,
  htmlUrl: text,
  pushedAt: optionalText,
});

export const githubCommitSchema = z.object({
  sha: text,
  subject: text,
  author: text,
  authoredAt: optionalText,
  htmlUrl: text,
});

export const checkSummarySchema = z.object({
  state: checkStateSchema,
  total: count,
  succeeded: count,
  failed: count,
  pending: count,
});

export const githubPullRequestSchema = z.object({
  number: count,
  title: text,
  author: text,
  draft: z.boolean(),
  headRef: text,
  headSha: text,
  baseRef: text,
  createdAt: text,
  updatedAt: text,
  htmlUrl: text,
  review: reviewStateSchema.optional(),
  checks: checkSummarySchema.optional(),
});

export const githubWorkflowSchema = z.object({
  id: count,
  name: text,
  path: text,
  state: text,
  htmlUrl: text,
});

export const githubWorkflowRunSchema = z.object({
  id: count,
  name: text,
  workflowId: count,
  runNumber: count,
  attempt: count,
  title: text,
  status: runStatusSchema,
  rawStatus: optionalText,
  conclusion: runConclusionSchema.optional(),
  rawConclusion: optionalText,
  branch: optionalText,
  headSha: text,
  event: text,
  actor: optionalText,
  triggeringActor: optionalText,
  createdAt: text,
  startedAt: optionalText,
  updatedAt: text,
  durationMs: count.optional(),
  pullRequests: z.array(count),
  htmlUrl: text,
});

export const githubReviewerSchema = z.object({ kind: reviewerKindSchema, name: text });

export const githubEnvironmentSchema = z.object({
  id: count,
  name: text,
  htmlUrl: text,
  reviewers: z.array(githubReviewerSchema),
  waitTimerMinutes: count,
  preventSelfReview: z.boolean(),
});

export const githubDeploymentStatusSchema = z.object({
  state: deploymentStateSchema,
  rawState: optionalText,
  description: optionalText,
  createdAt: text,
  targetUrl: optionalText,
});

export const githubDeploymentSchema = z.object({
  id: count,
  environment: text,
  sha: text,
  ref: text,
  creator: optionalText,
  createdAt: text,
  state: deploymentStateSchema,
  statuses: z.array(githubDeploymentStatusSchema),
});

export const githubLiveDeploymentSchema = z.object({ sha: text, deploymentId: count, since: text });

export const githubEnvironmentDeploymentsSchema = z.object({
  environment: githubEnvironmentSchema,
  latest: githubDeploymentSchema.optional(),
  live: githubLiveDeploymentSchema.optional(),
});

export const githubPendingDeploymentSchema = z.object({
  environment: z.object({ id: count, name: text }),
  waitTimerMinutes: count,
  waitStartedAt: optionalText,
  currentUserCanApprove: z.boolean(),
  reviewers: z.array(githubReviewerSchema),
});

export const githubWaitingRunSchema = z.object({
  run: githubWorkflowRunSchema,
  pending: z.array(githubPendingDeploymentSchema),
});

/** Checked against the model: a field whose type the schema gets wrong does not compile. */
export const githubRepositoryReadSchema = freshnessSchema.extend({
  accountKey: text,
  fullName: text,
  repository: githubRepositorySchema.optional(),
  commits: z.array(githubCommitSchema),
  pulls: z.array(githubPullRequestSchema),
  workflows: z.array(githubWorkflowSchema),
  runs: z.array(githubWorkflowRunSchema),
  environments: z.array(githubEnvironmentDeploymentsSchema),
  waiting: z.array(githubWaitingRunSchema),
  problems: z.array(sourceProblemSchema),
}) satisfies z.ZodType<GitHubRepositoryRead>;
