import { githubHead } from '../../../../shared/github-health';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { repositoryHref } from '../../route-paths';
import { PullRequestRow } from '../repositories/PullRequestRow';
import { githubPull } from '../repositories/repository-detail';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from './ExternalLink';
import { GitHubAccessNotes } from './GitHubAccessNotes';
import { githubRepositoryUrl, shortSha } from './github-text';

/** A GitHub repository in the Repository tile: its default branch's head and its open pull requests. */
export function GitHubRepositoryBlock({
  resource,
  staleness,
  now,
}: {
  resource: SnapshotResource<'github-repository'>;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  const read = resource.data;
  const head = githubHead(read);
  const pulls = read.pulls;
  return (
    <div className="repository" data-testid={`github-repository-${read.fullName}`}>
      <h3 className="row-title">
        <a href={repositoryHref(resource.id)}>{read.fullName}</a>{' '}
        <ExternalLink href={githubRepositoryUrl(read)} label={`${read.fullName} on GitHub`}>
          <span className="visually-hidden">GitHub</span>
        </ExternalLink>
      </h3>
      {head ? (
        <p className="head-commit">
          <span className="branch">{head.branch}</span>{' '}
          {head.commit ? (
            <>
              <ExternalLink href={head.commit.htmlUrl} label={`Commit ${shortSha(head.commit.sha)}`}>
                <code>{shortSha(head.commit.sha)}</code>
              </ExternalLink>
              <span className="commit-subject"> {head.commit.subject}</span>
              <span className="muted small">
                {' '}
                · {head.commit.author}
                {head.commit.authoredAt && (
                  <>
                    {', '}
                    <TimeAgo iso={head.commit.authoredAt} now={now} />
                  </>
                )}
              </span>
            </>
          ) : (
            <span className="muted small">no commit read yet</span>
          )}
        </p>
      ) : (
        <p className="muted small">No branch read yet.</p>
      )}
      <h4 className="sub-title">
        {pulls.length === 0
          ? 'No open pull requests'
          : `${pulls.length} open pull ${pulls.length === 1 ? 'request' : 'requests'}`}
      </h4>
      {pulls.length > 0 && (
        <ul className="pull-requests" aria-label={`Open pull requests of ${read.fullName}`}>
          {pulls.map((pr) => (
            <PullRequestRow key={pr.number} pr={githubPull(pr)} now={now} provider="GitHub" />
          ))}
        </ul>
      )}
      <GitHubAccessNotes read={read} />
      <FreshnessNote staleness={staleness} now={now} quiet />
    </div>
  );
}
