// Secrets never leak (issue 11): canary AWS keys (in a profile of the shared
// credentials file, and in the environment) and a canary GitHub token are the
// real credentials of a whole browser-mode run against the simulator. The
// window walks every page; afterwards no file in the data folder, no line the
// server logged, no answer or event that reached the page, no page text and
// no console message holds any of them. The simulator proves they were used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoWorkspace } from '../../src/main/demo-workspace';
import { pages } from '../../src/shared/route-paths';
import { callApi, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

const canary = {
  profileKeyId: 'AKIACANARYPROFILE777',
  profileSecret: 'CanaryProfileSecret/0123456789abcdefGHIJ',
  envKeyId: 'AKIACANARYENVIRON777',
  envSecret: 'CanaryEnvironSecret/0123456789abcdefGHIJ',
  envSession: 'CanarySessionToken0123456789abcdefghijklmnop',
  githubToken: 'ghp_CanaryToken0123456789abcdefghijklmn',
};
const secrets = Object.values(canary);
/** Parts long enough to mean a leak even when cut or re-encoded. */
const fragments = secrets.flatMap((s) => [s, s.slice(4, 24), Buffer.from(s).toString('base64').slice(0, 24)]);

let sim: RunningSimulator;
let app: RunningStarboard;
let home: string;
let awsDir: string;
let accountKeys: { aws: string; github: string };

test.setTimeout(120_000);

test.beforeAll(async () => {
  sim = await startSimulatorProcess('demo');
  home = mkdtempSync(join(tmpdir(), 'starboard-canary-'));
  awsDir = mkdtempSync(join(tmpdir(), 'starboard-canary-aws-'));
  writeFileSync(
    join(awsDir, 'credentials'),
    `[canary]\naws_access_key_id = ${canary.profileKeyId}\naws_secret_access_key = ${canary.profileSecret}\n`,
  );
  writeFileSync(join(awsDir, 'config'), '[profile canary]\nregion = us-east-1\n');
  // The demo's projects, with its accounts signing in by the canaries: a named profile (an emulator
  // account without one would sign with placeholders) and a token from the environment.
  const demo = demoWorkspace({ aws: sim.awsEndpoint, github: sim.githubApiUrl });
  const workspace = {
    ...demo,
    awsAccounts: demo.awsAccounts.map((account) => ({ ...account, profile: 'canary' })),
    githubAccounts: demo.githubAccounts.map((account) => ({ ...account, tokenSource: 'environment' })),
  };
  const [awsKey = '', githubKey = ''] = [workspace.awsAccounts[0]?.id, workspace.githubAccounts[0]?.id];
  accountKeys = { aws: awsKey, github: githubKey };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
  app = await startBrowserMode({
    home,
    env: {
      AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
      AWS_CONFIG_FILE: join(awsDir, 'config'),
      AWS_ACCESS_KEY_ID: canary.envKeyId,
      AWS_SECRET_ACCESS_KEY: canary.envSecret,
      AWS_SESSION_TOKEN: canary.envSession,
      GITHUB_TOKEN: canary.githubToken,
    },
  });
  // Both providers answered with the canaries: pipelines from AWS, a repository from GitHub.
  await expect
    .poll(async () => JSON.stringify(await callApi(app, 'query/snapshot.get')), { timeout: 60_000 })
    .toMatch(/"kind":"pipeline"[\s\S]*"kind":"github-repository"|"kind":"github-repository"[\s\S]*"kind":"pipeline"/);
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(awsDir, { recursive: true, force: true });
});

function leaksIn(text: string): string[] {
  return fragments.filter((fragment) => text.includes(fragment));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no canary credential reaches the page, the logs or the data folder', async ({ page }) => {
  const seen: string[] = [];
  page.on('console', (message) => seen.push(message.text()));
  page.on('response', (response) => {
    // The event stream never ends; its events are read from the page's own copy below.
    if (!response.url().includes('/api/events'))
      void response.text().then(
        (body) => seen.push(body),
        () => undefined,
      );
  });
  const violations = await watchCsp(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Every page of the sidebar, then a refresh, Diagnostics' report and the accounts' checks.
  for (const { id } of pages) {
    await page.goto(`${app.url}#/${id}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    seen.push(await page.content());
  }
  for (const [path, data] of [
    ['command/refresh.now', {}],
    ['command/aws.accounts.check', { accountKey: accountKeys.aws }],
    ['command/github.accounts.check', { accountKey: accountKeys.github }],
    ['query/diagnostics.get', {}],
    ['query/aws.accounts', {}],
    ['query/github.accounts', {}],
    ['query/workspace.get', {}],
    ['query/activity.recent', {}],
  ] as const) {
    seen.push(JSON.stringify(await callApi(app, path, data).catch((error: unknown) => String(error))));
  }
  await page.goto(`${app.url}#/settings`);
  seen.push(await page.content());

  // The simulator saw signed calls and token-authenticated requests: the canaries were in use.
  const used = (await (await fetch(`${sim.awsEndpoint}/_sim/requests`)).json()) as Record<string, number>;
  expect(Object.keys(used).some((op) => op.startsWith('codepipeline.'))).toBe(true);
  expect(Object.keys(used).some((op) => op.startsWith('github.'))).toBe(true);

  expect(leaksIn(seen.join('\n'))).toEqual([]);
  expect(leaksIn(app.output())).toEqual([]);
  for (const file of filesUnder(home))
    expect({ file, leaks: leaksIn(readFileSync(file, 'latin1')) }).toEqual({ file, leaks: [] });
  expect(await violations()).toEqual([]);
});
