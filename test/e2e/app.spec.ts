// The whole app in Chromium through browser mode.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode();
});
test.afterAll(async () => {
  await app.stop();
});

test('loads with the token and shows every page', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page.getByTestId('empty-workspace')).toContainText('No accounts connected yet');
  await expect(page.getByTestId('connection')).toHaveText('Connected');
  await expect(page.locator('.status-bar')).toContainText('browser mode');
  await screenshot(page, 'home');

  await page.getByRole('link', { name: 'Approvals' }).click();
  await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing is waiting for you')).toBeVisible();
  await screenshot(page, 'approvals');

  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(app.home)).toBeVisible();
  await screenshot(page, 'settings');
  expect(await violations()).toEqual([]);
});

test('a settings change is saved by the hub and survives a reload', async ({ page }) => {
  await page.goto(`${app.url}#/settings`);
  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'settings-dark');
  await page.reload();
  await expect(page.getByLabel('Dark')).toBeChecked();
  await page.getByLabel('Match the system').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
});

test('a change made elsewhere reaches an open page through events', async ({ page, request }) => {
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByLabel('Match the system')).toBeChecked();
  const response = await request.post(`${app.url}api/command/settings.update`, { data: { theme: 'light' } });
  expect(await response.json()).toMatchObject({ ok: true, value: { theme: 'light', refreshCadence: 'normal' } });
  await expect(page.getByLabel('Light')).toBeChecked();
  await request.post(`${app.url}api/command/settings.update`, { data: { theme: 'system' } });
});

test('is refused without the token, from a foreign Host and from a foreign Origin', async ({ page, request }) => {
  const origin = `http://127.0.0.1:${app.port}`;
  const bare = await page.goto(`${origin}/`);
  expect(bare?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Open Starboard with the link it printed');
  await expect(page.locator('#root')).toHaveCount(0);
  await screenshot(page, 'refused-without-token');

  const wrong = await page.goto(`${origin}/not-the-token/`);
  expect(wrong?.status()).toBe(401);

  const rebound = await request.get(app.url, { headers: { Host: `attacker.example:${app.port}` } });
  expect(rebound.status()).toBe(403);

  const foreign = await request.post(`${app.url}api/command/settings.update`, {
    data: { theme: 'dark' },
    headers: { Origin: 'http://attacker.example' },
  });
  expect(foreign.status()).toBe(403);
});

test('malformed commands from the page get typed errors and the hub keeps answering', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  const answers = await page.evaluate(async () => {
    const send = async (name: string, body: string) => {
      const response = await fetch(`api/command/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } };
    };
    return [
      await send('settings.update', '{"theme": 42}'),
      await send('settings.update', '{"theme": "dark", "extra": true}'),
      await send('launchMissiles', '{}'),
      await send(
        'approvals.decide',
        JSON.stringify({ requestId: 'x', approvalId: '../x', decision: 'approve', comment: '' }),
      ),
      await send('settings.update', JSON.stringify({ theme: 'x'.repeat(300 * 1024) })),
    ];
  });
  expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
    [400, 'invalid-input'],
    [400, 'invalid-input'],
    [404, 'unknown-message'],
    [400, 'invalid-input'],
    [413, 'payload-too-large'],
  ]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
});

test('a broken settings file is kept aside and reported in the window', async ({ page }) => {
  const broken = await startBrowserMode();
  await broken.stop();
  const home = broken.home;
  const restarted = await (async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'config.json'), '{ "version": 1, "settings": { "theme": ');
    return startBrowserMode({ home });
  })();
  try {
    await page.goto(restarted.url);
    await expect(page.getByRole('alert')).toContainText('Your settings file could not be read');
    await expect(page.getByRole('alert')).toContainText('config.invalid-');
    await screenshot(page, 'settings-file-kept-aside');
  } finally {
    await restarted.stop();
  }
});
