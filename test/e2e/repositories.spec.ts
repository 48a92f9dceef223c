// The Repositories pages on the demo workspace: CodeCommit's payments-api and
// GitHub's storefront and mobile backend in one list (checked against the
// snapshot the hub serves), the filter, keyboard movement through the rows,
// each provider's repository page (pull requests, branches with the pipelines
// that build them, commits, workflow runs), untrusted text kept inert, and an
// axe scan and screenshots in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Snapshot, SnapshotResource } from '../../src/shared/snapshot';
import { pipelineHref, repositoryHref, runHref } from '../../src/renderer/src/route-paths';
import { callApi, screenshot, startDemo, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
let snapshot: Snapshot;

const repositories = (s: Snapshot) =>
  Object.values(s.resources).filter((r) => r.kind === 'repository' || r.kind === 'github-repository');
const codecommit = (s: Snapshot) =>
  Object.values(s.resources).find((r): r is SnapshotResource<'repository'> => r.kind === 'repository');
const storefront = (s: Snapshot) =>
  Object.values(s.resources).find(
    (r): r is SnapshotResource<'github-repository'> =>
      r.kind === 'github-repository' && r.data.fullName === 'acme-rockets/storefront',
  );

test.beforeAll(async () => {
  // Wait for the CodeCommit repository with its pull requests, the storefront's pull requests and workflow runs,
  // and the pipelines' definitions (their source actions name the branches they build).
  app = await startDemo(
    /^(?=[\s\S]*"kind":"repository")(?=[\s\S]*"sourceBranch")(?=[\s\S]*"headRef")(?=[\s\S]*"runNumber")(?=[\s\S]*"BranchName")/,
  );
  snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
});

test.afterAll(async () => {
  await app.stop();
});

test.use({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });

async function bothThemes(page: Page, name: string): Promise<void> {
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page, `${name}-${theme}`);
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .withTags(['wcag2a', 'wcag2aa', 'best-practice'])
      .analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        problems.push(`[${theme}] ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(problems).toEqual([]);
}

async function openList(page: Page): Promise<void> {
  await page.goto(`${app.url}#/repositories`);
  await expect(page.getByRole('heading', { level: 1, name: 'Repositories' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Repositories' })).toBeVisible();
}

test('lists every CodeCommit and GitHub repository the snapshot holds, with its newest commit and pull requests', async ({
  page,
}) => {
  await openList(page);
  const list = page.getByRole('list', { name: 'Repositories' });
  const expected = repositories(snapshot);
  await expect(list.getByRole('listitem')).toHaveCount(expected.length);

  const payments = codecommit(snapshot);
  expect(payments).toBeDefined();
  if (!payments) return;
  const paymentsRow = page.getByTestId(`repository-row-${payments.data.repository}`);
  await expect(paymentsRow).toContainText('CodeCommit');
  await expect(paymentsRow).toContainText('Payments API');
  const head = payments.data.heads.find((h) => h.branch === payments.data.defaultBranch);
  await expect(paymentsRow.locator('code.repo-sha')).toHaveText(head?.commitId.slice(0, 7) ?? 'missing');
  const open = payments.data.pullRequests.filter((pr) => pr.status === 'OPEN').length;
  await expect(paymentsRow).toContainText(`${open} open pull request`);

  const shop = storefront(snapshot);
  if (!shop) throw new Error('the demo has no storefront repository');
  const shopRow = page.getByTestId('repository-row-acme-rockets/storefront');
  await expect(shopRow).toContainText('GitHub');
  await expect(shopRow).toContainText(`${shop.data.pulls.length} open pull request`);
  await expect(shopRow.locator('code.repo-sha')).toHaveText(shop.data.commits[0]?.sha.slice(0, 7) ?? 'missing');
  const failing = shop.data.pulls.filter((pr) => pr.checks?.state === 'failure').length;
  if (failing > 0) await expect(shopRow).toContainText(`Checks failed on ${failing}`);
  await expect(shopRow.getByRole('link', { name: /acme-rockets\/storefront/ })).toHaveAttribute(
    'href',
    repositoryHref(shop.id),
  );
  await bothThemes(page, 'repositories');
});

test('filters by words and by provider, and says when nothing matches', async ({ page }) => {
  await openList(page);
  const list = page.getByRole('list', { name: 'Repositories' });
  const filter = page.getByRole('searchbox', { name: 'Filter repositories' });
  await filter.fill('payments');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('payments-api');

  await filter.fill('');
  await page.getByRole('radio', { name: /GitHub/ }).check({ force: true });
  const github = repositories(snapshot).filter((r) => r.kind === 'github-repository').length;
  await expect(list.getByRole('listitem')).toHaveCount(github);
  await expect(list).not.toContainText('payments-api');

  await filter.fill('payments');
  await expect(page.getByRole('heading', { name: 'No repository matches' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(repositories(snapshot).length);
  await expect(filter).toBeFocused();
});

test('moves through the rows with the arrow keys and opens one with Enter', async ({ page }) => {
  await openList(page);
  const filter = page.getByRole('searchbox', { name: 'Filter repositories' });
  await filter.focus();
  const names = page.locator('a.repo-row-name');
  await page.keyboard.press('ArrowDown');
  await expect(names.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(names.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(names.last()).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await expect(filter).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await names.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${second?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('link', { name: 'Repositories' }).first()).toBeVisible();
});

test('a CodeCommit repository: pull requests, branches with the pipeline that builds main, commits', async ({
  page,
}) => {
  const repo = codecommit(snapshot);
  if (!repo) throw new Error('the demo has no CodeCommit repository');
  await page.goto(`${app.url}${repositoryHref(repo.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: repo.data.repository })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveAttribute(
    'href',
    '#/repositories',
  );
  await expect(page.getByRole('link', { name: 'Open in AWS console' })).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('button', { name: 'Copy ARN' })).toBeVisible();

  const open = repo.data.pullRequests.filter((pr) => pr.status === 'OPEN' && !pr.merge.isMerged);
  const pulls = page.getByRole('list', { name: `Open pull requests of ${repo.data.repository}` });
  await expect(pulls.getByRole('listitem')).toHaveCount(open.length);
  for (const pr of open) await expect(pulls).toContainText(pr.title);

  const names = new Set([repo.data.defaultBranch, ...repo.data.heads.map((h) => h.branch), ...repo.data.branches]);
  names.delete(undefined);
  const branches = page.getByTestId('repo-branches');
  await expect(branches.getByRole('row')).toHaveCount(names.size + 1);
  const pipeline = Object.values(snapshot.resources).find(
    (r): r is SnapshotResource<'pipeline'> =>
      r.kind === 'pipeline' &&
      (r.data.state?.stages ?? []).some((s) =>
        s.actions.some((a) => a.configuration['RepositoryName'] === repo.data.repository),
      ),
  );
  if (pipeline) {
    const main = branches.getByTestId(`branch-${repo.data.defaultBranch ?? 'main'}`);
    await expect(main.getByRole('link', { name: pipeline.data.summary.name })).toHaveAttribute(
      'href',
      pipelineHref(pipeline.id),
    );
  }
  const commits = page.getByRole('list', { name: 'Recent commits' });
  await expect(commits.getByRole('listitem')).toHaveCount(repo.data.recentCommits.length);
  await expect(commits.getByRole('button', { name: 'Copy SHA' })).toHaveCount(repo.data.recentCommits.length);
  await bothThemes(page, 'repository-codecommit');
});

test('a GitHub repository: reviews and checks in words, branches, runs linked to their pages', async ({ page }) => {
  const repo = storefront(snapshot);
  if (!repo) throw new Error('the demo has no storefront repository');
  await page.goto(`${app.url}${repositoryHref(repo.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'acme-rockets/storefront' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open on GitHub' })).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('button', { name: 'Copy clone URL' })).toBeVisible();

  const pulls = page.getByRole('list', { name: 'Open pull requests of acme-rockets/storefront' });
  await expect(pulls.getByRole('listitem')).toHaveCount(repo.data.pulls.length);
  for (const pr of repo.data.pulls) {
    const row = pulls.getByTestId(`pull-request-${pr.number}`);
    await expect(row).toContainText(pr.title);
    await expect(row).toContainText(`${pr.headRef} → ${pr.baseRef}`);
    if (pr.review === 'approved') await expect(row).toContainText('Approved');
    if (pr.checks?.state === 'failure') await expect(row).toContainText(/checks? failed/);
  }

  const branches = page.getByTestId('repo-branches');
  const main = branches.getByTestId(`branch-${repo.data.repository?.defaultBranch ?? 'main'}`);
  await expect(main).toContainText('default');
  await expect(main.getByRole('link', { name: 'storefront-pipeline' })).toBeVisible();

  const runs = page.getByRole('list', { name: 'Latest workflow runs of acme-rockets/storefront' });
  const first = repo.data.runs[0];
  if (!first) throw new Error('the storefront has no runs');
  await expect(runs.getByRole('link', { name: `${first.name} #${first.runNumber}` })).toHaveAttribute(
    'href',
    runHref({ accountKey: repo.data.accountKey, repository: repo.data.fullName, runId: first.id }),
  );
  await bothThemes(page, 'repository-github');
});

test('untrusted titles and commit messages stay text', async ({ page }) => {
  const repo = storefront(snapshot);
  if (!repo) throw new Error('the demo has no storefront repository');
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.route('**/api/query/snapshot.get', async (route) => {
    try {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value: Snapshot };
      const copy = body.value.resources[repo.id] as SnapshotResource<'github-repository'>;
      if (copy.data.pulls[0]) copy.data.pulls[0].title = hostile;
      if (copy.data.commits[0]) copy.data.commits[0].subject = hostile;
      await route.fulfill({ response, json: body });
    } catch {
      // The page gave up on this request (a newer read replaced it): the next read is rewritten instead.
    }
  });
  await page.goto(`${app.url}${repositoryHref(repo.id)}`);
  await expect(page.getByTestId('repo-pulls')).toContainText(hostile);
  await expect(page.getByTestId('repo-commits')).toContainText(hostile);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an unknown repository says so and links back', async ({ page }) => {
  await page.goto(`${app.url}${repositoryHref('repository:nobody:eu-west-1:gone')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Repository not found' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Back to Repositories' })).toBeVisible();
});

test('the project page’s repository tile links each repository to its page', async ({ page }) => {
  const repo = codecommit(snapshot);
  const shop = storefront(snapshot);
  if (!repo || !shop) throw new Error('the demo lacks its repositories');
  await page.goto(`${app.url}#/projects/storefront`);
  const tile = page.getByTestId('github-repository-acme-rockets/storefront');
  await expect(tile.getByRole('link', { name: 'acme-rockets/storefront', exact: true })).toHaveAttribute(
    'href',
    repositoryHref(shop.id),
  );
  await expect(tile.getByRole('listitem')).toHaveCount(shop.data.pulls.length);
  await tile.screenshot({ path: 'test-results/screenshots/repositories-tile-github.png' });
  await page.goto(`${app.url}#/projects/payments-api`);
  const block = page.getByTestId(`repository-${repo.data.repository}`);
  await block.getByRole('link', { name: repo.data.repository, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${repositoryHref(repo.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { level: 1, name: repo.data.repository })).toBeVisible();
});

test('over 200 repositories the list is virtualized and the keys still reach every row', async ({ page }) => {
  const repo = codecommit(snapshot);
  if (!repo) throw new Error('the demo has no CodeCommit repository');
  const many = 260;
  await page.route('**/api/query/snapshot.get', async (route) => {
    try {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value: Snapshot };
      for (let i = 0; i < many; i++) {
        const name = `bulk-${String(i).padStart(3, '0')}`;
        const id = `repository:bulk:eu-west-1:${name}`;
        body.value.resources[id] = { ...repo, id, data: { ...repo.data, repository: name } };
      }
      await route.fulfill({ response, json: body });
    } catch {
      // A read the page gave up on: the next one is rewritten instead.
    }
  });
  await openList(page);
  const total = repositories(snapshot).length + many;
  await expect(page.getByText(`${total} repositories`)).toBeVisible();
  const rendered = await page.getByRole('list', { name: 'Repositories' }).getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(total);

  await page.getByRole('searchbox', { name: 'Filter repositories' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  // Names sort case-insensitively: payments-api comes after every bulk-NNN.
  await expect(page.locator('a.repo-row-name:focus')).toHaveText('payments-api');
  await page.keyboard.press('Home');
  await expect(page.locator('a.repo-row-name:focus')).toHaveText(/acme-rockets\/mobile-backend/);
});
