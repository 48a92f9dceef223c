// The command palette and the keyboard shortcuts sheet on the demo: opened
// from the keyboard and the sidebar, ranked results, Enter opens a project or
// runs a command (the theme), Escape gives focus back, "?" lists the keys;
// the open palette passes axe in the light and the dark theme.
import { expect, test, type Page } from '@playwright/test';
import { scan } from './axe';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
});
test.afterAll(async () => {
  await app.stop();
});

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const field = (page: Page) => page.getByRole('combobox', { name: /Search projects/ });
const options = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option');

async function openDemo(page: Page): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(3, {
    timeout: 20_000,
  });
}

/** The active option, as the combobox names it. */
async function activeOption(page: Page): Promise<string> {
  const id = await field(page).getAttribute('aria-activedescendant');
  expect(id).toBeTruthy();
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

test('finds a project and a pipeline, and opens their page', async ({ page }) => {
  const violations = await watchCsp(page);
  await openDemo(page);

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(field(page)).toBeFocused();
  await expect(field(page)).toHaveAttribute('aria-expanded', 'true');
  // An empty query lists commands and pages first.
  await expect(options(page).first()).toContainText('Command');

  await field(page).fill('pay');
  await expect(options(page).first()).toContainText('Payments API');
  await expect(options(page).first()).toContainText('Project');
  await expect(options(page).first().locator('mark')).toHaveText(['Pay']);
  expect(await activeOption(page)).toContain('Payments API');
  await screenshot(page, 'command-palette');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/projects\/payments-api$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/payments[- ]api/i);

  // A pipeline opens its own page; the arrows move the active result.
  await page.keyboard.press('Control+Shift+P');
  await field(page).fill('storefront-pipeline');
  await expect(options(page).first()).toContainText('storefront-pipeline');
  await expect(options(page).first()).toContainText('Pipeline');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  const count = await options(page).count();
  if (count > 1) {
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).not.toContain('storefront-pipelinePipeline');
    await page.keyboard.press('ArrowUp');
  }
  expect(await activeOption(page)).toContain('storefront-pipeline');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pipelines\/pipeline%3A[^/]+%3Astorefront-pipeline$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/storefront-pipeline/);

  await page.keyboard.press('Control+k');
  await field(page).fill('no such thing qqq');
  await expect(palette(page)).toContainText('No matches for “no such thing qqq”');
  await expect(field(page)).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.press('Escape');
  expect(await violations()).toEqual([]);
});

test('runs the theme commands, and Escape gives focus back', async ({ page }) => {
  const violations = await watchCsp(page);
  await openDemo(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');

  const search = page.getByRole('button', { name: /Search…/ });
  await expect(search).toContainText('Ctrl+K');
  await search.focus();
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeVisible();
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(search).toBeFocused();

  // Clicking outside closes it too.
  await page.keyboard.press('Control+k');
  await page.mouse.click(5, 795);
  await expect(palette(page)).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await field(page).fill('dark');
  await expect(options(page).first()).toContainText('Theme: dark');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(20, 23, 28)');

  await page.keyboard.press('Control+k');
  await field(page).fill('pipeline');
  await expect(options(page).first()).toBeVisible();
  await screenshot(page, 'command-palette-dark');
  await field(page).fill('theme system');
  await expect(options(page).first()).toContainText('Theme: match the system');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'system');
  expect(await violations()).toEqual([]);
});

test('"?" and the palette open the keyboard shortcuts sheet', async ({ page }) => {
  const violations = await watchCsp(page);
  await openDemo(page);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.keyboard.press('Shift+?');
  await expect(sheet).toBeVisible();
  for (const group of ['Anywhere', 'Pages', 'Command palette', 'Log viewer', 'Dialogs'])
    await expect(sheet.getByRole('heading', { name: group })).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Pages' })).toContainText('Go to Settings');
  await expect(sheet.locator('kbd').first()).toHaveText('Ctrl');
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  await screenshot(page, 'shortcuts-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // Typing "?" into a field is typing.
  await page.keyboard.press('Control+k');
  await field(page).fill('?');
  await expect(sheet).toHaveCount(0);
  await field(page).fill('keyboard');
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await expect(palette(page)).toHaveCount(0);
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);
  expect(await violations()).toEqual([]);
});

test('the open palette passes axe in light and dark', async ({ page }) => {
  await openDemo(page);
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(options(page).first()).toBeVisible();
  await scan(page, 'command-palette');
  // With results highlighted, and with none.
  await field(page).fill('store');
  await expect(options(page).first().locator('mark')).not.toHaveCount(0);
  await scan(page, 'command-palette-results');
  await field(page).fill('no such thing qqq');
  await expect(palette(page)).toContainText('No matches');
  await scan(page, 'command-palette-no-matches');
});
