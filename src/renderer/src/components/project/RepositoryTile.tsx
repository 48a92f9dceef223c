import { defaultBranchHead, openPullRequests } from '../../../../shared/project-health';
import type { ProjectMember } from '../../../../shared/projects';
import type { PullRequestInfo } from '../../../../shared/repositories';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { relativeTime } from '../../time';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon } from '../dashboard/Icon';
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
        <ExternalLink href={data.consoleUrl} label={`${data.repository} in the AWS console`}>
          {data.repository}
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
            <li key={pr.id} className="pull-request">
              <ExternalLink href={pr.consoleUrl} className="pr-title">
                {pr.title}
              </ExternalLink>
              <span className="muted small">
                #{pr.id}
                {pr.sourceBranch && pr.destinationBranch && (
                  <>
                    {' · '}
                    {shortBranch(pr.sourceBranch)} → {shortBranch(pr.destinationBranch)}
                  </>
                )}
                {pr.lastActivity && <> · active {relativeTime(pr.lastActivity, now)}</>}
              </span>
              <ApprovalState pr={pr} />
            </li>
          ))}
        </ul>
      )}
      <FreshnessNote staleness={staleness} now={now} quiet />
    </div>
  );
}

const shortBranch = (ref: string): string => ref.replace(/^refs\/heads\//, '');

/** "Approved", "1 of 2 approvals", "No approval rules": in words, with a shape. */
function ApprovalState({ pr }: { pr: PullRequestInfo }): React.JSX.Element {
  const { approval } = pr;
  if (approval.state === 'approved')
    return (
      <span className="pr-approval pr-approval-approved small">
        <Icon name="check" />
        Approved
      </span>
    );
  if (approval.state === 'no-rules')
    return (
      <span className="pr-approval small muted">
        {approval.approvedBy.length > 0 ? `${approval.approvedBy.length} approved · no rules` : 'No approval rules'}
      </span>
    );
  const needed = approval.rules.reduce((n, rule) => Math.max(n, rule.approvalsNeeded), 0);
  return (
    <span className="pr-approval pr-approval-pending small">
      <Icon name="not-run" />
      {needed > 0 ? `${approval.approvedBy.length} of ${needed} approvals` : 'Approval pending'}
    </span>
  );
}
