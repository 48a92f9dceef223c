// The review window of an approval that no longer waits (decided, superseded,
// expired, or never known here): what Starboard's audit log knows of it, and
// a way out. Never a way to decide: a stale notification opens this.
import { useQuery } from '@tanstack/react-query';
import type { ApprovalAuditEntry } from '../../../../shared/approvals';
import { approvalAuditOptions } from '../../api/approvals';
import { useClient } from '../../api/client';
import { auditResult, decisionLabel, principalLabel } from './approval-text';

/** The entry that says how it ended (the log is newest first), else the newest step of it. */
export function lastAuditEntry(
  entries: readonly ApprovalAuditEntry[],
  approvalId: string,
): ApprovalAuditEntry | undefined {
  const own = entries.filter((entry) => entry.approvalId === approvalId);
  return own.find((entry) => entry.event !== 'submitting') ?? own[0];
}

export function ReviewGone({ approvalId, onClose }: { approvalId: string; onClose: () => void }): React.JSX.Element {
  const client = useClient();
  const audit = useQuery(approvalAuditOptions(client));
  const entry = audit.data ? lastAuditEntry(audit.data, approvalId) : undefined;

  return (
    <div className="review-gone">
      <h2>This approval is no longer waiting</h2>
      {entry ? (
        <AuditSummary entry={entry} />
      ) : (
        <p className="muted">
          It was decided elsewhere, replaced by a newer run, or it expired. There is nothing left to approve or reject
          here.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function AuditSummary({ entry }: { entry: ApprovalAuditEntry }): React.JSX.Element {
  const where =
    entry.provider === 'github'
      ? `${entry.repository} › ${entry.workflow} › ${entry.environments.join(', ')}`
      : `${entry.pipeline} › ${entry.stage} › ${entry.action}`;
  return (
    <dl className="review-facts">
      <div>
        <dt>Where</dt>
        <dd>{where}</dd>
      </div>
      <div>
        <dt>Decision</dt>
        <dd>
          {decisionLabel(entry.decision)}
          {entry.who ? <span title={entry.who}>, by {principalLabel(entry.who)}</span> : ', in Starboard'} ·{' '}
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
        </dd>
      </div>
      <div>
        <dt>Result</dt>
        <dd>{auditResult(entry)}</dd>
      </div>
      {entry.comment !== '' && (
        <div>
          <dt>Comment</dt>
          <dd className="audit-comment">{entry.comment}</dd>
        </div>
      )}
    </dl>
  );
}
