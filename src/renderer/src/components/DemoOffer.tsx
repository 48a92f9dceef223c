import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { ContractFailure } from '../api/contract-error';
import { useDemoSwitch } from '../api/demo';
import { demoStatusOptions } from '../api/queries';

/** Offered while no account is connected: look around with simulated data first. */
export function DemoOffer(): React.JSX.Element {
  const client = useClient();
  const status = useQuery(demoStatusOptions(client));
  const open = useDemoSwitch('demo.open');
  const starting = open.isPending || status.data?.state === 'starting';
  const problem =
    status.data?.state === 'failed'
      ? status.data.message
      : open.error instanceof ContractFailure
        ? open.error.message
        : undefined;

  return (
    <div className="demo-offer">
      <p>
        Not ready to connect an account? Explore a demo workspace: three projects with pipelines, builds, a failing test
        and approvals waiting, served by a simulator inside Starboard.
      </p>
      <button type="button" className="button button-primary" onClick={() => open.mutate()} disabled={starting}>
        {starting ? 'Starting the demo…' : 'Explore the demo workspace'}
      </button>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
