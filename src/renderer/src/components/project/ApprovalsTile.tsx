import type { ApprovalSummary } from '../../../../shared/model';
import { timeLeft } from '../approvals/approval-text';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import './project-dashboard.css';

/** What an approval is for, in one line: the pipeline's stage and action, or the workflow run and its environments. */
function approvalWhere(approval: ApprovalSummary): string {
  return approval.provider === 'aws'
    ? `${approval.pipeline} › ${approval.stage} › ${approval.action}`
    : `${approval.repository} · ${approval.workflow} #${approval.runNumber} → ${approval.environments
        .map((e) => e.name)
        .join(', ')}`;
}

/** The approvals waiting for this project, each with how long it has waited and how long is left; deciding is on the Approvals page. */
export function ApprovalsTile({ approvals, now }: { approvals: ApprovalSummary[]; now: number }): React.JSX.Element {
  return (
    <section className="tile" aria-labelledby="approvals-tile-title" data-testid="approvals-tile">
      <div className="tile-head">
        <h2 id="approvals-tile-title" className="tile-title">
          Approvals
        </h2>
        <a className="small" href="#/approvals">
          Review on Approvals
        </a>
      </div>
      <ul className="project-approvals" aria-label="Approvals waiting">
        {approvals.map((approval) => {
          const left = timeLeft(approval.expiresAt, approval.requestedAt, new Date(now));
          return (
            <li key={approval.approvalId} className="project-approval">
              <a href="#/approvals" className="project-approval-title">
                <Icon name="pause" className="project-approval-icon" />
                {approvalWhere(approval)}
              </a>
              <span className="muted small">
                {approval.provider === 'aws' ? 'Manual approval' : 'Review'} requested{' '}
                <TimeAgo iso={approval.requestedAt} now={now} />
                {approval.submitting && ' · decision being sent'}
              </span>
              <span
                className={`small time-left time-left-${left.urgency}`}
                title={left.estimated ? 'CodePipeline’s default: 7 days after the request' : undefined}
              >
                <Icon name="clock" /> {left.text}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
