// Starts the GitHub simulator for a test with a manual clock and fresh fault
// and request logs, and builds real Octokit clients against it.
import { Octokit } from '@octokit/rest';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import type { ScenarioName } from '../../../src/sim/scenarios';
import { startGitHubSim, type GitHubSim } from '../../../src/sim/github/index';

export const demoToken = 'ghp_demo0000000000000000000000000000000000';

export interface Harness extends GitHubSim {
  clock: ManualClock;
  faults: FaultInjector;
  requests: RequestLog;
  octokit(options?: { token?: string; enterprise?: boolean }): Octokit;
}

export async function startHarness(
  scenario: ScenarioName = 'demo',
  options: { seed?: number; scale?: number } = {},
): Promise<Harness> {
  const clock = new ManualClock();
  const faults = new FaultInjector(new Random(7));
  const requests = new RequestLog();
  const sim = await startGitHubSim({
    scenario,
    seed: options.seed ?? 1,
    scale: options.scale ?? 50,
    clock,
    faults,
    requests,
    port: 0,
  });
  return {
    ...sim,
    clock,
    faults,
    requests,
    octokit: ({ token = demoToken, enterprise = false } = {}) =>
      new Octokit({
        auth: token,
        baseUrl: enterprise ? sim.enterpriseUrl : sim.url,
        log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      }),
  };
}

/** What Octokit's RequestError carries, read without importing its (transitive) package. */
export interface OctokitFailure {
  status: number;
  message: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

/** Awaits a request that must fail and returns Octokit's error. */
export async function failure(promise: Promise<unknown>): Promise<OctokitFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && 'status' in error && typeof error.status === 'number') {
      const response = (
        error as { response?: { headers?: Record<string, string | number | undefined>; data?: unknown } }
      ).response;
      return { status: error.status, message: error.message, headers: response?.headers ?? {}, data: response?.data };
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}
