// What this repository's GitHub token may not read, per area, and the
// permission to grant: shown under the repository instead of a generic error.
import { githubAccessGaps } from '../../../../shared/github-access';
import type { GitHubRepositoryRead } from '../../../../shared/github';

export function GitHubAccessNotes({ read }: { read: GitHubRepositoryRead }): React.JSX.Element | null {
  const gaps = githubAccessGaps(read);
  if (gaps.length === 0) return null;
  return (
    <div className="notice notice-warning access-notes" role="note" aria-label={`Limited access to ${read.fullName}`}>
      <p>
        <strong>Limited access.</strong> The GitHub token cannot read everything in {read.fullName}:
      </p>
      <ul>
        {gaps.map((gap) => (
          <li key={`${gap.area}|${gap.missingPermission ?? ''}`}>
            {gap.effect}
            {gap.missingPermission === undefined ? (
              <span className="muted">: {gap.message}</span>
            ) : (
              <>
                : grant <strong>{gap.missingPermission}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Fine-grained token: edit it on GitHub and add these under Repository permissions for this repository. Classic
        token: it needs the repo scope (workflow to re-run, and deployments for environments).
      </p>
    </div>
  );
}
