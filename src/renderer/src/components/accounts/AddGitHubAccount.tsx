import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AddGitHubAccount as AddInput, GitHubAccountsView } from '../../../../shared/github-accounts';
import { useClient } from '../../api/client';
import { ContractFailure, unwrap } from '../../api/contract-error';
import { useStartDeviceFlow } from '../../api/github-device-flow';
import { GitHubDeviceFlow } from './GitHubDeviceFlow';
import { PastedTokenField } from './PastedTokenField';

/** A token source, or signing in with the browser (the OAuth device flow). */
type SourceKind = AddInput['token']['kind'] | 'device';

/**
 * Host, token source and (when the OS has no secret store) consent. A pasted
 * token goes to main once; the answer says who it signs in as, never the token.
 */
export function AddGitHubAccount({ view }: { view: GitHubAccountsView }): React.JSX.Element {
  const client = useClient();
  const browserMode = view.vault.kind === 'environment';
  const [host, setHost] = useState('github.com');
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<SourceKind | undefined>(undefined);
  const [token, setToken] = useState('');
  const [consent, setConsent] = useState(false);
  const [clientId, setClientId] = useState('');
  const signIn = useStartDeviceFlow();
  const add = useMutation({
    mutationFn: (input: AddInput) => unwrap(client.command('github.accounts.add', input)),
    // The token was only ever needed for this one call.
    onSuccess: () => setToken(''),
  });

  const variables = view.sources.environmentVariables;
  const source: SourceKind =
    chosen ?? (browserMode ? (variables.length > 0 || !view.sources.ghCli ? 'environment' : 'gh-cli') : 'paste');
  const canStore = view.vault.kind === 'os-encrypted' || view.vault.kind === 'weak-only';
  const needsConsent = view.vault.kind === 'weak-only';
  const pasteBlocked = source === 'paste' && (!canStore || token.trim() === '' || (needsConsent && !consent));
  const deviceBlocked = source === 'device' && (!canStore || clientId.trim() === '' || (needsConsent && !consent));
  const storing = source === 'paste' || source === 'device';

  const submit = () => {
    if (source === 'device') {
      signIn.mutate({
        host: host.trim() || 'github.com',
        clientId: clientId.trim(),
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(needsConsent && consent ? { allowWeakStorage: true } : {}),
      });
      return;
    }
    const tokenInput: AddInput['token'] = source === 'paste' ? { kind: 'paste', token } : { kind: source };
    add.mutate({
      host: host.trim() || 'github.com',
      token: tokenInput,
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(source === 'paste' && needsConsent && consent ? { allowWeakStorage: true } : {}),
    });
  };

  return (
    <form
      className="group add-account"
      aria-label="Add a GitHub account"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>Add a GitHub account</h3>
      <label className="field">
        <span>GitHub host</span>
        <input value={host} spellCheck={false} onChange={(event) => setHost(event.target.value)} />
      </label>
      <p className="muted small field-hint">github.com, or your GitHub Enterprise Server (ghe.example.com).</p>
      <fieldset className="token-sources">
        <legend>Token</legend>
        <label className="radio">
          <input type="radio" name="github-token" checked={source === 'paste'} onChange={() => setChosen('paste')} />
          Paste a personal access token
        </label>
        <label className="radio">
          <input type="radio" name="github-token" checked={source === 'gh-cli'} onChange={() => setChosen('gh-cli')} />
          Import from the GitHub CLI (gh auth token)
          {!view.sources.ghCli && <span className="muted small">gh was not found on PATH</span>}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="github-token"
            checked={source === 'environment'}
            onChange={() => setChosen('environment')}
          />
          Use GITHUB_TOKEN from the environment
          <span className="muted small">{variables.length > 0 ? `set: ${variables.join(', ')}` : 'not set'}</span>
        </label>
        <label className="radio">
          <input type="radio" name="github-token" checked={source === 'device'} onChange={() => setChosen('device')} />
          Sign in with browser (OAuth app)
        </label>
      </fieldset>

      {source === 'device' && browserMode && (
        <p className="notice notice-warning" role="note">
          Sign-in with the browser works in the desktop app only: browser mode stores no tokens. Use GITHUB_TOKEN or the
          GitHub CLI here.
        </p>
      )}
      {source === 'device' && !browserMode && !canStore && (
        <p className="notice notice-warning" role="note">
          {view.vault.explanation ?? 'Starboard cannot store tokens here.'}
        </p>
      )}
      {source === 'device' && canStore && (
        <>
          <label className="field">
            <span>OAuth app client id</span>
            <input
              value={clientId}
              spellCheck={false}
              autoComplete="off"
              placeholder="Ov23li… or Iv1.…"
              onChange={(event) => setClientId(event.target.value)}
            />
          </label>
          <p className="muted small field-hint">
            The public id of an OAuth app (Settings → Developer settings → OAuth Apps) with “Enable Device Flow” ticked.
            Like GitHub Desktop, Starboard then shows a code you enter on GitHub; it asks for repo, workflow and
            read:org.
          </p>
        </>
      )}
      {source === 'paste' && (
        <PastedTokenField
          label="Personal access token"
          token={token}
          onToken={setToken}
          canStore={canStore}
          explanation={view.vault.explanation}
        />
      )}
      {storing && canStore && (
        <>
          {needsConsent ? (
            <div className="notice notice-warning consent">
              <p>{view.vault.explanation}</p>
              <label className="checkbox">
                <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
                Store it with weak protection anyway
              </label>
            </div>
          ) : (
            <p className="muted small">
              Starboard checks it with GitHub, then keeps it encrypted by the OS keychain. It is never shown again.
            </p>
          )}
        </>
      )}
      {source === 'gh-cli' && (
        <p className="muted small">
          Starboard asks gh for its token each time it starts and keeps no copy. Sign in first with gh auth login.
        </p>
      )}
      {source === 'environment' && (
        <p className="muted small">
          Starboard reads GH_TOKEN or GITHUB_TOKEN (GH_ENTERPRISE_TOKEN first for an Enterprise Server) each time it
          starts and keeps no copy.
        </p>
      )}

      <label className="field">
        <span>Name in Starboard</span>
        <input value={label} placeholder="your login on the host" onChange={(event) => setLabel(event.target.value)} />
      </label>
      <button
        type="submit"
        className="button button-primary"
        disabled={
          add.isPending || signIn.isPending || pasteBlocked || deviceBlocked || (source === 'device' && browserMode)
        }
      >
        {source === 'device'
          ? signIn.isPending
            ? 'Asking GitHub for a code…'
            : 'Sign in with browser'
          : add.isPending
            ? 'Checking the token with GitHub…'
            : 'Check and add'}
      </button>
      {source === 'device' && signIn.data && <GitHubDeviceFlow flowId={signIn.data.flowId} />}
      {add.data && (
        <p role="status" className="ok-text">
          Added {add.data.label}: signed in as {add.data.identity?.login ?? 'unknown'}.
        </p>
      )}
      {source !== 'device' && add.error instanceof ContractFailure && (
        <p className="problem" role="alert">
          {failureText(add.error)}
        </p>
      )}
      {source === 'device' && signIn.error instanceof ContractFailure && (
        <p className="problem" role="alert">
          {failureText(signIn.error)}
        </p>
      )}
    </form>
  );
}

/** Field problems say more than "invalid input" (a token with a space, a host too long). */
function failureText(failure: ContractFailure): string {
  const issues = failure.detail.issues ?? [];
  return failure.detail.code === 'invalid-input' && issues.length > 0
    ? issues.map((issue) => issue.message).join(' ')
    : failure.message;
}
