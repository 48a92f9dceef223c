// One waiting CodePipeline approval: where it is, how long it still waits,
// what would ship, the pipeline author's note, and Approve / Reject through
// the confirmation dialog (the decision itself is use-decision's).
import type { AwsApprovalSummary } from '../../../../shared/model';
import { linkHref, shortRevision, timeAgo, timeLeft } from './approval-text';
import { DecisionDialog } from './DecisionDialog';
import { DecisionControls } from './DecisionControls';
import { type Decision, useDecision } from './use-decision';
import { AwsApprovalNotes } from './AwsApprovalNotes';
import { WhatShips } from './WhatShips';

const doneText: Record<Decision, string> = {
  approve: 'Approved. The pipeline continues; this card goes away at the next refresh.',
  reject: 'Rejected. The pipeline stops here; this card goes away at the next refresh.',
};

export function ApprovalCard({ approval, now }: { approval: AwsApprovalSummary; now: Date }): React.JSX.Element {
  const decision = useDecision(approval.approvalId);
  const { open, done, pending, error, closeDialog, submit } = decision;

  const left = timeLeft(approval.expiresAt, approval.requestedAt, now);
  const sending = approval.submitting || pending || done === 'elsewhere';
  const consoleHref = linkHref(approval.consoleUrl);
  const where = `${approval.pipeline} › ${approval.stage} › ${approval.action}`;

  return (
    <li className="card approval" aria-labelledby={`approval-${approval.approvalId}`}>
      <div className="approval-head">
        <h2 id={`approval-${approval.approvalId}`}>
          {approval.pipeline} <span className="muted">›</span> {approval.stage} <span className="muted">›</span>{' '}
          {approval.action}
        </h2>
        <span
          className={`state time-left time-left-${left.urgency}`}
          title={left.estimated ? 'CodePipeline’s default: 7 days after the request' : undefined}
        >
          {left.text}
        </span>
      </div>
      <p className="muted">
        {approval.accountId} · {approval.region} · requested{' '}
        <time dateTime={approval.requestedAt} title={new Date(approval.requestedAt).toLocaleString()}>
          {timeAgo(approval.requestedAt, now)}
        </time>
      </p>

      <h3 className="section-title">What would ship</h3>
      <WhatShips approval={approval} />

      <AwsApprovalNotes approval={approval} heading="h3" />

      <DecisionControls
        state={decision}
        sending={sending}
        where={where}
        doneText={doneText}
        subject="this approval"
        provider="aws"
        now={now}
      />

      {open && (
        <DecisionDialog
          heading={`${where}?`}
          where={
            <>
              Account {approval.accountId} · {approval.region} · execution{' '}
              <code title={approval.pipelineExecutionId}>{shortRevision(approval.pipelineExecutionId)}</code>
            </>
          }
          ships={<WhatShips approval={approval} />}
          external={consoleHref ? { href: consoleHref, label: 'Open it in the AWS console' } : undefined}
          provider="aws"
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
