// What the review window says about one waiting approval, for either
// provider: where it waits, how long it still waits, what would ship (the
// same parts as the Approvals page's cards), and the words of its decision
// form. The form and the decision itself are ReviewPage's.
import type { ApprovalSummary, AwsApprovalSummary, GitHubApprovalSummary } from '../../../../shared/model';
import { linkHref, shortRevision, timeAgo, timeLeft } from './approval-text';
import { RunShips } from './GitHubApprovalCard';
import type { ReviewableEnvironment } from './DecisionForm';
import type { Decision } from './use-decision';
import { AwsApprovalNotes } from './AwsApprovalNotes';
import { WhatShips } from './WhatShips';

/** The words around one approval's decision: the form's heading and where-line, the buttons' names, the result. */
export interface DecisionWords {
  /** After the verb in the form's heading: "pipeline › stage › action?". */
  heading: string;
  where: React.ReactNode;
  /** For the buttons' accessible names: "Approve <target>". */
  target: string;
  /** "this approval", "this run": what another window may already be deciding. */
  subject: string;
  doneText: Record<Decision, string>;
  external: { href: string; label: string } | undefined;
  environments?: readonly ReviewableEnvironment[];
  /** Nothing this user can decide (no environment of the run is theirs to review). */
  blocked: boolean;
}

export function decisionWords(approval: ApprovalSummary): DecisionWords {
  if (approval.provider === 'aws') {
    const consoleHref = linkHref(approval.consoleUrl);
    return {
      heading: `${approval.pipeline} › ${approval.stage} › ${approval.action}?`,
      where: (
        <>
          Account {approval.accountId} · {approval.region} · execution{' '}
          <code title={approval.pipelineExecutionId}>{shortRevision(approval.pipelineExecutionId)}</code>
        </>
      ),
      target: `${approval.pipeline} › ${approval.stage} › ${approval.action}`,
      subject: 'this approval',
      doneText: { approve: 'Approved. The pipeline continues.', reject: 'Rejected. The pipeline stops here.' },
      external: consoleHref ? { href: consoleHref, label: 'Open it in the AWS console' } : undefined,
      blocked: false,
    };
  }
  const runHref = linkHref(approval.htmlUrl);
  return {
    heading: `${approval.repository} › ${approval.workflow}?`,
    where: (
      <>
        Run #{approval.runNumber} (attempt {approval.runAttempt})
        {approval.branch !== undefined ? ` · ${approval.branch}` : ''} ·{' '}
        <code title={approval.headSha}>{shortRevision(approval.headSha)}</code>
      </>
    ),
    target: approval.title,
    subject: 'this run',
    doneText: { approve: 'Approved. The run continues.', reject: 'Rejected. The run stops here.' },
    external: runHref ? { href: runHref, label: 'Open the run on GitHub' } : undefined,
    environments: approval.environments,
    blocked: !approval.environments.some((e) => e.canApprove),
  };
}

/** Where the approval waits, under the window's title, with the time it has left. */
export function ReviewWhere({ approval, now }: { approval: ApprovalSummary; now: Date }): React.JSX.Element {
  const left = timeLeft(approval.expiresAt, approval.requestedAt, now);
  const requested = (
    <time dateTime={approval.requestedAt} title={new Date(approval.requestedAt).toLocaleString()}>
      {timeAgo(approval.requestedAt, now)}
    </time>
  );
  return (
    <div className="review-where">
      <p className="review-path">
        {approval.provider === 'aws' ? (
          <>
            {approval.pipeline} <span className="muted">›</span> {approval.stage} <span className="muted">›</span>{' '}
            {approval.action}
          </>
        ) : (
          <>
            {approval.repository} <span className="muted">›</span> {approval.workflow} #{approval.runNumber}
          </>
        )}
      </p>
      <p className="muted small">
        {approval.provider === 'aws' ? `${approval.accountId} · ${approval.region}` : 'GitHub'} · requested {requested}{' '}
        ·{' '}
        <span
          className={`time-left-text time-left-${left.urgency}`}
          title={left.estimated ? 'CodePipeline’s default: 7 days after the request' : undefined}
        >
          {left.text}
        </span>
      </p>
    </div>
  );
}

/** What approving lets through, and what to look at first. */
export function ReviewShips({ approval }: { approval: ApprovalSummary }): React.JSX.Element {
  return approval.provider === 'aws' ? <AwsShips approval={approval} /> : <GitHubShips approval={approval} />;
}

function AwsShips({ approval }: { approval: AwsApprovalSummary }): React.JSX.Element {
  return (
    <>
      <h2 className="section-title">What would ship</h2>
      <WhatShips approval={approval} />
      <AwsApprovalNotes approval={approval} heading="h2" />
    </>
  );
}

function GitHubShips({ approval }: { approval: GitHubApprovalSummary }): React.JSX.Element {
  const runHref = linkHref(approval.htmlUrl);
  return (
    <>
      <h2 className="section-title">What would ship</h2>
      <RunShips approval={approval} />
      {runHref && (
        <p className="review-links">
          <a href={runHref} target="_blank" rel="noreferrer">
            Open the run on GitHub
          </a>
        </p>
      )}
      {!approval.environments.some((e) => e.canApprove) && (
        <p className="muted">You cannot review any environment of this run; a required reviewer must.</p>
      )}
    </>
  );
}
