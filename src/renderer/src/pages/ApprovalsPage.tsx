import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { approvalsOptions } from '../api/queries';
import { QueryError } from '../components/QueryError';

export function ApprovalsPage(): React.JSX.Element {
  const client = useClient();
  const approvals = useQuery(approvalsOptions(client));

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
        <ul className="list">
          {approvals.data.map((approval) => (
            <li key={approval.approvalId} className="list-item">
              <span className={`provider provider-${approval.provider}`}>
                {approval.provider === 'aws' ? 'AWS' : 'GitHub'}
              </span>
              <span>{approval.title}</span>
              <time className="muted" dateTime={approval.requestedAt}>
                {new Date(approval.requestedAt).toLocaleString()}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
