import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { awsAccountsOptions, demoStatusOptions } from '../api/queries';
import { AddAwsAccount } from '../components/accounts/AddAwsAccount';
import { AwsAccountRow } from '../components/accounts/AwsAccountRow';
import { QueryError } from '../components/QueryError';

export function AccountsPage(): React.JSX.Element {
  const client = useClient();
  const accounts = useQuery(awsAccountsOptions(client));
  const demo = useQuery(demoStatusOptions(client));

  return (
    <section aria-labelledby="accounts-title">
      <header className="page-header">
        <h1 id="accounts-title">Accounts</h1>
        <p className="muted">
          The AWS accounts Starboard watches, with the credentials you already use for the AWS CLI.
        </p>
      </header>
      {accounts.error && <QueryError error={accounts.error} what="your accounts" />}
      <h2 className="section-title">AWS</h2>
      {accounts.data?.length === 0 && <p className="muted">No AWS account yet.</p>}
      {accounts.data && accounts.data.length > 0 && (
        <ul className="list" aria-label="AWS accounts">
          {accounts.data.map((account) => (
            <AwsAccountRow key={account.accountKey} account={account} editable={!demo.data?.active} />
          ))}
        </ul>
      )}
      {demo.data?.active ? (
        <p className="muted">These are the demo’s accounts. Leave the demo to add your own.</p>
      ) : (
        <AddAwsAccount />
      )}
    </section>
  );
}
