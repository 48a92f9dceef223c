import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceFlow } from '../../../../shared/github-accounts';
import { useClient } from '../../api/client';
import { deviceFlowOptions, useCancelDeviceFlow, useDeviceFlowEvents } from '../../api/github-device-flow';
import { ExternalLink } from '../project/ExternalLink';
import './device-flow.css';

/** "github.com/login/device" for the button, from the page the host named. */
function pageText(verificationUri: string): string {
  try {
    const url = new URL(verificationUri);
    return `${url.host}${url.pathname}`;
  } catch {
    return verificationUri;
  }
}

/**
 * The sign-in in progress: the code to type on the host's page, a way there,
 * then how it ended. Shows the flow `flowId` names only, so an old flow's
 * outcome does not appear under a new form.
 */
export function GitHubDeviceFlow({ flowId }: { flowId: string }): React.JSX.Element | null {
  const client = useClient();
  useDeviceFlowEvents();
  const flow = useQuery(deviceFlowOptions(client)).data;
  const cancel = useCancelDeviceFlow();
  if (!flow || flow.flowId !== flowId) return null;
  return (
    <div className="device-flow" role="region" aria-label="Sign in with the browser" data-state={flow.state}>
      {flow.state === 'requesting' && <p className="muted">Asking GitHub for a code…</p>}
      {flow.state === 'waiting' && flow.userCode && <Waiting flow={flow} />}
      {flow.state === 'adding' && <p className="muted">Authorized. Checking the new token with GitHub…</p>}
      {flow.state === 'done' && (
        <p role="status" className="ok-text">
          Signed in{flow.accountKey ? `: ${flow.accountKey} is connected.` : '.'}
        </p>
      )}
      {(flow.state === 'failed' || flow.state === 'expired') && (
        <p role="alert" className="problem">
          {flow.problem ?? 'The sign-in did not finish.'}
        </p>
      )}
      {flow.state === 'cancelled' && <p className="muted">Sign-in cancelled.</p>}
      {(flow.state === 'requesting' || flow.state === 'waiting') && (
        <button type="button" className="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel
        </button>
      )}
    </div>
  );
}

function Waiting({ flow }: { flow: DeviceFlow }): React.JSX.Element {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);
  const userCode = flow.userCode ?? '';
  const copy = () => {
    navigator.clipboard.writeText(userCode).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  const expires = flow.expiresAt ? new Date(flow.expiresAt) : undefined;
  return (
    <>
      <p>Enter this code on GitHub:</p>
      <div className="device-code-row">
        <output className="device-code" aria-label="Your code">
          {userCode}
        </output>
        <button type="button" className="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'no' && <p className="muted small">Copying was refused here: select the code instead.</p>}
      {flow.verificationUri && (
        <ExternalLink href={flow.verificationUri} className="button button-primary">
          Open {pageText(flow.verificationUri)}
        </ExternalLink>
      )}
      <p className="device-flow-waiting" role="status">
        <span className="device-flow-spinner" aria-hidden="true" />
        Waiting for you to authorize…
      </p>
      {expires && (
        <p className="muted small">
          The code works until {expires.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
        </p>
      )}
    </>
  );
}
