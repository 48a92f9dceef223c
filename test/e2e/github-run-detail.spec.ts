// A workflow run's page and a job's log: from a failed run in the Actions
// tile to its jobs and steps, then to the failed job's log (search, jump to
// the first error). A synthetic 100,000-line log, served in place of the
// hub's answer, checks that the viewer renders only the rows in view, that
// escapes are styled or stripped but never interpreted, and the error messages.
import { expect, test, type Page } from '@playwright/test';
import { screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startDemo(/"conclusion":"failure"/);
});

test.afterAll(async () => {
  await app.stop();
});

/** Serves `value` (or an error) as the answer to the next github.jobs.log queries. */
async function answerLog(page: Page, body: unknown): Promise<void> {
  await page.route('**/api/query/github.jobs.log', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
  );
}

test('opens a failed run from the Actions tile, its jobs and steps, then the failed job’s log', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto(`${app.url}#/projects/storefront`);
  const actions = page.getByRole('region', { name: 'Actions' });
  const failed = actions
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Re-run the failed jobs of / }) })
    .first();
  await expect(failed).toBeVisible();
  await failed.getByRole('link', { name: /^Jobs and logs of / }).click();
  await expect(page).toHaveURL(/#\/github\/[^/]+\/acme-rockets\/[^/]+\/runs\/\d+$/);

  await expect(page.getByRole('heading', { level: 1 })).toContainText(/#\d+/);
  await expect(page.getByRole('link', { name: 'Open on GitHub' })).toHaveAttribute('href', /\/actions\/runs\/\d+$/);
  await expect(page.getByRole('button', { name: /^Re-run the failed jobs of / })).toBeVisible();
  const jobs = page.getByRole('list', { name: 'Jobs' });
  await expect(jobs.getByRole('listitem').first()).toBeVisible();
  // The failed job is open by default, its failed step marked.
  const failedJob = jobs.locator('.job-failed').first();
  await expect(failedJob.getByRole('list', { name: /^Steps of / })).toBeVisible();
  await expect(failedJob.locator('.step-failed')).not.toHaveCount(0);
  await expect(failedJob.locator('.step .gantt-bar').first()).toBeVisible();
  await screenshot(page, 'github-run-detail');

  await failedJob.getByRole('link', { name: /^View the log of / }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+\/log\?run=\d+$/);
  const log = page.getByRole('region', { name: /^Log of / });
  await expect(log.locator('.log-row').first()).toBeVisible();
  await expect(log.locator('.log-error')).not.toHaveCount(0);
  // The demo's lint output is coloured: eslint's red "error", npm's [command] line.
  await expect(log.locator('.ansi-fg-1', { hasText: 'error' }).first()).toBeVisible();
  await expect(log.locator('.log-command').first()).toBeVisible();

  await page.getByRole('button', { name: 'Jump to first error' }).click();
  await expect(log.locator('.log-row-selected.log-error')).toBeVisible();

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search the log' })).toBeFocused();
  await page.keyboard.type('run');
  const count = page.getByTestId('log-match-count');
  await expect(count).toHaveText(/^1 of \d+$/);
  // The search runs on a deferred copy of the field: wait until it has caught up with the whole word.
  await expect(log.locator('.log-match-current')).toHaveText(/^run$/i);
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(/^2 of \d+$/);
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(/^1 of \d+$/);
  await expect(log.locator('.log-match-current')).toHaveCount(1);
  await screenshot(page, 'github-job-log');

  // A line's number links to it: the address names the line and the row is marked.
  await log.getByRole('link', { name: 'Line 4: copy a link' }).click();
  await expect(page).toHaveURL(/\/log\?line=4&run=\d+$/);
  await expect(log.locator('[data-line="4"].log-row-selected')).toBeVisible();
  expect(await csp()).toEqual([]);
});

test('a 100,000-line log renders only the rows in view, with colours and without any escape interpreted', async ({
  page,
}) => {
  const lines: string[] = [];
  for (let i = 1; i <= 100_000; i++) {
    const stamp = `2026-03-01T10:${String(Math.floor(i / 6000) % 60).padStart(2, '0')}:00.0000000Z`;
    if (i % 1000 === 1) lines.push(`${stamp} ##[group]Run step ${i}`);
    else if (i % 1000 === 0) lines.push(`${stamp} ##[endgroup]`);
    else lines.push(`${stamp} \u001b[32mok\u001b[0m test ${i} \u001b[1;38;5;208mbold orange\u001b[0m`);
  }
  lines[99_990] =
    '2026-03-01T11:00:00.0000000Z <script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
  lines[99_991] =
    '2026-03-01T11:00:00.0000000Z \u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007 \u001b]52;c;ZXZpbA==\u0007clip \u001b[2J\u001b[Hcursor \u001b[38;2;255;0;128mtruecolor\u001b[0m';
  lines[99_992] = '2026-03-01T11:00:00.0000000Z ##[error]Process completed with exit code 1.';
  lines[99_993] = `2026-03-01T11:00:00.0000000Z ${'a long line that wraps '.repeat(40)}`;
  await answerLog(page, {
    ok: true,
    value: {
      jobId: 42,
      text: `${lines.join('\n')}\n`,
      truncatedBytes: 3 * 1024 * 1024,
      fetchedAt: new Date().toISOString(),
    },
  });
  await page.goto(`${app.url}#/github/demo/acme-rockets/storefront/jobs/42/log`);
  const log = page.getByRole('region', { name: 'Log of Job 42' });
  await expect(log.locator('.log-row').first()).toBeVisible();
  await expect(page.getByText('The first 3.0 MB were cut; this is the end of the log.')).toBeVisible();
  expect(await log.locator('.log-row').count()).toBeLessThan(200);

  await page.getByRole('button', { name: 'Jump to first error' }).click();
  const error = log.locator('[data-line="99993"]');
  await expect(error).toBeVisible();
  expect(await log.locator('.log-row').count()).toBeLessThan(200);
  const script = log.locator('[data-line="99991"]');
  await expect(script).toContainText('<script>window.__pwned = 1</script><img src=x');
  expect(await log.locator('script, img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const escapes = log.locator('[data-line="99992"] .log-text');
  await expect(escapes).toHaveText('click me clip cursor truecolor');
  await expect(escapes.locator('span', { hasText: 'truecolor' })).toHaveCSS('color', 'rgb(255, 0, 128)');
  expect(await log.locator('a[href^="https://evil"]').count()).toBe(0);
  await screenshot(page, 'github-job-log-synthetic');

  // Timestamps are hidden until asked for.
  await expect(log.locator('.log-time')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Timestamps' }).check();
  await expect(log.locator('.log-time').first()).toBeVisible();

  // Wrapping: a long line takes several rows' height, and the rows after it move down.
  const long = log.locator('[data-line="99994"]');
  expect((await long.boundingBox())?.height).toBe(20);
  await page.getByRole('checkbox', { name: 'Wrap lines' }).check();
  await expect.poll(async () => (await long.boundingBox())?.height ?? 0).toBeGreaterThan(40);
  const [longBox, nextBox] = [await long.boundingBox(), await log.locator('[data-line="99995"]').boundingBox()];
  expect(nextBox?.y).toBeGreaterThanOrEqual((longBox?.y ?? 0) + (longBox?.height ?? 0) - 1);
  expect(await log.locator('.log-row').count()).toBeLessThan(200);
  await page.getByRole('checkbox', { name: 'Wrap lines' }).uncheck();

  // A link to a line opens the log there, the line marked.
  await page.goto(`${app.url}#/github/demo/acme-rockets/storefront/jobs/42/log?line=50002`);
  await expect(log.locator('[data-line="50002"].log-row-selected')).toBeVisible();
  await expect(log.locator('[data-line="50002"]')).toContainText('test 50002');
  expect(await log.locator('.log-row').count()).toBeLessThan(200);

  await page.getByRole('searchbox', { name: 'Search the log' }).fill('orange');
  await expect(page.getByTestId('log-match-count')).toHaveText('1 of 10000+');
});

test('says what is wrong when a log cannot be read, and retries', async ({ page }) => {
  await answerLog(page, {
    ok: false,
    error: {
      code: 'access-denied',
      message: 'The GitHub token lacks the "Actions: read" permission on acme-rockets/storefront job 7.',
      missingPermission: 'Actions: read',
    },
  });
  await page.goto(`${app.url}#/github/demo/acme-rockets/storefront/jobs/7/log`);
  const alert = page.getByRole('alert').filter({ hasText: 'This token needs' });
  await expect(alert).toContainText('This token needs Actions: read on acme-rockets/storefront.');

  await page.unroute('**/api/query/github.jobs.log');
  await answerLog(page, {
    ok: false,
    error: { code: 'not-found', message: 'The log is gone from GitHub (deleted, or past its retention).' },
  });
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText('This job’s log is no longer available.');

  // A malformed address is Home, never a request with a made-up id.
  for (const bad of ['runs/01', 'runs/12abc', 'runs/99999999999999999', 'jobs/-4/log', 'runs/1/extra']) {
    await page.goto(`${app.url}#/github/demo/acme-rockets/storefront/${bad}`);
    await expect(page.getByRole('list', { name: 'Projects' })).toBeVisible();
  }

  // Without interception, the hub refuses a repository it does not watch.
  await page.unroute('**/api/query/github.jobs.log');
  await page.goto(`${app.url}#/github/demo/someone/elsewhere/runs/12`);
  await expect(page.getByRole('alert')).toContainText('Starboard does not watch someone/elsewhere');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await screenshot(page, 'github-run-detail-error');
});

test('while a job runs, its run and log are read again every 5 s and the log follows its end', async ({ page }) => {
  const job = {
    id: 42,
    runId: 5,
    attempt: 1,
    name: 'build',
    status: 'in_progress',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    runnerName: 'GitHub Actions 3',
    htmlUrl: 'https://github.example/acme-rockets/storefront/actions/runs/5/job/42',
    steps: [
      {
        number: 1,
        name: 'Set up job',
        status: 'completed',
        conclusion: 'success',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        completedAt: new Date(Date.now() - 50_000).toISOString(),
      },
      { number: 2, name: 'Build', status: 'in_progress', startedAt: new Date(Date.now() - 50_000).toISOString() },
    ],
  };
  let jobReads = 0;
  await page.route('**/api/query/github.runs.jobs', (route) => {
    jobReads++;
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: { runId: 5, jobs: [job], fetchedAt: new Date().toISOString() } }),
    });
  });
  let logReads = 0;
  await page.route('**/api/query/github.jobs.log', (route) => {
    logReads++;
    const text = Array.from({ length: 200 * logReads }, (_, i) => `building part ${i + 1}`).join('\n');
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: { jobId: 42, text, truncatedBytes: 0, fetchedAt: new Date().toISOString() },
      }),
    });
  });

  await page.goto(`${app.url}#/github/demo/acme-rockets/storefront/runs/5`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Run 5/);
  await expect(page.getByText(/updating every 5 s/)).toBeVisible();
  await expect.poll(() => jobReads, { timeout: 12_000 }).toBeGreaterThan(1);

  await page.getByRole('link', { name: 'View the log of build' }).click();
  const log = page.getByRole('region', { name: 'Log of build' });
  await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
  await expect(log.locator('[data-line="200"]')).toBeVisible();
  // The next read brings 200 more lines; the view stays at the end.
  await expect(log.locator('[data-line="400"]')).toBeVisible({ timeout: 12_000 });
  await expect(log.locator('[data-line="1"]')).toHaveCount(0);

  // Scrolled up, the reader stays where they are when more arrives.
  await log.evaluate((element) => (element.scrollTop = 0));
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  const reads = logReads;
  await expect.poll(() => logReads, { timeout: 12_000 }).toBeGreaterThan(reads);
  await expect(log.locator('[data-line="1"]')).toBeVisible();
});
