// The pure pieces of the GitHub source: wire shapes to the shared model
// (review state, combined checks, runs with unknown statuses, jobs and step
// timings, environments and what is live), token kinds and scopes, Link
// headers, base URLs, repository names, the ETag cache and review checks.
import { describe, expect, it } from 'vitest';
import { toJob, toRun } from '../../src/main/sources/github/actions-mapping';
import { resolveApiBaseUrl } from '../../src/main/sources/github/base-url';
import { nextPage } from '../../src/main/sources/github/client';
import { ConditionalCache, tokenIdentity } from '../../src/main/sources/github/conditional-cache';
import {
  gates,
  isLive,
  toDeploymentHead,
  toDeploymentStatus,
  toEnvironment,
  withStatuses,
} from '../../src/main/sources/github/deployments-mapping';
import { checkReview } from '../../src/main/sources/github/environment-review';
import { parseScopes, tokenKind } from '../../src/main/sources/github/identity';
import { parseRepoRef } from '../../src/main/sources/github/repo-ref';
import {
  checkSummary,
  reviewState,
  statusStates,
  toCheckRunFact,
  toReviewFact,
} from '../../src/main/sources/github/repository-mapping';
import type {
  WireCheckRun,
  WireCombinedStatus,
  WireDeployment,
  WireDeploymentStatus,
  WireEnvironment,
  WireJob,
  WireReview,
  WireRun,
} from '../../src/main/sources/github/wire';

/** A wire object with only the fields a test needs (named fields are checked against the wire type). */
const wire = <T>(value: Partial<Record<keyof T, unknown>>): T => value as T;

describe('reviewState', () => {
  const review = (login: string, state: string, at: string) =>
    toReviewFact(wire<WireReview>({ id: at.length, user: { login }, state, submitted_at: at }));

  it('takes each reviewer’s latest decision; changes requested wins, then approval', () => {
    expect(reviewState([])).toBe('review-required');
    expect(reviewState([review('a', 'COMMENTED', '1')])).toBe('review-required');
    expect(reviewState([review('a', 'APPROVED', '1')])).toBe('approved');
    expect(reviewState([review('a', 'APPROVED', '1'), review('b', 'CHANGES_REQUESTED', '2')])).toBe(
      'changes-requested',
    );
    // b changed their mind; a comment afterwards decides nothing.
    expect(
      reviewState([review('b', 'APPROVED', '3'), review('b', 'CHANGES_REQUESTED', '2'), review('b', 'COMMENTED', '4')]),
    ).toBe('approved');
    expect(reviewState([review('a', 'CHANGES_REQUESTED', '1'), review('a', 'DISMISSED', '2')])).toBe('review-required');
  });
});

describe('checkSummary', () => {
  const run = (status: string, conclusion: string | null = null) =>
    toCheckRunFact(wire<WireCheckRun>({ status, conclusion }));
  const states = (...values: string[]): string[] =>
    statusStates(wire<WireCombinedStatus>({ state: 'pending', statuses: values.map((state) => ({ state })) }));

  it('counts statuses and check runs together', () => {
    expect(checkSummary(states(), [])).toEqual({ state: 'none', total: 0, succeeded: 0, failed: 0, pending: 0 });
    expect(checkSummary(states('success'), [run('completed', 'success'), run('completed', 'skipped')]).state).toBe(
      'success',
    );
    expect(checkSummary(states('success'), [run('in_progress')])).toMatchObject({ state: 'pending', pending: 1 });
    expect(checkSummary(states('pending', 'error'), [run('queued')])).toMatchObject({
      state: 'failure',
      failed: 1,
      pending: 2,
    });
    expect(checkSummary([], [run('completed', 'timed_out')]).state).toBe('failure');
  });
});

describe('runs and jobs', () => {
  const base = {
    id: 7,
    name: 'CI',
    path: '.github/workflows/ci.yml',
    workflow_id: 3,
    run_number: 12,
    run_attempt: 2,
    display_title: 'Fix it',
    head_branch: 'main',
    head_sha: 'abc',
    event: 'push',
    actor: { login: 'ann' },
    triggering_actor: { login: 'bob' },
    created_at: '2026-01-15T09:00:00Z',
    run_started_at: '2026-01-15T09:01:00Z',
    updated_at: '2026-01-15T09:06:00Z',
    pull_requests: [{ number: 4 }],
    html_url: 'https://github.com/o/r/actions/runs/7',
  };

  it('maps a completed run with its duration', () => {
    expect(toRun(wire<WireRun>({ ...base, status: 'completed', conclusion: 'success' }))).toEqual({
      id: 7,
      name: 'CI',
      workflowId: 3,
      runNumber: 12,
      attempt: 2,
      title: 'Fix it',
      status: 'completed',
      conclusion: 'success',
      branch: 'main',
      headSha: 'abc',
      event: 'push',
      actor: 'ann',
      triggeringActor: 'bob',
      createdAt: '2026-01-15T09:00:00Z',
      startedAt: '2026-01-15T09:01:00Z',
      updatedAt: '2026-01-15T09:06:00Z',
      durationMs: 300_000,
      pullRequests: [4],
      htmlUrl: 'https://github.com/o/r/actions/runs/7',
    });
  });

  it('keeps a status or conclusion this build does not know (RELIABILITY A14)', () => {
    const run = toRun(wire<WireRun>({ ...base, status: 'hibernating', conclusion: 'exploded' }));
    expect(run).toMatchObject({
      status: 'unknown',
      rawStatus: 'hibernating',
      conclusion: 'unknown',
      rawConclusion: 'exploded',
    });
    expect(run.durationMs).toBeUndefined();
  });

  it('maps a job with step timings', () => {
    const job = toJob(
      wire<WireJob>({
        id: 1,
        run_id: 7,
        run_attempt: 1,
        name: 'build',
        status: 'completed',
        conclusion: 'failure',
        started_at: '2026-01-15T09:01:00Z',
        completed_at: '2026-01-15T09:03:00Z',
        runner_name: 'GitHub Actions 2',
        html_url: 'https://github.com/o/r/actions/runs/7/job/1',
        steps: [
          {
            number: 1,
            name: 'checkout',
            status: 'completed',
            conclusion: 'success',
            started_at: '2026-01-15T09:01:00Z',
            completed_at: '2026-01-15T09:01:05Z',
          },
          {
            number: 2,
            name: 'test',
            status: 'in_progress',
            conclusion: null,
            started_at: '2026-01-15T09:01:05Z',
            completed_at: null,
          },
        ],
      }),
    );
    expect(job).toMatchObject({ durationMs: 120_000, conclusion: 'failure', runnerName: 'GitHub Actions 2' });
    expect(job.steps).toEqual([
      {
        number: 1,
        name: 'checkout',
        status: 'completed',
        conclusion: 'success',
        startedAt: '2026-01-15T09:01:00Z',
        completedAt: '2026-01-15T09:01:05Z',
        durationMs: 5000,
      },
      { number: 2, name: 'test', status: 'in_progress', startedAt: '2026-01-15T09:01:05Z' },
    ]);
  });
});

describe('environments and deployments', () => {
  it('reads reviewers, wait timer and self-review from protection rules', () => {
    const env = toEnvironment(
      wire<WireEnvironment>({
        id: 5,
        name: 'production',
        html_url: 'h',
        protection_rules: [
          { id: 1, node_id: 'a', type: 'wait_timer', wait_timer: 15 },
          {
            id: 2,
            node_id: 'b',
            type: 'required_reviewers',
            prevent_self_review: true,
            reviewers: [
              { type: 'User', reviewer: { login: 'ann' } },
              { type: 'Team', reviewer: { slug: 'ops', name: 'Ops' } },
            ],
          },
          { id: 3, node_id: 'c', type: 'branch_policy' },
        ],
      }),
    );
    expect(env).toEqual({
      id: 5,
      name: 'production',
      htmlUrl: 'h',
      reviewers: [
        { kind: 'user', name: 'ann' },
        { kind: 'team', name: 'ops' },
      ],
      waitTimerMinutes: 15,
      preventSelfReview: true,
    });
    expect(gates(env)).toBe(true);
    expect(gates(toEnvironment(wire<WireEnvironment>({ id: 6, name: 'dev', html_url: 'h' })))).toBe(false);
  });

  it('takes a deployment’s state from its newest status; live once it ever succeeded', () => {
    const d = toDeploymentHead(
      wire<WireDeployment>({ id: 9, environment: 'prod', sha: 's', ref: 'main', creator: null, created_at: 't0' }),
    );
    expect(d).toEqual({ id: 9, environment: 'prod', sha: 's', ref: 'main', createdAt: 't0' });
    const s = (state: string, at: string) =>
      toDeploymentStatus(wire<WireDeploymentStatus>({ state, created_at: at, description: '', target_url: null }));
    const toDeployment = withStatuses;
    expect(toDeployment(d, [])).toMatchObject({ state: 'pending', statuses: [] });
    const superseded = toDeployment(d, [s('inactive', 't3'), s('success', 't2'), s('in_progress', 't1')]);
    expect(superseded.state).toBe('inactive');
    expect(isLive(superseded)).toBe(true);
    expect(isLive(toDeployment(d, [s('failure', 't2'), s('in_progress', 't1')]))).toBe(false);
    expect(toDeployment(d, [s('teleported', 't1')])).toMatchObject({
      state: 'unknown',
      statuses: [{ rawState: 'teleported' }],
    });
  });
});

describe('tokens', () => {
  it('knows a token’s kind from its prefix, and reads scopes', () => {
    expect(['ghp_x', 'github_pat_x', 'gho_x', 'ghu_x', 'ghs_x', 'a'.repeat(40), 'what'].map(tokenKind)).toEqual([
      'classic',
      'fine-grained',
      'oauth',
      'app-user',
      'app-installation',
      'classic',
      'unknown',
    ]);
    expect(parseScopes('repo, workflow,read:org ')).toEqual(['repo', 'workflow', 'read:org']);
    expect(parseScopes('')).toEqual([]);
    expect(parseScopes(undefined)).toBeUndefined();
  });
});

describe('nextPage', () => {
  it('finds rel="next" in a Link header', () => {
    const link =
      '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=9>; rel="last"';
    expect(nextPage(link)).toBe('https://api.github.com/x?page=3');
    expect(nextPage('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextPage(undefined)).toBeUndefined();
  });
});

describe('resolveApiBaseUrl', () => {
  it.each([
    ['github.com', 'https://api.github.com'],
    ['https://github.com/', 'https://api.github.com'],
    ['https://api.github.com', 'https://api.github.com'],
    ['ghe.example.com', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com:8443/api/v3/', 'https://ghe.example.com:8443/api/v3'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/api/v3', 'http://127.0.0.1:4010/api/v3'],
  ])('%s → %s', (input, expected) => {
    expect(resolveApiBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Enter github.com'],
    ['http://ghe.example.com', 'HTTPS only'],
    ['ftp://ghe.example.com', 'HTTPS only'],
    ['https://user:pw@ghe.example.com', 'user name or password'],
    ['https://ghe.example.com/api/v3?x=1', 'query'],
    ['https://ghe.example.com/somewhere', '/api/v3'],
    ['https://exa mple.com', 'not a host name'],
  ])('refuses %s', (input, message) => {
    const result = resolveApiBaseUrl(input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.ok ? '' : result.error.message).toContain(message);
  });
});

describe('parseRepoRef', () => {
  it('accepts owner/repo and nothing else', () => {
    expect(parseRepoRef(' acme-rockets/storefront.web ')).toEqual({
      owner: 'acme-rockets',
      repo: 'storefront.web',
      fullName: 'acme-rockets/storefront.web',
    });
    for (const bad of ['acme', 'a/b/c', '/b', 'a/', 'a/..', '-a/b', 'a b/c']) expect(parseRepoRef(bad)).toBeUndefined();
  });
});

describe('ConditionalCache', () => {
  it('keys entries by token identity and URL, and evicts the least recently used', () => {
    const cache = new ConditionalCache(2);
    const me = tokenIdentity('ghp_one');
    expect(me).toMatch(/^[0-9a-f]{16}$/);
    expect(me).not.toContain('ghp_one');
    cache.set(me, 'u1', { etag: '"1"', data: 1 });
    cache.set(me, 'u2', { etag: '"2"', data: 2 });
    expect(cache.get(tokenIdentity('ghp_two'), 'u1')).toBeUndefined();
    expect(cache.get(me, 'u1')?.data).toBe(1);
    cache.set(me, 'u3', { etag: '"3"', data: 3 });
    expect(cache.get(me, 'u2')).toBeUndefined();
    expect(cache.get(me, 'u1')?.data).toBe(1);
    expect(cache.size).toBe(2);
  });
});

describe('checkReview', () => {
  it('refuses what GitHub would refuse', () => {
    const ok = { environmentIds: [3], state: 'approved' as const, comment: 'Ship it\nwith care\t✓' };
    expect(checkReview(ok)).toBeUndefined();
    expect(checkReview({ ...ok, environmentIds: [] })).toContain('at least one');
    expect(checkReview({ ...ok, environmentIds: [3, 3] })).toContain('twice');
    expect(checkReview({ ...ok, environmentIds: [1.5] })).toContain('whole numbers');
    expect(checkReview({ ...ok, comment: 'x'.repeat(65_536) })).toContain('longer');
    expect(checkReview({ ...ok, comment: 'a\u0000b' })).toContain('control');
  });
});
