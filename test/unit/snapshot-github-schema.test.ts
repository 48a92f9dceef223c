import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  CheckState,
  CheckSummary,
  GitHubCommit,
  GitHubDeployment,
  GitHubDeploymentStatus,
  GitHubEnvironment,
  GitHubEnvironmentDeployments,
  GitHubPendingDeployment,
  GitHubPullRequest,
  GitHubRepository,
  GitHubRepositoryRead,
  GitHubReviewer,
  GitHubWaitingRun,
  GitHubWorkflow,
  GitHubWorkflowRun,
  ReviewState,
} from '../../src/shared/github';
import {
  checkStateSchema,
  checkSummarySchema,
  githubCommitSchema,
  githubDeploymentSchema,
  githubDeploymentStatusSchema,
  githubEnvironmentDeploymentsSchema,
  githubEnvironmentSchema,
  githubPendingDeploymentSchema,
  githubPullRequestSchema,
  githubRepositoryReadSchema,
  githubRepositorySchema,
  githubReviewerSchema,
  githubWaitingRunSchema,
  githubWorkflowRunSchema,
  githubWorkflowSchema,
  reviewStateSchema,
} from '../../src/shared/snapshot-github-schema';
import { parseResource, parseSnapshot } from '../../src/shared/snapshot-schema';
import {
  at,
  build,
  githubDeployment,
  githubEnvironment,
  githubPull,
  githubRepository,
  githubRun,
  githubWaiting,
  snapshot,
} from '../support/snapshot-builders';

/** Fields of the model that the schema does not name: they would silently vanish from the file. */
type Missing<Model, Schema extends z.ZodType> = Exclude<keyof Model, keyof z.output<Schema>>;
/** Values of a closed union the schema would refuse. */
type Refused<Union, Schema extends z.ZodType> = Exclude<Union, z.output<Schema>>;

/** A read with every optional field set, so a field the schema forgets shows as a difference. */
function fullRead() {
  const run = githubRun(7, 'failure', {
    attempt: 2,
    status: 'unknown',
    rawStatus: 'parked',
    conclusion: 'unknown',
    rawConclusion: 'vanished',
    triggeringActor: 'hubot',
    startedAt: at(71),
    durationMs: 240_000,
    pullRequests: [3],
  });
  const deployment = githubDeployment(5, 'unknown', {
    statuses: [
      { state: 'unknown', rawState: 'rolling', description: 'Rolling out', createdAt: at(52), targetUrl: 'https://x' },
      { state: 'queued', createdAt: at(51) },
    ],
  });
  const waiting = githubWaiting(githubRun(8), ['production']);
  return githubRepository({
    problem: { code: 'throttled', message: 'slow down', retryAt: at(90), resource: 'acme/shop runs' },
    repository: {
      fullName: 'acme/shop',
      owner: 'acme',
      name: 'shop',
      private: false,
      defaultBranch: 'main',
      description: 'The shop',
      htmlUrl: 'https://github.com/acme/shop',
      pushedAt: at(80),
    },
    commits: [{ sha: 'c1', subject: 'Fix', author: 'octocat', authoredAt: at(60), htmlUrl: 'https://github.com/c1' }],
    pulls: [
      githubPull(3, {
        draft: true,
        review: 'changes-requested',
        checks: { state: 'failure', total: 3, succeeded: 1, failed: 1, pending: 1 },
      }),
    ],
    runs: [run],
    environments: [
      {
        ...githubEnvironment('production', deployment),
        live: { sha: 'sha-4', deploymentId: 4, since: at(42) },
      },
      githubEnvironment('staging'),
    ],
    waiting: [
      {
        ...waiting,
        pending: [
          ...waiting.pending,
          {
            environment: { id: 9, name: 'audit' },
            waitTimerMinutes: 5,
            currentUserCanApprove: false,
            reviewers: [{ kind: 'team', name: 'ops' }],
          },
        ],
      },
    ],
    problems: [{ code: 'access-denied', message: 'no checks', missingPermission: 'Checks: read' }],
  });
}

const roundTrip = (value: unknown) => parseSnapshot(JSON.parse(JSON.stringify(value)));

describe('the GitHub snapshot schema', () => {
  it('names every field of the GitHub models (a new field needs a decision: persist it or not)', () => {
    expectTypeOf<Missing<GitHubRepositoryRead, typeof githubRepositoryReadSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubRepository, typeof githubRepositorySchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubCommit, typeof githubCommitSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubPullRequest, typeof githubPullRequestSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<CheckSummary, typeof checkSummarySchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubWorkflow, typeof githubWorkflowSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubWorkflowRun, typeof githubWorkflowRunSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubEnvironment, typeof githubEnvironmentSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubReviewer, typeof githubReviewerSchema>>().toEqualTypeOf<never>();
    expectTypeOf<
      Missing<GitHubEnvironmentDeployments, typeof githubEnvironmentDeploymentsSchema>
    >().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubDeployment, typeof githubDeploymentSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubDeploymentStatus, typeof githubDeploymentStatusSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubPendingDeployment, typeof githubPendingDeploymentSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<GitHubWaitingRun, typeof githubWaitingRunSchema>>().toEqualTypeOf<never>();
    // A closed union listed short in the schema would compile and then drop good data at run time.
    expectTypeOf<Refused<ReviewState, typeof reviewStateSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Refused<CheckState, typeof checkStateSchema>>().toEqualTypeOf<never>();
  });

  it('round-trips a full read through parseSnapshot, unknown values with their raw text included', () => {
    const repo = fullRead();
    const parsed = roundTrip(snapshot([repo]));
    expect(parsed).toEqual({ snapshot: snapshot([repo]), dropped: [] });
  });

  it('strips keys it does not name, at every level (RELIABILITY C04)', () => {
    const repo = githubRepository({ runs: [githubRun(1, 'success')], pulls: [githubPull(2)] });
    const tainted = JSON.parse(JSON.stringify(repo)) as { data: Record<string, unknown> };
    const data = tainted.data as { runs: Record<string, unknown>[]; pulls: Record<string, unknown>[] };
    tainted.data.token = 'ghp_secret';
    data.runs[0] = { ...data.runs[0], head_repository: { private: true } };
    data.pulls[0] = { ...data.pulls[0], body: 'a long description' };
    const parsed = parseResource(tainted);
    expect(parsed).toEqual(repo);
    expect(JSON.stringify(parsed)).not.toMatch(/ghp_secret|head_repository|long description/);
  });

  it('drops a malformed GitHub resource alone and keeps the others', () => {
    const good = githubRepository({ fullName: 'acme/web' });
    const bad = githubRepository({ runs: [githubRun(1, 'success', { status: 'parked' as 'queued' })] });
    const other = build('api', 1, 'FAILED');
    const parsed = roundTrip(snapshot([good, bad, other]));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.dropped).toEqual([bad.id]);
    expect(Object.keys(parsed.snapshot.resources).sort()).toEqual([good.id, other.id].sort());
  });

  it('refuses a GitHub read without its lists, or with a field of the wrong type', () => {
    const repo = githubRepository();
    const withoutRuns: Record<string, unknown> = { ...repo.data };
    delete withoutRuns.runs;
    expect(parseResource({ ...repo, data: withoutRuns })).toBeUndefined();
    expect(parseResource({ ...repo, data: { ...repo.data, pulls: [{ ...githubPull(1), number: '1' }] } })).toBe(
      undefined,
    );
    expect(githubRepositoryReadSchema.safeParse(repo.data).success).toBe(true);
  });
});
