// Every decision made in Starboard, newest first: when, who, what, where, the
// result and the comment, as main's audit log recorded them.
import { useQuery } from '@tanstack/react-query';
import { approvalAuditOptions } from '../../api/approvals';
import { useClient } from '../../api/client';
import { QueryError } from '../QueryError';
import { auditResult, decisionLabel, principalLabel } from './approval-text';

export function AuditLog(): React.JSX.Element {
  const client = useClient();
  const audit = useQuery(approvalAuditOptions(client));

  return (
    <section aria-labelledby="audit-title" className="audit">
      <h2 id="audit-title" className="section-title">
        Audit log
      </h2>
      {audit.error && <QueryError error={audit.error} what="the audit log" />}
      {audit.data?.length === 0 && <p className="muted">No decisions made in Starboard yet.</p>}
      {audit.data && audit.data.length > 0 && (
        <div className="audit-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Decision</th>
                <th scope="col">Where</th>
                <th scope="col">Result</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => (
                <tr key={`${entry.requestId}-${entry.event}-${entry.at}`} data-result={entry.result}>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td title={entry.who}>{entry.who ? principalLabel(entry.who) : '—'}</td>
                  <td>{decisionLabel(entry.decision)}</td>
                  <td>
                    {entry.provider === 'github' ? (
                      <>
                        {entry.repository} › {entry.workflow} › {entry.environments.join(', ')}
                        <span className="muted small"> GitHub · attempt {entry.runAttempt}</span>
                      </>
                    ) : (
                      <>
                        {entry.pipeline} › {entry.stage}
                        <span className="muted small">
                          {' '}
                          {entry.accountId} · {entry.region}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{auditResult(entry)}</td>
                  <td className="audit-comment">{entry.comment || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
