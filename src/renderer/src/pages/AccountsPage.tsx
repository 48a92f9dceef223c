import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { awsAccountsOptions, demoStatusOptions, githubAccountsOptions, workspaceOptions } from '../api/queries';
import { AddAwsAccount } from '../components/accounts/AddAwsAccount';
import { AddGitHubAccount } from '../components/accounts/AddGitHubAccount';
import { AwsAccountRow } from '../components/accounts/AwsAccountRow';
import { GitHubAccountRow } from '../components/accounts/GitHubAccountRow';
import { QueryError } from '../components/QueryError';

export function AccountsPage(): React.JSX.Element {
  const client = useClient();
  const accounts = useQuery(awsAccountsOptions(client));
  const github = useQuery(githubAccountsOptions(client));
  const demo = useQuery(demoStatusOptions(client));
  // Which OAuth app made each stored token, for "Sign in again" (the workspace entry remembers it).
  const workspace = useQuery(workspaceOptions(client));
  const oauthApps = new Map(
    (workspace.data?.githubAccounts ?? []).flatMap((entry) =>
      entry.oauthClientId ? [[entry.id, entry.oauthClientId] as const] : [],
    ),
  );
  const inDemo = demo.data?.active === true;

  return (
    <section aria-labelledby="accounts-title">
      <header className="page-header">
        <h1 id="accounts-title">Accounts</h1>
        <p className="muted">
          The AWS accounts Starboard watches, with the credentials you already use for the AWS CLI, and your GitHub
          accounts.
        </p>
      </header>
      {accounts.error && <QueryError error={accounts.error} what="your accounts" />}
      <h2 className="section-title">AWS</h2>
      {accounts.data?.length === 0 && <p className="muted">No AWS account yet.</p>}
      {accounts.data && accounts.data.length > 0 && (
        <ul className="list" aria-label="AWS accounts">
          {accounts.data.map((account) => (
            <AwsAccountRow key={account.accountKey} account={account} editable={!inDemo} />
          ))}
        </ul>
      )}
      {inDemo ? (
        <p className="muted">These are the demo’s accounts. Leave the demo to add your own.</p>
      ) : (
        <AddAwsAccount />
      )}

      <h2 className="section-title">GitHub</h2>
      {github.error && <QueryError error={github.error} what="your GitHub accounts" />}
      {github.data?.vault.problem && <p className="notice notice-warning">{github.data.vault.problem}</p>}
      {github.data?.accounts.length === 0 && <p className="muted">No GitHub account yet.</p>}
      {github.data && github.data.accounts.length > 0 && (
        <ul className="list" aria-label="GitHub accounts">
          {github.data.accounts.map((account) => (
            <GitHubAccountRow
              key={account.accountKey}
              account={account}
              editable={!inDemo}
              view={github.data}
              oauthClientId={oauthApps.get(account.accountKey)}
            />
          ))}
        </ul>
      )}
      {github.data && !inDemo && <AddGitHubAccount view={github.data} />}
    </section>
  );
}
