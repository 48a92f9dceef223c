// One GitHub Actions run waiting for review: the repository, workflow, run,
// branch and commit that would ship, the environments it waits for (and which
// of them this user may not review, and why), and Approve / Reject through
// the same confirmation dialog as CodePipeline approvals.
import type { GitHubApprovalSummary } from '../../../../shared/model';
import { firstLine, linkHref, shortRevision, timeAgo, timeLeft } from './approval-text';
import { DecisionDialog } from './DecisionDialog';
import { decisionErrorText } from './decision-errors';
import { type Decision, useDecision } from './use-decision';

const doneText: Record<Decision, string> = {
  approve: 'Approved. The run continues; this card goes away at the next refresh.',
  reject: 'Rejected. The run stops here; this card goes away at the next refresh.',
};

/** The run and commit that approving lets through, and the environments it reviews. */
function RunShips({ approval }: { approval: GitHubApprovalSummary }): React.JSX.Element {
  const reviewable = approval.environments.filter((e) => e.canApprove);
  const refused = approval.environments.filter((e) => !e.canApprove);
  return (
    <>
      <ul className="revisions" aria-label="What would ship">
        <li className="revision">
          <span className="revision-action">
            {approval.workflow} #{approval.runNumber}
            {approval.runAttempt > 1 ? ` (attempt ${approval.runAttempt})` : ''}
          </span>
          {approval.branch !== undefined && <span className="muted">{approval.branch}</span>}
          <code title={approval.headSha}>{shortRevision(approval.headSha)}</code>
          {approval.commitMessage !== undefined && (
            <span className="revision-message">{firstLine(approval.commitMessage)}</span>
          )}
          {approval.actor !== undefined && <span className="muted">by {approval.actor}</span>}
        </li>
      </ul>
      <ul className="environments" aria-label="Environments">
        {reviewable.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong> <span className="muted">· you can review</span>
          </li>
        ))}
        {refused.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong>{' '}
            <span className="muted">· not yours to review: {e.reason ?? 'GitHub says no.'}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function GitHubApprovalCard({
  approval,
  now,
}: {
  approval: GitHubApprovalSummary;
  now: Date;
}): React.JSX.Element {
  const { open, done, pending, error, openDialog, closeDialog, submit } = useDecision(approval.approvalId);
  const left = timeLeft(approval.expiresAt, approval.requestedAt, now);
  const sending = approval.submitting || pending || done === 'elsewhere';
  const runHref = linkHref(approval.htmlUrl);
  const reviewable = approval.environments.filter((e) => e.canApprove).map((e) => e.name);
  const where = approval.title;

  return (
    <li className="card approval" aria-labelledby={`approval-${approval.approvalId}`}>
      <div className="approval-head">
        <h2 id={`approval-${approval.approvalId}`}>{approval.title}</h2>
        <span className={`state time-left time-left-${left.urgency}`}>{left.text}</span>
      </div>
      <p className="muted">
        GitHub · {approval.repository} · requested{' '}
        <time dateTime={approval.requestedAt} title={new Date(approval.requestedAt).toLocaleString()}>
          {timeAgo(approval.requestedAt, now)}
        </time>
      </p>

      <h3 className="section-title">What would ship</h3>
      <RunShips approval={approval} />
      {runHref && (
        <p>
          <a href={runHref} target="_blank" rel="noreferrer">
            Open the run on GitHub
          </a>
        </p>
      )}

      {sending && !done && (
        <p role="status" className="muted">
          Sending a decision…
        </p>
      )}
      {done === 'elsewhere' && (
        <p role="status" className="muted">
          A decision for this run is already being sent (from another window or a notification).
        </p>
      )}
      {(done === 'approve' || done === 'reject') && (
        <p role="status" className="ok-text">
          {doneText[done]}
        </p>
      )}
      {error && open === null && (
        <p role="alert" className="problem">
          {decisionErrorText(error, now, 'github').message}
        </p>
      )}
      {reviewable.length === 0 && (
        <p className="muted">You cannot review any environment of this run; a required reviewer must.</p>
      )}

      {done === null && (
        <div className="approval-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={sending || reviewable.length === 0}
            aria-label={`Approve ${where}`}
            onClick={() => openDialog('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={sending || reviewable.length === 0}
            aria-label={`Reject ${where}`}
            onClick={() => openDialog('reject')}
          >
            Reject
          </button>
        </div>
      )}

      {open && (
        <DecisionDialog
          heading={`${approval.repository} › ${approval.workflow} › ${reviewable.join(', ')}?`}
          where={
            <>
              Run #{approval.runNumber} (attempt {approval.runAttempt})
              {approval.branch !== undefined ? ` · ${approval.branch}` : ''} ·{' '}
              <code title={approval.headSha}>{shortRevision(approval.headSha)}</code>
            </>
          }
          ships={<RunShips approval={approval} />}
          external={runHref ? { href: runHref, label: 'Open the run on GitHub' } : undefined}
          provider="github"
          decision={open}
          pending={pending}
          error={error}
          onSubmit={submit}
          onCancel={closeDialog}
        />
      )}
    </li>
  );
}
