// What to say when a run's jobs or a job's log cannot be read: the missing
// permission named, an expired log explained, a repository not watched said
// plainly. GitHub answers 404 or 410 once a log has expired or was deleted.
import { ContractFailure } from '../../api/contract-error';

export interface ReadProblem {
  title: string;
  detail?: string;
}

export function readProblem(error: Error, context: { repository: string; what: 'jobs' | 'log' }): ReadProblem {
  const detail = error instanceof ContractFailure ? error.detail : undefined;
  const code = detail?.code ?? 'internal';
  const { repository, what } = context;
  if (code === 'access-denied' && detail?.missingPermission !== undefined)
    return {
      title: `This token needs ${detail.missingPermission} on ${repository}.`,
      detail:
        'Give the token that permission (a fine-grained token: Repository permissions), or add a token that has it, then retry.',
    };
  if (code === 'not-found' && /does not watch/.test(error.message))
    return {
      title: `Starboard does not watch ${repository} with this GitHub account.`,
      detail: 'Starboard reads runs and logs only of the repositories it watches for your projects.',
    };
  if (what === 'log' && code === 'not-found')
    return {
      title: 'This job’s log is no longer available.',
      detail:
        'GitHub keeps logs for a limited time (90 days unless the repository says otherwise) and deletes them with their run.',
    };
  if (code === 'not-found')
    return {
      title: `GitHub does not know this run in ${repository}, or the token cannot see it.`,
      detail: error.message,
    };
  if (code === 'credentials-expired')
    return {
      title: 'The GitHub token was revoked or expired.',
      detail: 'Use Replace token… (or Sign in again) for this account on Accounts.',
    };
  const subject = what === 'log' ? 'this job’s log' : 'the jobs of this run';
  return { title: `Could not load ${subject}.`, detail: error.message };
}
