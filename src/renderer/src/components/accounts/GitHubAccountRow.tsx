import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GitHubAccountStatus, GitHubAccountsView } from '../../../../shared/github-accounts';
import { useClient } from '../../api/client';
import { ContractFailure, unwrap } from '../../api/contract-error';
import { useReplaceToken, useStartDeviceFlow } from '../../api/github-device-flow';
import { GitHubDeviceFlow } from './GitHubDeviceFlow';
import './device-flow.css';
import { PastedTokenField } from './PastedTokenField';

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
  view,
  oauthClientId,
}: {
  account: GitHubAccountStatus;
  editable: boolean;
  /** What the vault and the token sources offer, for "Replace token…". */
  view?: GitHubAccountsView;
  /** The OAuth app that made the account's stored token, for "Sign in again". */
  oauthClientId?: string | undefined;
}): React.JSX.Element {
  const client = useClient();
  const [replacing, setReplacing] = useState(false);
  const signIn = useStartDeviceFlow();
  const check = useMutation({
    mutationFn: () => unwrap(client.command('github.accounts.check', { accountKey: account.accountKey })),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(client.command('github.accounts.remove', { accountKey: account.accountKey })),
  });
  const protection = tokenProtectionText(account.token);
  const identity = account.identity;
  const failure = [check.error, remove.error, signIn.error].find((error) => error instanceof ContractFailure);
  const stored = account.token.source === 'stored';
  const canSignInAgain = editable && oauthClientId !== undefined && account.state === 'needs-token';
  const signInAgain = () =>
    oauthClientId &&
    signIn.mutate({
      host: account.host,
      clientId: oauthClientId,
      accountKey: account.accountKey,
      // The token it replaces was stored with weak protection: the user agreed to that already.
      ...(account.token.protection === 'weak' ? { allowWeakStorage: true } : {}),
    });

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
        {signIn.data && <GitHubDeviceFlow flowId={signIn.data.flowId} />}
        {replacing && view && <ReplaceGitHubToken account={account} view={view} onDone={() => setReplacing(false)} />}
      </div>
      <span className={`state state-${account.state}`}>{stateLabel[account.state]}</span>
      <div className="actions">
        <button type="button" className="button" onClick={() => check.mutate()} disabled={account.state === 'checking'}>
          Check again
        </button>
        {canSignInAgain && (
          <button type="button" className="button button-primary" onClick={signInAgain} disabled={signIn.isPending}>
            Sign in again
          </button>
        )}
        {editable && stored && view && (
          <button type="button" className="button" onClick={() => setReplacing(!replacing)} aria-expanded={replacing}>
            Replace token…
          </button>
        )}
        {editable && (
          <button type="button" className="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

type ReplaceSource = 'paste' | 'gh-cli' | 'environment';

/**
 * A new token for the account (its old one expired or was revoked): pasted,
 * or from gh or the environment when those are there. Main checks it signs in
 * as the same login before keeping it.
 */
function ReplaceGitHubToken({
  account,
  view,
  onDone,
}: {
  account: GitHubAccountStatus;
  view: GitHubAccountsView;
  onDone: () => void;
}): React.JSX.Element {
  const replace = useReplaceToken();
  const [source, setSource] = useState<ReplaceSource>('paste');
  const [token, setToken] = useState('');
  const [consent, setConsent] = useState(false);
  const canStore = view.vault.kind === 'os-encrypted' || view.vault.kind === 'weak-only';
  const needsConsent = view.vault.kind === 'weak-only';
  const blocked = source === 'paste' && (!canStore || token.trim() === '' || (needsConsent && !consent));
  const name = `replace-${account.accountKey}`;
  const submit = () =>
    replace.mutate(
      {
        accountKey: account.accountKey,
        token: source === 'paste' ? { kind: 'paste', token } : { kind: source },
        ...(source === 'paste' && needsConsent && consent ? { allowWeakStorage: true } : {}),
      },
      {
        onSuccess: () => {
          setToken('');
          onDone();
        },
      },
    );
  return (
    <form
      className="replace-token"
      aria-label={`Replace the token of ${account.label}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {(view.sources.ghCli || view.sources.environmentVariables.length > 0) && (
        <fieldset className="token-sources">
          <legend>New token</legend>
          <label className="radio">
            <input type="radio" name={name} checked={source === 'paste'} onChange={() => setSource('paste')} />
            Paste a token
          </label>
          {view.sources.ghCli && (
            <label className="radio">
              <input type="radio" name={name} checked={source === 'gh-cli'} onChange={() => setSource('gh-cli')} />
              From the GitHub CLI (gh auth token)
            </label>
          )}
          {view.sources.environmentVariables.length > 0 && (
            <label className="radio">
              <input
                type="radio"
                name={name}
                checked={source === 'environment'}
                onChange={() => setSource('environment')}
              />
              From the environment ({view.sources.environmentVariables.join(', ')})
            </label>
          )}
        </fieldset>
      )}
      {source === 'paste' && (
        <PastedTokenField
          label="New personal access token"
          token={token}
          onToken={setToken}
          canStore={canStore}
          explanation={view.vault.explanation}
        />
      )}
      {source === 'paste' && needsConsent && (
        <label className="checkbox">
          <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
          Store it with weak protection anyway
        </label>
      )}
      <p className="muted small">
        It must sign in as {account.identity?.login ?? 'the same GitHub user'}; Starboard checks it with GitHub first.
      </p>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={replace.isPending || blocked}>
          {replace.isPending ? 'Checking the token with GitHub…' : 'Check and replace'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {replace.error instanceof ContractFailure && (
        <p className="problem" role="alert">
          {replace.error.message}
        </p>
      )}
    </form>
  );
}
