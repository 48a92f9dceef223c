import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { approvalsOptions } from '../api/queries';
import { ApprovalCard } from '../components/approvals/ApprovalCard';
import { AuditLog } from '../components/approvals/AuditLog';
import { GitHubApprovalCard } from '../components/approvals/GitHubApprovalCard';
import { useNow } from '../components/approvals/use-now';
import { QueryError } from '../components/QueryError';

export function ApprovalsPage(): React.JSX.Element {
  const client = useClient();
  const approvals = useQuery(approvalsOptions(client));
  const now = useNow();

  return (
    <section aria-labelledby="approvals-title">
      <header className="page-header">
        <h1 id="approvals-title">Approvals</h1>
        <p className="muted">Pipeline stages and environment deployments waiting for your decision.</p>
      </header>
      {approvals.error && <QueryError error={approvals.error} what="approvals" />}
      {approvals.data?.length === 0 && (
        <div className="empty">
          <h2>Nothing is waiting for you</h2>
          <p className="muted">Manual approvals from CodePipeline and GitHub environments will appear here.</p>
        </div>
      )}
      {approvals.data && approvals.data.length > 0 && (
        <ul className="approvals" aria-label="Waiting approvals">
          {approvals.data.map((approval) =>
            approval.provider === 'aws' ? (
              <ApprovalCard key={approval.approvalId} approval={approval} now={now} />
            ) : (
              <GitHubApprovalCard key={approval.approvalId} approval={approval} now={now} />
            ),
          )}
        </ul>
      )}
      <AuditLog />
    </section>
  );
}
