import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../src/renderer/src/api/contract-error';
import { readProblem } from '../../src/renderer/src/components/logs/read-problem';

const at = { repository: 'acme-rockets/storefront', what: 'log' as const };

describe('readProblem', () => {
  it('names the missing permission and the repository', () => {
    const error = new ContractFailure({
      code: 'access-denied',
      message: 'The GitHub token lacks the "Actions: read" permission on acme-rockets/storefront job 7.',
      missingPermission: 'Actions: read',
    });
    expect(readProblem(error, at).title).toBe('This token needs Actions: read on acme-rockets/storefront.');
  });

  it('explains an expired log (main maps GitHub’s 404 and 410 to not-found)', () => {
    const gone = new ContractFailure({
      code: 'not-found',
      message: 'The log is gone from GitHub (deleted, or past its retention).',
    });
    expect(readProblem(gone, at).title).toBe('This job’s log is no longer available.');
  });

  it('says when the repository is not watched', () => {
    const error = new ContractFailure({
      code: 'not-found',
      message: 'Starboard does not watch someone/else with that GitHub account.',
    });
    expect(readProblem(error, { repository: 'someone/else', what: 'jobs' }).title).toBe(
      'Starboard does not watch someone/else with this GitHub account.',
    );
  });

  it('passes anything else on with what could not be loaded', () => {
    expect(readProblem(new Error('socket hang up'), { ...at, what: 'jobs' })).toEqual({
      title: 'Could not load the jobs of this run.',
      detail: 'socket hang up',
    });
  });
});
