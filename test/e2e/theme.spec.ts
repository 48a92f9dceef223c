// Switching the theme on the demo: light → dark → match the system from
// Settings' Theme control, then from the command palette; each choice sets
// data-theme on <html>, changes the page's computed background, is saved in
// the settings and survives a reload. "Match the system" follows the
// emulated colour scheme.
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../src/shared/model';
import { callApi, screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

// --bg in styles.css: the light and the dark theme.
const background = { light: 'rgb(246, 247, 249)', dark: 'rgb(20, 23, 28)' } as const;

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startDemo();
});
test.afterAll(async () => {
  await app.stop();
});
// Each test starts from the default, whatever the one before chose.
test.afterEach(async () => {
  await callApi(app, 'command/settings.update', { theme: 'system' });
});

const html = (page: Page) => page.locator('html');
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const savedTheme = async () => ((await callApi(app, 'query/settings.get')) as Settings).theme;

/** The Theme control wherever Settings puts it: a group (a fieldset or a radio group) named Theme. */
const themeControl = (page: Page) =>
  page.getByRole('group', { name: 'Theme' }).or(page.getByRole('radiogroup', { name: 'Theme' }));

/** data-theme, the background it paints and the saved setting all say `theme`. */
async function expectTheme(page: Page, theme: Settings['theme'], painted: keyof typeof background): Promise<void> {
  await expect(html(page)).toHaveAttribute('data-theme', theme);
  await expect.poll(() => pageBackground(page)).toBe(background[painted]);
  expect(await savedTheme()).toBe(theme);
}

test('Settings switches light → dark → match the system, and the choice survives a reload', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${app.url}#/settings`);
  const control = themeControl(page);
  await expect(control.getByRole('radio', { name: 'Match the system' })).toBeChecked();
  await expectTheme(page, 'system', 'light');

  await control.getByRole('radio', { name: 'Light', exact: true }).check();
  await expectTheme(page, 'light', 'light');
  // The system's dark scheme does not matter once a theme is chosen.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => pageBackground(page)).toBe(background.light);

  await control.getByRole('radio', { name: 'Dark', exact: true }).check();
  await expectTheme(page, 'dark', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => pageBackground(page)).toBe(background.dark);
  await screenshot(page, 'theme-settings-dark');

  await page.reload();
  await expect(themeControl(page).getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
  await expectTheme(page, 'dark', 'dark');

  await themeControl(page).getByRole('radio', { name: 'Match the system' }).check();
  await expectTheme(page, 'system', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => pageBackground(page)).toBe(background.dark);
  await page.reload();
  await expect(themeControl(page).getByRole('radio', { name: 'Match the system' })).toBeChecked();
  await expectTheme(page, 'system', 'dark');
  expect(await violations()).toEqual([]);
});

test('the command palette’s Theme commands switch it, and the choice survives a reload', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem').first()).toBeVisible({
    timeout: 20_000,
  });
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const field = page.getByRole('combobox', { name: /Search projects/ });
  const run = async (query: string, title: string): Promise<void> => {
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible();
    await field.fill(query);
    await expect(palette.getByRole('option').first()).toContainText(title);
    await page.keyboard.press('Enter');
    await expect(palette).toHaveCount(0);
  };

  await run('theme light', 'Theme: light');
  await expectTheme(page, 'light', 'light');
  await run('theme dark', 'Theme: dark');
  await expectTheme(page, 'dark', 'dark');
  await page.reload();
  await expectTheme(page, 'dark', 'dark');
  await screenshot(page, 'theme-palette-dark');

  await run('theme system', 'Theme: match the system');
  await expectTheme(page, 'system', 'light');
  await page.reload();
  await expectTheme(page, 'system', 'light');
  expect(await violations()).toEqual([]);
});
