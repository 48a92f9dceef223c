// The GitHub account layer the hub uses: which API a host means, who a token
// signs in as, and tokens from the environment or the GitHub CLI. Built with
// the process environment by each entry point, with a bare one by tests.
import type { GitHubIdentity } from '../../../shared/github';
import type { Result } from '../../../shared/result';
import { githubDotComApi, resolveApiBaseUrl } from '../github/base-url';
import { checkToken } from '../github/identity';
import type { DeviceFlowIo } from './device-flow';
import { environmentToken, tokenVariablesSet } from './environment';
import { findGh, ghAuthToken, ghHostname } from './gh-cli';

type Env = Readonly<Record<string, string | undefined>>;

export interface GitHubAuth {
  /** The API base URL for what the user typed (github.com, a GHES host or URL), or why it is refused. */
  apiBaseUrl(host: string): Result<string>;
  /** GET /user with the token, which is used for this request only. */
  check(apiBaseUrl: string, token: string): Promise<Result<GitHubIdentity>>;
  /** A token for this API from the environment, with the variable it came from. */
  environment(apiBaseUrl: string): { token: string; variable: string } | undefined;
  /** `gh auth token` for this API's host. */
  ghCli(apiBaseUrl: string): Promise<Result<string>>;
  /** What the add form may offer: gh on PATH, and which token variables are set (names only). */
  available(): { ghCli: boolean; environmentVariables: string[] };
  /** Clock, timers and fetch for the OAuth device flow (tests); the real ones when absent. */
  deviceFlowIo?: Partial<DeviceFlowIo>;
}

export interface GitHubAuthOptions {
  env: Env;
  platform?: NodeJS.Platform;
  ghTimeoutMs?: number;
  /** Give up on GET /user after this long (default 15 s). */
  checkTimeoutMs?: number;
}

export function createGitHubAuth(options: GitHubAuthOptions): GitHubAuth {
  const { env, platform } = options;
  return {
    apiBaseUrl: (host) => resolveApiBaseUrl(host),
    check: (apiBaseUrl, token) => checkToken(apiBaseUrl, token, { timeoutMs: options.checkTimeoutMs ?? 15_000 }),
    environment: (apiBaseUrl) => environmentToken(env, apiBaseUrl !== githubDotComApi),
    ghCli: (apiBaseUrl) =>
      ghAuthToken(ghHostname(apiBaseUrl), {
        env,
        ...(platform ? { platform } : {}),
        ...(options.ghTimeoutMs !== undefined ? { timeoutMs: options.ghTimeoutMs } : {}),
      }),
    available: () => ({ ghCli: findGh(env, platform) !== undefined, environmentVariables: tokenVariablesSet(env) }),
  };
}
