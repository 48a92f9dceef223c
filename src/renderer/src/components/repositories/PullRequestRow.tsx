// One open pull request, CodeCommit's or GitHub's: its title (a link to the
// provider), number, author, branches, last change, review state and checks,
// each state as an icon and words. The project tiles and the repository page
// share it. Titles are untrusted text and only ever rendered as text.
import type { CheckSummary } from '../../../../shared/github';
import { Icon, type IconName } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from '../project/ExternalLink';
import { checksText } from '../project/github-text';
import type { PullView, ReviewLook } from './repository-detail';

const reviewIcons: Record<ReviewLook['tone'], IconName> = {
  approved: 'check',
  pending: 'not-run',
  'changes-requested': 'x',
  none: 'not-run',
};

const reviewClasses: Record<ReviewLook['tone'], string> = {
  approved: 'pr-approval-approved',
  pending: 'pr-approval-pending',
  'changes-requested': 'pr-review-changes-requested',
  none: 'muted',
};

export function ReviewBadge({ review }: { review: ReviewLook }): React.JSX.Element {
  return (
    <span className={`pr-approval ${reviewClasses[review.tone]} small`}>
      {review.tone !== 'none' && <Icon name={reviewIcons[review.tone]} />}
      {review.label}
    </span>
  );
}

const checkIcons: Record<CheckSummary['state'], IconName> = {
  success: 'check',
  failure: 'x',
  pending: 'clock',
  none: 'not-run',
};

export function ChecksBadge({ checks }: { checks: CheckSummary }): React.JSX.Element {
  return (
    <span className={`pr-approval pr-checks-${checks.state} small`}>
      <Icon name={checkIcons[checks.state]} />
      {checksText(checks)}
    </span>
  );
}

export function PullRequestRow({
  pr,
  now,
  provider,
}: {
  pr: PullView;
  now: number;
  /** Names where the title links to, for the link's accessible name. */
  provider: 'GitHub' | 'the AWS console';
}): React.JSX.Element {
  return (
    <li className="pull-request" data-testid={`pull-request-${pr.key}`}>
      <ExternalLink href={pr.url} className="pr-title" label={`${pr.title} (${pr.number}) on ${provider}`}>
        {pr.title}
      </ExternalLink>
      <span className="muted small">
        {pr.number}
        {pr.author !== undefined && <> · {pr.author}</>}
        {pr.draft && ' · draft'}
        {pr.source !== undefined && pr.target !== undefined && (
          <>
            {' · '}
            <span className="pr-branches">
              {pr.source} → {pr.target}
            </span>
          </>
        )}
        {pr.updatedAt !== undefined && (
          <>
            {' · updated '}
            <TimeAgo iso={pr.updatedAt} now={now} />
          </>
        )}
      </span>
      {pr.review && <ReviewBadge review={pr.review} />}
      {pr.checks && <ChecksBadge checks={pr.checks} />}
    </li>
  );
}
