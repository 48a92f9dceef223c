import { defaultBranchHead, openPullRequests } from '../../../../shared/project-health';
import type { ProjectMember } from '../../../../shared/projects';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { relativeTime } from '../../time';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { repositoryHref } from '../../route-paths';
import { PullRequestRow } from '../repositories/PullRequestRow';
import { codecommitPull } from '../repositories/repository-detail';
import { ExternalLink } from './ExternalLink';
import { GitHubRepositoryBlock } from './GitHubRepositoryBlock';

/**
 * Each CodeCommit and GitHub repository: its default branch's head and its
 * open pull requests. Repositories the project names but the snapshot does
 * not hold yet are listed so the tile is not silently empty.
 */
export function RepositoryTile({
  repositories,
  github,
  unread,
  freshness,
  now,
}: {
  repositories: SnapshotResource<'repository'>[];
  github: SnapshotResource<'github-repository'>[];
  unread: ProjectMember[];
  freshness: Map<string, Staleness>;
  now: number;
}): React.JSX.Element {
  return (
    <section className="tile" aria-labelledby="repository-title">
      <h2 id="repository-title" className="tile-title">
        {repositories.length + github.length + unread.length > 1 ? 'Repositories' : 'Repository'}
      </h2>
      {repositories.length + github.length + unread.length === 0 && (
        <p className="muted">This project has no repository Starboard watches.</p>
      )}
      {repositories.map((repository) => (
        <RepositoryBlock
          key={repository.id}
          repository={repository}
          staleness={freshness.get(repository.id)}
          now={now}
        />
      ))}
      {github.map((resource) => (
        <GitHubRepositoryBlock key={resource.id} resource={resource} staleness={freshness.get(resource.id)} now={now} />
      ))}
      {unread.map((member) => (
        <div key={member.ref} className="repository">
          <h3 className="row-title">
            {member.kind === 'github-repository' ? member.ref : member.ref.split(':').at(-1)}
          </h3>
          <p className="muted small">
            {member.kind === 'github-repository'
              ? 'Not read yet: it appears once a GitHub account that can read it is added and refreshed.'
              : 'Not read yet: it appears after the next refresh of its account.'}
          </p>
        </div>
      ))}
    </section>
  );
}

function RepositoryBlock({
  repository,
  staleness,
  now,
}: {
  repository: SnapshotResource<'repository'>;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  const data = repository.data;
  const head = defaultBranchHead(repository);
  const pulls = openPullRequests(repository);
  return (
    <div className="repository" data-testid={`repository-${data.repository}`}>
      <h3 className="row-title">
        <a href={repositoryHref(repository.id)}>{data.repository}</a>{' '}
        <ExternalLink href={data.consoleUrl} label={`${data.repository} in the AWS console`}>
          <span className="visually-hidden">AWS console</span>
        </ExternalLink>
      </h3>
      {head ? (
        <p className="head-commit">
          <span className="branch">{head.branch}</span>{' '}
          {head.commit ? (
            <ExternalLink href={head.commit.consoleUrl} label={`Commit ${head.commitId.slice(0, 8)}`}>
              <code>{head.commitId.slice(0, 8)}</code>
            </ExternalLink>
          ) : (
            <code>{head.commitId.slice(0, 8)}</code>
          )}
          {head.commit && (
            <>
              <span className="commit-subject"> {head.commit.subject}</span>
              <span className="muted small">
                {' '}
                · {head.commit.author.name}
                {head.commit.date && (
                  <>
                    {', '}
                    <time dateTime={head.commit.date} title={new Date(head.commit.date).toLocaleString()}>
                      {relativeTime(head.commit.date, now)}
                    </time>
                  </>
                )}
              </span>
            </>
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
        <ul className="pull-requests" aria-label={`Open pull requests of ${data.repository}`}>
          {pulls.map((pr) => (
            <PullRequestRow key={pr.id} pr={codecommitPull(pr)} now={now} provider="the AWS console" />
          ))}
        </ul>
      )}
      <FreshnessNote staleness={staleness} now={now} quiet />
    </div>
  );
}
