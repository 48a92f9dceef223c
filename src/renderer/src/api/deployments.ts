// Stop a CodeDeploy deployment. The hub sends it only for a deployment its
// snapshot shows running; CodeDeploy answers at once (Pending while it
// stops) and the new status arrives with the next snapshot change, which the
// command brings forward.
import { useMutation } from '@tanstack/react-query';
import type { CommandInput } from '../../../shared/contract';
import { useClient } from './client';
import { unwrap } from './contract-error';

export type StopDeploymentInput = CommandInput<'codedeploy.deployments.stop'>;

export function useStopDeployment() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: StopDeploymentInput) => unwrap(client.command('codedeploy.deployments.stop', input)),
  });
}
