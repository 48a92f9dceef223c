// Starts the built browser mode (node out/main/web.js) in a fresh data folder
// and hands its URL to the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Snapshot } from '../../src/shared/snapshot';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';

export interface RunningStarboard {
  url: string;
  port: number;
  home: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startBrowserMode(
  options: { home?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<RunningStarboard> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'starboard-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', '--port', '0', ...(options.args ?? [])], {
    env: { ...process.env, STARBOARD_HOME: home, STARBOARD_TOKEN: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const check = (): void => {
      const match = /Starboard is running at (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });

  return {
    url,
    port: Number(new URL(url).port),
    home,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.home) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Collects Content-Security-Policy violations; a test fails if any happen. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  // The README's pictures, when asked for: Home and a project's dashboard on the demo.
  const readme: Record<string, string> = {
    'home-demo': 'docs/screenshot.png',
    'project-dashboard-light': 'docs/dashboard.png',
  };
  const target = readme[name];
  if (process.env['STARBOARD_UPDATE_README_SCREENSHOT'] === '1' && target !== undefined) {
    await page.screenshot({ path: target });
  }
}

/** Calls browser mode's API from the test (not the page): `query/<name>` or `command/<name>`. */
export async function callApi(app: RunningStarboard, path: string, data: unknown = {}): Promise<unknown> {
  const response = await fetch(`${app.url}api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}

/**
 * What a test waits for in the demo's snapshot: its JSON text matched by a
 * pattern (or by every one of several), or a check of the snapshot itself.
 */
export type DemoReady = RegExp | readonly RegExp[] | ((snapshot: Snapshot) => boolean);

/**
 * Browser mode on the demo workspace, waited on until the snapshot holds what
 * `ready` looks for, with a refresh asked for once discovery has tied both of
 * the demo's GitHub repositories to their projects, so that idle-cadence reads
 * (pull requests, runs, environments) come soon.
 */
export async function startDemo(ready: DemoReady = /"kind":"pipeline"/, timeout = 30_000): Promise<RunningStarboard> {
  const app = await startBrowserMode({ args: ['--demo'] });
  const deadline = Date.now() + timeout;
  const until = async (check: () => Promise<boolean>, what: string): Promise<void> => {
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`the demo did not get ${what} in time:\n${app.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const repositories = [demoAws.storefront.fullRepositoryId, demoAws.mobileBackend.githubRepository];
  await until(async () => {
    const text = JSON.stringify(await callApi(app, 'query/projects.list'));
    return repositories.every((repository) => text.includes(`"${repository}"`));
  }, 'its projects');
  await callApi(app, 'command/refresh.now');
  const holds =
    typeof ready === 'function'
      ? ready
      : (snapshot: Snapshot): boolean => {
          const text = JSON.stringify(snapshot);
          return (ready instanceof RegExp ? [ready] : ready).every((pattern) => pattern.test(text));
        };
  const what = typeof ready === 'function' ? 'what the test waits for' : String(ready);
  await until(async () => holds((await callApi(app, 'query/snapshot.get')) as Snapshot), what);
  return app;
}
