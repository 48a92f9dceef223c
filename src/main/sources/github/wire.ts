// The shapes GitHub's REST API answers with, as Octokit's OpenAPI types
// describe them. Only the mapping modules read these; nothing above the
// source sees them.
import type { RestEndpointMethodTypes as Methods } from '@octokit/rest';

export type WireRepository = Methods['repos']['get']['response']['data'];
export type WireCommit = Methods['repos']['listCommits']['response']['data'][number];
export type WirePull = Methods['pulls']['list']['response']['data'][number];
export type WireReview = Methods['pulls']['listReviews']['response']['data'][number];
export type WireCombinedStatus = Methods['repos']['getCombinedStatusForRef']['response']['data'];
export type WireCheckRuns = Methods['checks']['listForRef']['response']['data'];
export type WireCheckRun = WireCheckRuns['check_runs'][number];
export type WireWorkflows = Methods['actions']['listRepoWorkflows']['response']['data'];
export type WireWorkflow = WireWorkflows['workflows'][number];
export type WireRuns = Methods['actions']['listWorkflowRunsForRepo']['response']['data'];
export type WireRun = WireRuns['workflow_runs'][number];
export type WireJobs = Methods['actions']['listJobsForWorkflowRun']['response']['data'];
export type WireJob = WireJobs['jobs'][number];
export type WireEnvironments = Methods['repos']['getAllEnvironments']['response']['data'];
export type WireEnvironment = NonNullable<WireEnvironments['environments']>[number];
export type WireDeployment = Methods['repos']['listDeployments']['response']['data'][number];
export type WireDeploymentStatus = Methods['repos']['listDeploymentStatuses']['response']['data'][number];
export type WirePendingDeployment = Methods['actions']['getPendingDeploymentsForRun']['response']['data'][number];
export type WireReviewedDeployments = Methods['actions']['reviewPendingDeploymentsForRun']['response']['data'];
