// The confirmation before a CodeDeploy deployment is stopped: names exactly
// what stops (application and group, deployment, revision, how far it got),
// offers the rollback CodeDeploy can start, keeps focus inside itself and
// cancels on Escape. Sending and the answer belong to the button that opened it.
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CodeDeployDeployment } from '../../../../shared/deployments';
import { codeDeployRevisionText } from '../../../../shared/environments';
import type { ContractError } from '../../../../shared/result';
import { useModalKeys } from '../focus-trap';
import './stop-deployment.css';

export interface StopDeploymentDialogProps {
  deployment: CodeDeployDeployment;
  pending: boolean;
  /** The last attempt's failure, if any. */
  error: ContractError | undefined;
  onConfirm: (autoRollback: boolean) => void;
  onCancel: () => void;
}

/** A refusal in words: what happened, and what (if anything) the user can do. */
export function stopErrorText(error: ContractError): string {
  switch (error.code) {
    case 'access-denied':
      return `Your AWS identity may not stop deployments here: it lacks ${error.missingPermission ?? 'codedeploy:StopDeployment'}. Nothing was stopped.`;
    case 'offline':
      return 'AWS cannot be reached right now. Nothing was stopped; try again when the network is back.';
    case 'credentials-expired':
      return 'The AWS sign-in for this account has expired. Sign in again in Accounts, then try again.';
    case 'throttled':
      return 'AWS is slowing Starboard down. Nothing was stopped; try again in a moment.';
    case 'not-found':
    case 'conflict':
      return error.message;
    default:
      return `CodeDeploy did not stop the deployment: ${error.message}`;
  }
}

/** Whether trying again could help: not for a deployment that is gone or already finished. */
function canRetry(error: ContractError | undefined): boolean {
  return error?.code !== 'not-found' && error?.code !== 'conflict';
}

function progressText(overview: CodeDeployDeployment['overview']): string {
  if (!overview) return 'Starboard has not read its targets yet.';
  const done = overview.succeeded + overview.failed + overview.skipped;
  const left = overview.pending + overview.inProgress + overview.ready;
  const total = done + left;
  return `${done} of ${total} ${total === 1 ? 'target' : 'targets'} done (${overview.succeeded} succeeded), ${left} still to go (${overview.inProgress} in progress, ${overview.pending} pending).`;
}

export function StopDeploymentDialog(props: StopDeploymentDialogProps): React.JSX.Element {
  const { deployment, pending, error, onConfirm, onCancel } = props;
  const [rollback, setRollback] = useState(true);
  const dialog = useRef<HTMLFormElement>(null);
  // A destructive action: focus starts on Cancel, so Enter alone stops nothing.
  const keys = useModalKeys(dialog, onCancel, 'button[data-cancel]');
  const ids = useId();
  const revision = deployment.revision ? codeDeployRevisionText(deployment.revision) : undefined;
  const retry = canRetry(error);

  // Opened from the page header: drawn over the whole page, not inside the header's stacking order.
  return createPortal(
    <div className="dialog-backdrop stop-deployment-backdrop">
      <form
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-what`}
        className="dialog stop-deployment-dialog"
        tabIndex={-1}
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && retry) onConfirm(rollback);
        }}
        onKeyDown={keys}
      >
        <h2 id={`${ids}-title`}>Stop deployment {deployment.id}?</h2>
        <dl id={`${ids}-what`} className="stop-deployment-facts">
          <div>
            <dt>Application / group</dt>
            <dd>
              {deployment.application} / {deployment.group}
            </dd>
          </div>
          <div>
            <dt>Deployment</dt>
            <dd>
              <code>{deployment.id}</code>
            </dd>
          </div>
          <div>
            <dt>Revision</dt>
            <dd>{revision ? <code title={revision.full}>{revision.text}</code> : 'not read'}</dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>{progressText(deployment.overview)}</dd>
          </div>
        </dl>

        <label className="checkbox stop-deployment-rollback">
          <input
            type="checkbox"
            checked={rollback}
            disabled={pending}
            aria-describedby={`${ids}-rollback-help`}
            onChange={(event) => setRollback(event.target.checked)}
          />
          <strong>Roll back to the last successful revision</strong>
        </label>
        <p id={`${ids}-rollback-help`} className="muted small stop-deployment-help">
          {rollback
            ? 'Once this deployment stops, CodeDeploy starts a new deployment of the group’s last successful revision to every target.'
            : 'Without it, targets keep whatever this deployment left: some may run the new revision, one may be left partly deployed.'}
        </p>

        {pending && (
          <p role="status" className="muted">
            Asking CodeDeploy to stop the deployment…
          </p>
        )}
        {error && !pending && (
          <div className="notice notice-error" role="alert">
            <p>{stopErrorText(error)}</p>
          </div>
        )}

        <div className="dialog-actions">
          <button type="button" className="button" data-cancel onClick={onCancel}>
            {retry ? 'Cancel' : 'Close'}
          </button>
          {retry && (
            <button type="submit" className="button button-danger" disabled={pending}>
              {pending ? 'Stopping…' : error ? 'Try again' : 'Stop deployment'}
            </button>
          )}
        </div>
      </form>
    </div>,
    document.body,
  );
}
