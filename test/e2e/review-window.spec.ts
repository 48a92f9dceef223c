// The review window a notification opens (#/review/<approval id>), in
// Chromium at its own size (560 × 700) against the demo: it names what would
// ship, opens the confirmation a notification's button asked for with its
// comment (a rejection's reason) focused, and sends nothing before a click on
// that confirmation. The simulator's own request log, read from outside
// Starboard, counts what reached "AWS". An approval that no longer waits
// shows how it ended and no way to decide. Each state is scanned by axe in
// both themes and saved as test-results/screenshots/review-<case>.png.
//
// The demo keeps running (and there is one AWS approval in it): the tests
// run in this order, and only the last one decides.
import { expect, test, type Page } from '@playwright/test';
import { reviewHref } from '../../src/renderer/src/route-paths';
import type { ApprovalSummary, Workspace } from '../../src/shared/model';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { requestLogPath } from '../../src/sim/aws/server';
import { scan } from './axe';
import { callApi, screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

const putApprovalResult = 'codepipeline.PutApprovalResult';
const { storefront, mobileBackend } = demoAws;
const storefrontWhere = `${storefront.pipeline} › ${storefront.approvalStage} › ${storefront.approvalAction}`;

let app: RunningStarboard;
let simulator: string;

test.use({ viewport: { width: 560, height: 700 }, reducedMotion: 'reduce' });
test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

test.beforeAll(async () => {
  // The mobile backend's run waiting for its production review comes with the first read of its repository.
  app = await startDemo(/"waiting":\[\{/);
  const workspace = (await callApi(app, 'query/workspace.get')) as Workspace;
  simulator = workspace.awsAccounts[0]?.endpointUrl ?? '';
  expect(simulator).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test.afterAll(async () => {
  await app.stop();
});

/** How many decisions reached the simulated CodePipeline so far. */
async function decisionsSent(): Promise<number> {
  const response = await fetch(`${simulator}${requestLogPath}`);
  return ((await response.json()) as Record<string, number>)[putApprovalResult] ?? 0;
}

/** The id of the demo's waiting approval the check picks, by name (the list changes as the demo runs). */
async function approvalId(pick: (approval: ApprovalSummary) => boolean): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        id = ((await callApi(app, 'query/approvals.list')) as ApprovalSummary[]).find(pick)?.approvalId;
        return id;
      },
      { timeout: 20_000 },
    )
    .toBeDefined();
  return id ?? '';
}

const storefrontApproval = (): Promise<string> =>
  approvalId((a) => a.provider === 'aws' && a.pipeline === storefront.pipeline);
const mobileBackendRun = (): Promise<string> =>
  approvalId((a) => a.provider === 'github' && a.repository === mobileBackend.githubRepository);

/** window.close() cannot close a tab the test opened: count the calls instead. */
async function countCloses(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counted = window as unknown as { __closes: number };
    counted.__closes = 0;
    window.close = () => {
      counted.__closes += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __closes: number }).__closes);
}

/** The bare layout of the small window: the review alone, without the sidebar or the status bar. */
async function expectBareWindow(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Review approval' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.locator('.status-bar')).toHaveCount(0);
  await expect(page).toHaveTitle('Review approval — Starboard');
}

test('opened from a Reject button: the reason is focused and Reject stays disabled until one is typed', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const id = await storefrontApproval();
  await page.goto(`${app.url}${reviewHref(id, 'reject')}`);
  await expectBareWindow(page);
  await expect(page.getByRole('heading', { name: `Reject ${storefrontWhere}?` })).toBeVisible({ timeout: 20_000 });
  const reason = page.getByLabel('Reason (required)');
  await expect(reason).toBeFocused();
  const reject = page.getByRole('button', { name: 'Reject', exact: true });
  await expect(reject).toBeDisabled();
  await reason.fill('   ');
  await expect(reject).toBeDisabled();
  await reason.fill('Staging still shows the old banner');
  await expect(reject).toBeEnabled();
  await screenshot(page, 'review-reject');
  await scan(page, 'review-reject');

  // Escape backs out of the form to the two buttons; nothing was sent.
  await page.keyboard.press('Escape');
  await expect(reason).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Reject ${storefrontWhere}` })).toBeVisible();
  expect(await decisionsSent()).toBe(0);
  expect(await violations()).toEqual([]);
});

test('opened without a decision: Approve and Reject first, and opening then cancelling sends nothing', async ({
  page,
}) => {
  const id = await storefrontApproval();
  await page.goto(`${app.url}${reviewHref(id)}`);
  await expectBareWindow(page);
  const approve = page.getByRole('button', { name: `Approve ${storefrontWhere}` });
  await expect(approve).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: `Reject ${storefrontWhere}` })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await screenshot(page, 'review-buttons');
  await scan(page, 'review-buttons');

  await approve.click();
  const comment = page.getByLabel('Comment (optional)');
  await expect(comment).toBeFocused();
  await comment.fill('Not yet');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(comment).toHaveCount(0);
  await expect(approve).toBeVisible();
  expect(await decisionsSent()).toBe(0);
});

test('a well-formed id nobody waits on says so, with no way to decide; a malformed one is Home', async ({ page }) => {
  const closes = await countCloses(page);
  await page.goto(`${app.url}${reviewHref(`apv_${'0'.repeat(24)}`, 'approve')}`);
  await expectBareWindow(page);
  await expect(page.getByRole('heading', { name: 'This approval is no longer waiting' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await screenshot(page, 'review-unknown');
  await scan(page, 'review-unknown');
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await closes()).toBe(1);
  await page.keyboard.press('Escape');
  expect(await closes()).toBe(2);

  // Not an approval id at all: the strict route reads it as Home, in the full window.
  await page.goto(`${app.url}#/review/apv_short?decision=approve`);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Review approval' })).toHaveCount(0);
});

test('a GitHub run shows the environments it waits for, and its Approve form ticks them', async ({ page }) => {
  const id = await mobileBackendRun();
  await page.goto(`${app.url}${reviewHref(id)}`);
  await expectBareWindow(page);
  await expect(page.getByText(mobileBackend.githubRepository).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Environments' })).toContainText('production');
  await screenshot(page, 'review-github');
  await scan(page, 'review-github');

  await page.getByRole('button', { name: /^Approve acme-rockets\/mobile-backend/ }).click();
  await expect(page.getByLabel('Comment (optional)')).toBeFocused();
  await expect(page.getByRole('checkbox', { name: /production/ })).toBeChecked();
  await screenshot(page, 'review-github-approve');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox')).toHaveCount(0);
});

test('opened from an Approve button: names what ships, and one click sends exactly one decision', async ({ page }) => {
  const violations = await watchCsp(page);
  const closes = await countCloses(page);
  const id = await storefrontApproval();
  await page.goto(`${app.url}${reviewHref(id, 'approve')}`);
  await expectBareWindow(page);
  await expect(page.getByRole('heading', { name: `Approve ${storefrontWhere}?` })).toBeVisible({ timeout: 20_000 });
  const where = page.locator('.review-where');
  await expect(where).toContainText(storefrontWhere);
  await expect(where).toContainText(`${demoAws.account} · ${demoAws.region}`);
  await expect(page.getByRole('list', { name: 'What would ship' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByText(storefront.approvalCustomData)).toBeVisible();
  const comment = page.getByLabel('Comment (optional)');
  await expect(comment).toBeFocused();
  expect(await decisionsSent()).toBe(0);

  await comment.fill('Approved from the review window');
  await screenshot(page, 'review-approve');
  await scan(page, 'review-approve');
  // A double click is still one decision (one requestId; main runs it once).
  await page.getByRole('button', { name: 'Approve', exact: true }).dblclick();
  const done = page.getByText('Approved. The pipeline continues.');
  await expect(done).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect.poll(decisionsSent).toBe(1);

  // The approval leaves the list; the window keeps saying what was decided.
  await expect
    .poll(async () => JSON.stringify(await callApi(app, 'query/approvals.list')).includes(id), { timeout: 20_000 })
    .toBe(false);
  await expect(done).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await screenshot(page, 'review-done');
  await page.keyboard.press('Escape');
  expect(await closes()).toBe(1);

  // Opened again (a stale notification): how it ended, from the audit log, and no way to decide.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This approval is no longer waiting' })).toBeVisible({
    timeout: 20_000,
  });
  const facts = page.locator('.review-facts');
  await expect(facts).toContainText(storefrontWhere);
  await expect(facts).toContainText('Approve');
  await expect(facts).toContainText('Applied');
  await expect(facts).toContainText('Approved from the review window');
  await expect(page.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0);
  await screenshot(page, 'review-decided');
  await scan(page, 'review-decided');
  expect(await decisionsSent()).toBe(1);
  expect(await violations()).toEqual([]);
});
