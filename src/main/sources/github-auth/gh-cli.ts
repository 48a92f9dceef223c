// Importing a token from the GitHub CLI: `gh auth token --hostname HOST`, run
// without a shell, only when gh is on PATH, and stopped after a few seconds.
// The token is returned to the caller and nowhere else: not logged, not in an
// error (gh's own output is never quoted back).
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { githubTokenTextSchema } from '../../../shared/github-accounts';
import { fail, ok, type Result } from '../../../shared/result';

type Env = Readonly<Record<string, string | undefined>>;

export interface GhOptions {
  env: Env;
  platform?: NodeJS.Platform;
  /** Stop gh after this long (default 5 s). */
  timeoutMs?: number;
}

export const ghTimeoutMs = 5_000;
const hostPattern = /^[a-z0-9][a-z0-9.-]*(:\d{1,5})?$/i;

/** The gh executable on PATH (absolute folders only, so never one from the working folder). */
export function findGh(env: Env, platform: NodeJS.Platform = process.platform): string | undefined {
  const path = env['PATH'] ?? env['Path'] ?? '';
  const name = platform === 'win32' ? 'gh.exe' : 'gh';
  for (const dir of path.split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      if (platform !== 'win32') accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there, or not executable: try the next folder.
    }
  }
  return undefined;
}

/** The host name gh knows an account by: github.com, or the Enterprise Server's host (and port). */
export function ghHostname(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  return url.hostname === 'api.github.com' ? 'github.com' : url.host;
}

/** Asks gh for its token for `hostname`; a readable failure when gh is missing, signed out or hangs. */
export function ghAuthToken(hostname: string, options: GhOptions): Promise<Result<string>> {
  if (!hostPattern.test(hostname)) return Promise.resolve(fail('invalid-input', 'That is not a host name gh knows.'));
  const gh = findGh(options.env, options.platform);
  if (!gh) {
    return Promise.resolve(
      fail('not-found', 'The GitHub CLI (gh) is not installed, or not on the PATH Starboard was started with.'),
    );
  }
  const timeoutMs = options.timeoutMs ?? ghTimeoutMs;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Result<string>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = execFile(
      gh,
      ['auth', 'token', '--hostname', hostname],
      {
        env: { ...options.env, GH_PROMPT_DISABLED: '1', GH_NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024,
        windowsHide: true,
      },
      (error, stdout) => {
        if (error) {
          const exit = typeof error.code === 'number' ? `exited with ${error.code}` : 'could not run';
          settle(
            fail(
              'credentials-expired',
              `The GitHub CLI is not signed in to ${hostname} (gh ${exit}). Run "gh auth login --hostname ${hostname}", then try again.`,
            ),
          );
          return;
        }
        const token = githubTokenTextSchema.safeParse(stdout);
        settle(
          token.success
            ? ok(token.data)
            : fail('internal', `gh auth token printed something that is not a GitHub token for ${hostname}.`),
        );
      },
    );
    // Our own timer rather than execFile's: a gh that hangs is killed and the answer does not wait for its pipes.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      settle(fail('internal', `The GitHub CLI did not answer within ${timeoutMs / 1000} s; it was stopped.`));
    }, timeoutMs);
  });
}
