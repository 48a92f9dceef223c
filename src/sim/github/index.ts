// The GitHub half of the simulator: a REST v3 server on loopback, served at
// the root (like https://api.github.com) and under /api/v3 (like GitHub
// Enterprise Server), built from a named scenario.
//
// Tokens: in `demo`, `empty`, `scale` and `faults` every token starting with
// `ghp_`, `github_pat_` or `gho_` signs in as `demo-dev` (the faults scenario
// revokes `ghp_revokedexample000000000000000000000`); `control.addToken`
// adds others; a device flow code authorized through the control issues a
// `gho_` (or, for the GitHub App client id, `ghu_`) token for the chosen user
// (routes/oauth.ts). Primary limit exhaustion answers 403 with
// `x-ratelimit-remaining: 0`; secondary limits answer 429 (or 403 when a rule
// asks for it) with `retry-after`. A 304 costs nothing; GET /rate_limit is free.
// Repository searches have a window of their own, 30 a minute per user (10
// without a token), answered 403 with `x-ratelimit-resource: search` once spent.
//
// Choices where GitHub's documentation is silent: a review by a user who may
// not approve (not a required reviewer, or self-review where it is prevented)
// answers 403; re-running a run that is not completed, or re-running failed
// jobs of a run without failures, answers 403; a 502 or a connection reset
// injected on a write happens after the change is made (the answer is lost).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimHalfOptions } from '../scenarios';
import { createControl, type GitHubSimControl } from './control';
import { PrimaryRateLimits, SecondaryRateLimits, authenticatedLimit } from './http/rate-limit';
import { Router } from './router';
import { actionRoutes } from './routes/actions';
import { deploymentRoutes } from './routes/deployments';
import { environmentRoutes } from './routes/environments';
import { pullRoutes } from './routes/pulls';
import { repoRoutes } from './routes/repos';
import { DeviceAuthorizations, type DeviceFlowOptions } from './routes/oauth';
import { userRoutes } from './routes/users';
import { buildScenario } from './scenarios';
import { createHandler, enterpriseBasePath } from './server';

export type { GitHubSimControl, RunSummary, StartRunOptions } from './control';
export type { RateLimitState, SecondaryLimitRule } from './http/rate-limit';
export { revokedToken } from './scenarios';
export { demoTokenPrefixes } from './scenarios/demo';
export { simAppClientId, simNoDeviceFlowClientId, simOAuthClientId } from './routes/oauth';

export type GitHubSimOptions = SimHalfOptions & {
  /** Poll interval and code lifetime of the OAuth device flow (GitHub: 5 s and 15 min). */
  deviceFlow?: DeviceFlowOptions;
};

export interface GitHubSim {
  /** The REST API root, like https://api.github.com. */
  url: string;
  /** The same API under a GitHub Enterprise Server base path (`${origin}/api/v3`). */
  enterpriseUrl: string;
  control: GitHubSimControl;
  close(): Promise<void>;
}

export const githubRoutes = [
  ...userRoutes,
  ...repoRoutes,
  ...pullRoutes,
  ...actionRoutes,
  ...deploymentRoutes,
  ...environmentRoutes,
];

export async function startGitHubSim(options: GitHubSimOptions): Promise<GitHubSim> {
  const scenario = buildScenario(options.scenario, options);
  const primary = new PrimaryRateLimits(options.clock);
  for (const [login, remaining] of scenario.remainingByLogin)
    primary.setRemaining(`user:${login}`, authenticatedLimit, remaining);
  const removeRules = scenario.faultRules.map((rule) => options.faults.add(rule));
  const secondary = new SecondaryRateLimits();
  const parts = {
    world: scenario.world,
    router: new Router(githubRoutes),
    faults: options.faults,
    requests: options.requests,
    primary,
    secondary,
    oauth: new DeviceAuthorizations(scenario.world, options.deviceFlow),
  };
  const server = createServer(createHandler(parts));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    enterpriseUrl: `${url}${enterpriseBasePath}`,
    control: createControl(scenario.world, primary, secondary, parts.oauth),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const remove of removeRules) remove();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
