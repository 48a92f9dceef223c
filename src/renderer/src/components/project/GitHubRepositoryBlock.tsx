import { githubHead } from '../../../../shared/github-health';
import type { CheckSummary, ReviewState } from '../../../../shared/github';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon, type IconName } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from './ExternalLink';
import { GitHubAccessNotes } from './GitHubAccessNotes';
import { checksText, githubRepositoryUrl, shortSha } from './github-text';

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
        <ExternalLink href={githubRepositoryUrl(read)} label={`${read.fullName} on GitHub`}>
          {read.fullName}
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
            <li key={pr.number} className="pull-request">
              <ExternalLink href={pr.htmlUrl} className="pr-title">
                {pr.title}
              </ExternalLink>
              <span className="muted small">
                #{pr.number} · {pr.author}
                {pr.draft && ' · draft'} · updated <TimeAgo iso={pr.updatedAt} now={now} />
              </span>
              {pr.review && <Review state={pr.review} />}
              {pr.checks && <Checks checks={pr.checks} />}
            </li>
          ))}
        </ul>
      )}
      <GitHubAccessNotes read={read} />
      <FreshnessNote staleness={staleness} now={now} quiet />
    </div>
  );
}

const reviewLooks: Record<ReviewState, { icon: IconName; label: string }> = {
  approved: { icon: 'check', label: 'Approved' },
  'changes-requested': { icon: 'x', label: 'Changes requested' },
  'review-required': { icon: 'not-run', label: 'Review required' },
};

function Review({ state }: { state: ReviewState }): React.JSX.Element {
  const look = reviewLooks[state];
  return (
    <span className={`pr-approval pr-review-${state} small`}>
      <Icon name={look.icon} />
      {look.label}
    </span>
  );
}

const checkIcons: Record<CheckSummary['state'], IconName> = {
  success: 'check',
  failure: 'x',
  pending: 'clock',
  none: 'not-run',
};

function Checks({ checks }: { checks: CheckSummary }): React.JSX.Element {
  return (
    <span className={`pr-approval pr-checks-${checks.state} small`}>
      <Icon name={checkIcons[checks.state]} />
      {checksText(checks)}
    </span>
  );
}
