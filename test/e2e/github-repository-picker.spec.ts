// Choosing a GitHub repository to watch, on the demo workspace: open the
// picker from Home, search, add the result to a new project named after it,
// and find that project with the repository's tile.
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
});
test.afterAll(async () => {
  await app.stop();
});

test.use({ viewport: { width: 1280, height: 900 } });

test('opens from a project with that project as the target', async ({ page }) => {
  await page.goto(`${app.url}#/projects/mobile-backend`);
  await page.getByRole('button', { name: 'Add GitHub repository…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Watch GitHub repositories' });
  await dialog.getByRole('radio', { name: 'Owner' }).click();
  await dialog.getByRole('textbox', { name: 'Owner' }).fill('acme-rockets');
  const storefront = dialog.getByTestId('repository-choice-acme-rockets/storefront');
  await expect(storefront).toContainText(/In .*storefront/i);
  // A repository no project holds yet would join this one.
  const docs = dialog.getByTestId('repository-choice-acme-rockets/docs');
  await expect(docs.getByRole('combobox', { name: 'Add to' })).toHaveValue('mobile-backend');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('searches GitHub and adds a repository to a new project', async ({ page }) => {
  await page.goto(`${app.url}#/home`);
  await page.getByRole('button', { name: 'Watch GitHub repositories…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Watch GitHub repositories' });
  await expect(dialog).toBeVisible();

  // Mine first: the account's repositories, those already in a project say so.
  const mine = dialog.getByRole('list', { name: 'Repositories' });
  await expect(mine.getByTestId('repository-choice-acme-rockets/mobile-backend')).toContainText(/In .*mobile/i);
  await screenshot(page, 'github-repository-picker-mine');

  await dialog.getByRole('radio', { name: 'Search' }).click();
  const search = dialog.getByRole('searchbox', { name: 'Search' });
  await search.fill('docs');
  await search.press('Enter');
  const docs = dialog.getByTestId('repository-choice-acme-rockets/docs');
  await expect(docs).toBeVisible();
  await expect(dialog).toContainText('1 repository found');
  await expect(docs.getByRole('combobox', { name: 'Add to' })).toHaveValue('new');
  await expect(docs.getByRole('combobox', { name: 'Add to' })).toContainText('New project “docs”');
  await screenshot(page, 'github-repository-picker-search');

  // Keyboard: down from the search field to the result, Enter adds it.
  await search.press('ArrowDown');
  await expect(docs).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(docs).toContainText('In docs');
  await screenshot(page, 'github-repository-picker-added');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  const card = page.getByRole('list', { name: 'Projects' }).getByRole('link', { name: /docs/ });
  await expect(card).toBeVisible();
  await card.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('docs');
  await expect(page.getByTestId('github-repository-acme-rockets/docs')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Add GitHub repository…' })).toBeVisible();
  await screenshot(page, 'github-repository-picker-project');
});
