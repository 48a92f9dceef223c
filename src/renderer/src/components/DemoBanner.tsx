import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { useDemoSwitch } from '../api/demo';
import { demoStatusOptions } from '../api/queries';

/** On every page while the demo runs: this is simulated data, and the way out. */
export function DemoBanner(): React.JSX.Element | null {
  const client = useClient();
  const status = useQuery(demoStatusOptions(client));
  const leave = useDemoSwitch('demo.close');
  if (!status.data?.active) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <span className="demo-pill">Demo data</span>
      <span>
        You are looking at <strong>Acme Rockets</strong>, a simulated AWS account and GitHub organisation running inside
        Starboard. Nothing here touches your own accounts.
      </span>
      <button type="button" className="button" onClick={() => leave.mutate()} disabled={leave.isPending}>
        {leave.isPending ? 'Leaving…' : 'Leave the demo'}
      </button>
    </div>
  );
}
