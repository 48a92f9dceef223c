// One GitHub Actions run waiting for review: the repository, workflow, run,
// branch and commit that would ship, the environments it waits for (and which
// of them this user may not review, and why), and Approve / Reject through
// the same confirmation dialog as CodePipeline approvals.
import type { GitHubApprovalSummary } from '../../../../shared/model';
import { firstLine, linkHref, shortRevision, timeAgo, timeLeft } from './approval-text';
import { DecisionDialog } from './DecisionDialog';
import { DecisionControls } from './DecisionControls';
import { type Decision, useDecision } from './use-decision';

const doneText: Record<Decision, string> = {
  approve: 'Approved. The run continues; this card goes away at the next refresh.',
  reject: 'Rejected. The run stops here; this card goes away at the next refresh.',
};

/** The run and commit that approving lets through, and (on the card) the environments it waits for. */
export function RunShips({
  approval,
  withEnvironments = true,
}: {
  approval: GitHubApprovalSummary;
  withEnvironments?: boolean;
}): React.JSX.Element {
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
      {withEnvironments && (
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
      )}
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
  const decision = useDecision(approval.approvalId);
  const { open, done, pending, error, closeDialog, submit } = decision;
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

      {reviewable.length === 0 && (
        <p className="muted">You cannot review any environment of this run; a required reviewer must.</p>
      )}
      <DecisionControls
        state={decision}
        sending={sending}
        where={where}
        doneText={doneText}
        subject="this run"
        provider="github"
        now={now}
        blocked={reviewable.length === 0}
      />

      {open && (
        <DecisionDialog
          heading={`${approval.repository} › ${approval.workflow}?`}
          where={
            <>
              Run #{approval.runNumber} (attempt {approval.runAttempt})
              {approval.branch !== undefined ? ` · ${approval.branch}` : ''} ·{' '}
              <code title={approval.headSha}>{shortRevision(approval.headSha)}</code>
            </>
          }
          ships={<RunShips approval={approval} withEnvironments={false} />}
          environments={approval.environments}
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
