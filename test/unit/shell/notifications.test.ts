// Notifications, with the electron module replaced at its boundary: buttons
// only on approval notifications where the platform has them, clicks and
// buttons reported to the feed (never a decision), replacement by id and
// the bound on kept notifications.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification } from '../../support/fake-electron';
import type { PlannedNotification } from '../../../src/main/hub/desktop/notification-plan';
import type { ReviewDecision } from '../../../src/main/hub/desktop/desktop-view';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { createNotifier, maxKeptNotifications, notificationOptions } =
  await import('../../../src/main/shell/notifications');

const failed: PlannedNotification = {
  id: 'evt-1',
  kind: 'failed',
  title: 'Shop: deploy failed',
  body: 'Stage Build failed',
  target: { page: 'pipeline', resourceId: 'pipeline:a:us-east-1:deploy' },
  eventIds: ['evt-1'],
};

const approval: PlannedNotification = {
  id: 'evt-2',
  kind: 'approval',
  title: 'Waiting for your approval',
  body: 'deploy › Prod',
  target: { page: 'approvals' },
  approval: {
    provider: 'aws',
    eventId: 'evt-2',
    resourceId: 'pipeline:a:us-east-1:deploy',
    stage: 'Prod',
    action: 'Approve',
    executionId: 'exec-1',
  },
  eventIds: ['evt-2'],
};

function setup(platform: NodeJS.Platform = 'darwin') {
  const feed = {
    notificationClicked: vi.fn<(n: PlannedNotification) => void>(),
    notificationAction: vi.fn<(n: PlannedNotification, decision: ReviewDecision) => void>(),
  };
  const notifier = createNotifier({ platform, feed: () => feed, warn: () => undefined });
  return { feed, notifier };
}

const last = (): FakeNotification => {
  const notification = FakeNotification.instances.at(-1);
  if (!notification) throw new Error('nothing was shown');
  return notification;
};

beforeEach(() => {
  FakeNotification.instances = [];
  FakeNotification.supported = true;
});

describe('notification options', () => {
  it.each(['darwin', 'win32'] as const)('gives approval notifications Approve and Reject on %s', (platform) => {
    expect(notificationOptions(approval, platform)).toMatchObject({
      title: 'Waiting for your approval',
      body: 'deploy › Prod',
      silent: false,
      actions: [
        { type: 'button', text: 'Approve…' },
        { type: 'button', text: 'Reject…' },
      ],
    });
  });

  it('gives no buttons on Linux, where the click opens the review window', () => {
    expect(notificationOptions(approval, 'linux')).not.toHaveProperty('actions');
  });

  it('gives no buttons to other notifications', () => {
    expect(notificationOptions(failed, 'darwin')).not.toHaveProperty('actions');
    expect(notificationOptions(failed, 'darwin')).toMatchObject({ title: failed.title, body: failed.body });
  });
});

describe('notification clicks', () => {
  it('shows the notification and reports a click to the feed', () => {
    const { feed, notifier } = setup();
    notifier.show(failed);
    expect(last().shown).toBe(true);
    last().emit('click', {});
    expect(feed.notificationClicked).toHaveBeenCalledWith(failed);
    expect(feed.notificationAction).not.toHaveBeenCalled();
  });

  it('reports Approve and Reject as the decision to review, never deciding', () => {
    const { feed, notifier } = setup('win32');
    notifier.show(approval);
    last().emit('action', { actionIndex: 0, selectionIndex: -1 }, 0, -1);
    last().emit('action', { actionIndex: 1, selectionIndex: -1 }, 1, -1);
    last().emit('action', { actionIndex: 7, selectionIndex: -1 }, 7, -1);
    expect(feed.notificationAction.mock.calls).toEqual([
      [approval, 'approve'],
      [approval, 'reject'],
    ]);
  });

  it('ignores a button on a notification that is not an approval', () => {
    const { feed, notifier } = setup();
    notifier.show(failed);
    last().emit('action', { actionIndex: 0, selectionIndex: -1 }, 0, -1);
    expect(feed.notificationAction).not.toHaveBeenCalled();
  });

  it('drops a click that comes before the feed runs', () => {
    const notifier = createNotifier({ platform: 'linux', feed: () => undefined, warn: () => undefined });
    notifier.show(failed);
    expect(() => last().emit('click', {})).not.toThrow();
  });
});

describe('kept notifications', () => {
  it('replaces a shown notification with the same id', () => {
    const { feed, notifier } = setup();
    notifier.show(approval);
    const first = last();
    const again = { ...approval, body: 'deploy › Prod (again)' };
    notifier.show(again);
    expect(first.closed).toBe(true);
    expect(last().closed).toBe(false);
    expect(notifier.kept).toBe(1);
    last().emit('click', {});
    expect(feed.notificationClicked).toHaveBeenCalledWith(again);
  });

  it(`keeps at most ${maxKeptNotifications}, closing the oldest`, () => {
    const { notifier } = setup();
    for (let i = 0; i < maxKeptNotifications + 2; i += 1) notifier.show({ ...failed, id: `evt-${i}` });
    expect(notifier.kept).toBe(maxKeptNotifications);
    expect(FakeNotification.instances.filter((n) => n.closed)).toEqual(FakeNotification.instances.slice(0, 2));
  });

  it('shows nothing where notifications are not supported', () => {
    FakeNotification.supported = false;
    const { notifier } = setup();
    notifier.show(failed);
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
