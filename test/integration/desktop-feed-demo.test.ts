// The desktop feed on the real hub and the demo workspace (the in-process
// simulator): what the tray would show, and what a notification's Approve does
// (opens the review window, decides nothing), before and after the approval is
// decided elsewhere (then it opens the pipeline's execution instead).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopFeed } from '../../src/main/hub/desktop/desktop-feed';
import type { DesktopFeed } from '../../src/main/hub/desktop/desktop-view';
import type { Hub } from '../../src/main/hub/hub';
import type { ApprovalSummary } from '../../src/shared/model';
import { composedHub, tempDir } from '../support/temp-hub';
import { recordingView } from '../support/recording-desktop-view';

const { view, calls: seen } = recordingView();

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const { dir, remove } = tempDir();
let hub: Hub;
let feed: DesktopFeed;

beforeAll(async () => {
  hub = composedHub(dir);
  feed = startDesktopFeed({ hub, view });
  expect(await hub.dispatch('command', 'demo.open', {})).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  feed.close();
  await hub.close();
  remove();
});

describe('the desktop feed on the demo workspace', () => {
  it('shows the approvals waiting in the tray and its menu, and notifies them', async () => {
    const tray = await until('an approval in the tray', () => seen.tray.find((t) => t.state === 'approval'));
    expect(tray.counts.approvals).toBeGreaterThan(0);
    expect(tray.tooltip).toMatch(/approvals? waiting for you/);
    // Approvals and projects arrive in separate events: wait for a menu that has both.
    const menu = await until('review entries beside the projects', () =>
      seen.menus.findLast(
        (m) =>
          m.some((item) => item.id.startsWith('approval:')) &&
          m.some((item) => item.type === 'submenu' && item.label.startsWith('Storefront — ')),
      ),
    );
    expect(menu.findIndex((item) => item.id.startsWith('approval:'))).toBeLessThan(
      menu.findIndex((item) => item.type === 'submenu' && item.label.startsWith('Storefront — ')),
    );
    await until('an approval notification', () => seen.notified.find((n) => n.approval?.provider === 'aws'));
  }, 40_000);

  it('opens the review window for Approve, and the execution once it was decided elsewhere', async () => {
    const notification = await until('an AWS approval notification', () =>
      seen.notified.find((n) => n.approval?.provider === 'aws'),
    );
    const audit = async () => {
      const read = await hub.dispatch('query', 'approvals.audit', {});
      return read.ok ? (read.value as unknown[]).length : -1;
    };
    const decisionsBefore = await audit();
    feed.notificationAction(notification, 'approve');
    const review = await until('the review window', () => seen.reviews.at(-1));
    expect(review.approvalId).toMatch(/^apv_/);
    expect(review.decision).toBe('approve');
    expect(await audit()).toBe(decisionsBefore);

    // Decided from the window (as the review window would), then the notification is clicked again.
    const list = await hub.dispatch('query', 'approvals.list', {});
    const approval = (list.ok ? (list.value as ApprovalSummary[]) : []).find((a) => a.approvalId === review.approvalId);
    expect(approval).toBeDefined();
    const decided = await hub.dispatch('command', 'approvals.decide', {
      requestId: randomUUID(),
      approvalId: review.approvalId,
      decision: 'reject',
      comment: 'not today',
    });
    expect(decided).toMatchObject({ ok: true });
    const reviews = seen.reviews.length;
    const stale = await untilAsync(async () => {
      feed.notificationAction(notification, 'approve');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return seen.windows.at(-1)?.startsWith('#/pipelines/') ? seen.windows.at(-1) : undefined;
    });
    expect(stale).toContain(
      `execution=${notification.approval?.provider === 'aws' ? notification.approval.executionId : ''}`,
    );
    // While the decision was on its way, a click opened the window without a preselected decision.
    expect(seen.reviews.slice(reviews).every((r) => r.decision === undefined)).toBe(true);
  }, 40_000);
});

async function untilAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
  }
}
