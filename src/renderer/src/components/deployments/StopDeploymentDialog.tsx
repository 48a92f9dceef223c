// The confirmation before a CodeDeploy deployment is stopped, in the shared
// ConfirmDialog: names exactly what stops (application and group, deployment,
// revision, how far it got) and offers the rollback CodeDeploy can start.
// Sending and the answer belong to the button that opened it.
import { useId, useState } from 'react';
import type { CodeDeployDeployment } from '../../../../shared/deployments';
import { codeDeployRevisionText } from '../../../../shared/environments';
import type { ContractError } from '../../../../shared/result';
import { ConfirmDialog } from '../ConfirmDialog';
import './stop-deployment.css';

export interface StopDeploymentDialogProps {
  deployment: CodeDeployDeployment;
  pending: boolean;
  /** The last attempt's failure, if any. */
  error: ContractError | undefined;
  onConfirm: (autoRollback: boolean) => void;
  onCancel: () => void;
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
  const ids = useId();
  const revision = deployment.revision ? codeDeployRevisionText(deployment.revision) : undefined;
  return (
    <ConfirmDialog
      title={`Stop deployment ${deployment.id}?`}
      description={
        <dl className="confirm-facts">
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
      }
      confirmLabel="Stop deployment"
      pendingLabel="Stopping…"
      pendingText="Asking CodeDeploy to stop the deployment…"
      words={{
        iamAction: 'codedeploy:StopDeployment',
        nothing: 'Nothing was stopped.',
        refused: 'CodeDeploy did not stop the deployment',
      }}
      danger
      pending={pending}
      error={error}
      onConfirm={() => onConfirm(rollback)}
      onCancel={onCancel}
    >
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
    </ConfirmDialog>
  );
}
