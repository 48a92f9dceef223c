import { describe, expect, it } from 'vitest';
import {
  checksText,
  environmentUrl,
  githubRepositoryUrl,
  shortSha,
} from '../../src/renderer/src/components/project/github-text';
import {
  deploymentRunStatus,
  deploymentStateLabel,
  githubHead,
  githubRunLabel,
  githubRunStatus,
  waitingEnvironments,
} from '../../src/shared/github-health';
import {
  githubDeployment,
  githubEnvironment,
  githubRepository,
  githubRun,
  githubWaiting,
} from '../support/snapshot-builders';

describe('a workflow run’s status', () => {
  it.each([
    [githubRun(1, 'success'), 'succeeded', 'Succeeded'],
    [githubRun(1, 'neutral'), 'succeeded', 'Neutral'],
    [githubRun(1, 'failure'), 'failed', 'Failed'],
    [githubRun(1, 'timed_out'), 'failed', 'Timed out'],
    [githubRun(1, 'startup_failure'), 'failed', 'Startup failure'],
    [githubRun(1, 'cancelled'), 'stopped', 'Cancelled'],
    [githubRun(1, 'action_required'), 'stopped', 'Action required'],
    [githubRun(1, 'skipped'), 'skipped', 'Skipped'],
    [githubRun(1), 'running', 'In progress'],
    [githubRun(1, undefined, { status: 'waiting' }), 'running', 'Waiting'],
    [githubRun(1, undefined, { status: 'queued' }), 'running', 'Queued'],
    [githubRun(1, undefined, { status: 'unknown', rawStatus: 'paused' }), 'unknown', 'unknown (paused)'],
    [githubRun(1, 'success', { conclusion: 'unknown', rawConclusion: 'exploded' }), 'unknown', 'unknown (exploded)'],
  ] as const)('%#: %s', (run, status, label) => {
    expect(githubRunStatus(run)).toBe(status);
    expect(githubRunLabel(run)).toBe(label);
  });
});

describe('a deployment’s state', () => {
  it.each([
    ['success', 'succeeded', 'Success'],
    ['failure', 'failed', 'Failure'],
    ['error', 'failed', 'Error'],
    ['in_progress', 'running', 'In progress'],
    ['queued', 'running', 'Queued'],
    ['pending', 'running', 'Pending'],
    ['inactive', 'stopped', 'Inactive'],
  ] as const)('%s', (state, status, label) => {
    expect(deploymentRunStatus(state)).toBe(status);
    expect(deploymentStateLabel(state)).toBe(label);
  });

  it('keeps an unknown state’s raw text', () => {
    expect(deploymentRunStatus('unknown')).toBe('unknown');
    expect(deploymentStateLabel('unknown', 'archived')).toBe('unknown (archived)');
  });
});

describe('a GitHub repository in the tiles', () => {
  it('has its default branch head from the newest commit', () => {
    expect(githubHead(githubRepository().data)).toMatchObject({ branch: 'main', commit: { sha: 'c1' } });
    expect(githubHead(githubRepository({ commits: [] }).data)).toEqual({ branch: 'main' });
    const noMetadata = { ...githubRepository().data, repository: undefined };
    expect(githubHead(noMetadata)).toBeUndefined();
    expect(githubRepositoryUrl(noMetadata)).toBe('https://github.com/acme/shop');
  });

  it('knows which environments each waiting run waits for', () => {
    const read = githubRepository({ waiting: [githubWaiting(githubRun(4), ['staging', 'production'])] }).data;
    expect(waitingEnvironments(read)).toEqual(new Map([[4, ['staging', 'production']]]));
  });

  it('links an environment to its newest deployment’s target, else to the environment', () => {
    const read = githubRepository().data;
    expect(environmentUrl(githubEnvironment('production', githubDeployment(3, 'success')), read)).toBe(
      'https://github.com/acme/shop/actions/runs/3',
    );
    expect(environmentUrl(githubEnvironment('staging'), read)).toBe('https://github.com/acme/shop/deployments/staging');
    expect(shortSha('0123456789abcdef')).toBe('0123456');
  });

  it.each([
    [{ state: 'success', total: 1, succeeded: 1, failed: 0, pending: 0 }, 'Check passed'],
    [{ state: 'success', total: 4, succeeded: 4, failed: 0, pending: 0 }, '4 checks passed'],
    [{ state: 'failure', total: 3, succeeded: 1, failed: 1, pending: 1 }, '1 of 3 checks failed'],
    [{ state: 'pending', total: 3, succeeded: 1, failed: 0, pending: 2 }, '2 of 3 checks running'],
    [{ state: 'none', total: 0, succeeded: 0, failed: 0, pending: 0 }, 'No checks'],
  ] as const)('says a pull request’s checks in words: %s', (checks, text) => {
    expect(checksText(checks)).toBe(text);
  });
});
