// Starts the built browser mode (node out/main/web.js) in a fresh data folder
// and hands its URL to the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

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
 * Browser mode on the demo workspace, waited on until the snapshot holds what
 * `ready` looks for (its JSON text matched by a pattern), with a refresh
 * asked for once the projects are discovered so that idle-cadence reads come soon.
 */
export async function startDemo(ready: RegExp = /"kind":"pipeline"/, timeout = 30_000): Promise<RunningStarboard> {
  const app = await startBrowserMode({ args: ['--demo'] });
  const deadline = Date.now() + timeout;
  const until = async (check: () => Promise<boolean>, what: string): Promise<void> => {
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`the demo did not get ${what} in time:\n${app.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  await until(
    async () => JSON.stringify(await callApi(app, 'query/projects.list')).includes('"projects":[{'),
    'projects',
  );
  await callApi(app, 'command/refresh.now');
  await until(async () => ready.test(JSON.stringify(await callApi(app, 'query/snapshot.get'))), String(ready));
  return app;
}
