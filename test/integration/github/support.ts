// Starts the GitHub simulator for a source test and builds Starboard's own
// client and source against it, on the simulator's clock, so rate-limit
// windows and retry times line up with the simulated GitHub.
import { GitHubClient, type GitHubClientOptions } from '../../../src/main/sources/github/client';
import { GitHubSource, type GitHubSourceOptions } from '../../../src/main/sources/github/github-source';
import type { ScenarioName } from '../../../src/sim/scenarios';
import { demoToken, startHarness, type Harness } from '../../sim/github/harness';

export { demoToken };
export type { Harness };

export interface SourceHarness {
  sim: Harness;
  now: () => Date;
  client(options?: Partial<GitHubClientOptions> & { enterprise?: boolean }): GitHubClient;
  source(client?: GitHubClient, options?: GitHubSourceOptions): GitHubSource;
}

export async function startSourceHarness(
  scenario: ScenarioName = 'demo',
  options: { scale?: number } = {},
): Promise<SourceHarness> {
  const sim = await startHarness(scenario, options);
  const now = (): Date => new Date(sim.clock.now());
  const client = ({ enterprise = false, ...rest }: Partial<GitHubClientOptions> & { enterprise?: boolean } = {}) =>
    new GitHubClient({
      baseUrl: enterprise ? sim.enterpriseUrl : sim.url,
      token: () => demoToken,
      now,
      writeSpacingMs: 0,
      ...rest,
    });
  return {
    sim,
    now,
    client,
    source: (c = client(), sourceOptions = {}) => new GitHubSource('github-sim', c, { now, ...sourceOptions }),
  };
}

/** Every request the simulator answered for an operation, by status. */
export function statuses(sim: Harness, operation?: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of sim.requests.records)
    if (operation === undefined || r.operation === operation) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}
