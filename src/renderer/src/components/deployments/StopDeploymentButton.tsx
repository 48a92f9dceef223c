// "Stop…" on a running CodeDeploy deployment: opens the confirmation, sends
// the stop, and shows CodeDeploy's answer until the snapshot shows the new
// status (then the deployment is no longer active and this shows nothing).
import { useState } from 'react';
import type { CodeDeployDeployment } from '../../../../shared/deployments';
import { isActiveCodeDeploy } from '../../../../shared/environments';
import type { ContractError } from '../../../../shared/result';
import { useStopDeployment } from '../../api/deployments';
import { ContractFailure } from '../../api/contract-error';
import { Icon } from '../dashboard/Icon';
import { StopDeploymentDialog } from './StopDeploymentDialog';
import './stop-deployment.css';

function contractError(error: Error | null): ContractError | undefined {
  if (!error) return undefined;
  return error instanceof ContractFailure ? error.detail : { code: 'internal', message: error.message };
}

export function StopDeploymentButton({ deployment }: { deployment: CodeDeployDeployment }): React.JSX.Element | null {
  const stop = useStopDeployment();
  const [open, setOpen] = useState(false);
  if (!isActiveCodeDeploy(deployment.status)) return null;
  const answer = stop.data;
  return (
    <span className="stop-deployment">
      {answer ? (
        <span className="stop-deployment-answer" role="status">
          <Icon name="running" /> Stopping…{' '}
          <span className="muted small">
            CodeDeploy: {answer.status}
            {answer.message !== '' ? ` · ${answer.message}` : ''}
          </span>
        </span>
      ) : (
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => {
            stop.reset();
            setOpen(true);
          }}
        >
          <Icon name="stop" /> Stop…
        </button>
      )}
      {open && (
        <StopDeploymentDialog
          deployment={deployment}
          pending={stop.isPending}
          error={contractError(stop.error)}
          onConfirm={(autoRollback) =>
            stop.mutate({ deploymentId: deployment.id, autoRollback }, { onSuccess: () => setOpen(false) })
          }
          onCancel={() => {
            if (!stop.isPending) setOpen(false);
          }}
        />
      )}
    </span>
  );
}
