import { useMutation } from '@tanstack/react-query';
import type { GitHubAccountStatus } from '../../../../shared/github-accounts';
import { useClient } from '../../api/client';
import { ContractFailure, unwrap } from '../../api/contract-error';

const stateLabel: Record<GitHubAccountStatus['state'], string> = {
  unchecked: 'Not checked yet',
  checking: 'Checking…',
  ok: 'Connected',
  'needs-token': 'Needs a token',
  error: 'Problem',
};

const tokenKindLabel: Record<NonNullable<GitHubAccountStatus['identity']>['tokenKind'], string> = {
  classic: 'Classic token',
  'fine-grained': 'Fine-grained token',
  oauth: 'OAuth token',
  'app-user': 'GitHub App user token',
  'app-installation': 'GitHub App installation token',
  unknown: 'Token',
};

/** Where the token lives and how well it is protected, in the user's words. */
export function tokenProtectionText(token: GitHubAccountStatus['token']): { text: string; weak: boolean } {
  switch (token.source) {
    case 'stored':
      if (token.protection === 'os-encrypted') return { text: 'Encrypted by the OS keychain', weak: false };
      if (token.protection === 'weak') {
        return { text: 'Stored with weak protection (this system has no secret store)', weak: true };
      }
      return { text: 'No stored token', weak: true };
    case 'environment':
      return { text: `From the environment${token.variable ? ` (${token.variable})` : ''}, not stored`, weak: false };
    case 'gh-cli':
      return { text: 'From the GitHub CLI (gh keeps it), not stored', weak: false };
    case 'demo':
      return { text: 'The demo’s simulated token', weak: false };
  }
}

/** github.com, or the Enterprise Server's host name. */
export function hostText(host: string): string {
  if (host === 'github.com') return host;
  try {
    return new URL(host).host;
  } catch {
    return host;
  }
}

export function GitHubAccountRow({
  account,
  editable,
}: {
  account: GitHubAccountStatus;
  editable: boolean;
}): React.JSX.Element {
  const client = useClient();
  const check = useMutation({
    mutationFn: () => unwrap(client.command('github.accounts.check', { accountKey: account.accountKey })),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(client.command('github.accounts.remove', { accountKey: account.accountKey })),
  });
  const protection = tokenProtectionText(account.token);
  const identity = account.identity;
  const failure = [check.error, remove.error].find((error) => error instanceof ContractFailure);

  return (
    <li className="list-item account" data-testid={`github-account-${account.accountKey}`}>
      <div className="account-main">
        <strong>{account.label}</strong>
        <span className="muted">
          {hostText(account.host)}
          {identity && (
            <>
              {' '}
              · signed in as <strong className="github-login">{identity.login}</strong>
              {identity.name && identity.name !== identity.login ? ` (${identity.name})` : ''}
            </>
          )}
        </span>
        {identity && (
          <span className="muted small">
            {tokenKindLabel[identity.tokenKind]}
            {identity.scopes
              ? ` · scopes: ${identity.scopes.length > 0 ? identity.scopes.join(', ') : 'none'}`
              : identity.tokenKind === 'fine-grained'
                ? ' · permissions are set on the token, not listed here'
                : ''}
          </span>
        )}
        <span className={`token-protection small${protection.weak ? ' token-protection-weak' : ''}`}>
          {protection.text}
        </span>
        {account.problem && account.state !== 'ok' && <span className="problem">{account.problem}</span>}
        {failure && <span className="problem">{failure.message}</span>}
      </div>
      <span className={`state state-${account.state}`}>{stateLabel[account.state]}</span>
      <div className="actions">
        <button type="button" className="button" onClick={() => check.mutate()} disabled={account.state === 'checking'}>
          Check again
        </button>
        {editable && (
          <button type="button" className="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
