import { readProblem } from './read-problem';

/** A failed read of a run's jobs or a job's log, in place, with Retry. */
export function GitHubReadError({
  error,
  repository,
  what,
  onRetry,
  retrying,
}: {
  error: Error;
  repository: string;
  what: 'jobs' | 'log';
  onRetry: () => void;
  retrying: boolean;
}): React.JSX.Element {
  const problem = readProblem(error, { repository, what });
  return (
    <div className="notice notice-error read-problem" role="alert">
      <p>
        <strong>{problem.title}</strong>
      </p>
      {problem.detail !== undefined && <p className="small">{problem.detail}</p>}
      <p>
        <button type="button" className="button button-small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </p>
    </div>
  );
}
