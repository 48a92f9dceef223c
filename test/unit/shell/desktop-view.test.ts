// The DesktopView implementation, with the electron module replaced at its
// boundary: each call of the feed reaches the tray, the notifications, the
// main window (created, or shown and navigated) and the review windows;
// clicks go back to the feed.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeNotification, FakeTray } from '../../support/fake-electron';
import type { DesktopFeed } from '../../../src/main/hub/desktop/desktop-view';
import { eventChannel } from '../../../src/shared/contract';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { createDesktopView } = await import('../../../src/main/shell/desktop-view');

const iconsDir = join(import.meta.dirname, '../../../resources/tray');

function fakeFeed() {
  return {
    menuAction: vi.fn<DesktopFeed['menuAction']>(),
    notificationClicked: vi.fn<DesktopFeed['notificationClicked']>(),
    notificationAction: vi.fn<DesktopFeed['notificationAction']>(),
    deepLink: vi.fn<DesktopFeed['deepLink']>(),
    close: vi.fn<DesktopFeed['close']>(),
  };
}

function setup(platform: NodeJS.Platform = 'linux') {
  const feed = fakeFeed();
  let main: FakeBrowserWindow | undefined;
  const created: (string | undefined)[] = [];
  const quit = vi.fn();
  const onReviewWindow = vi.fn();
  const view = createDesktopView({
    platform,
    iconsDir,
    preload: '/p.cjs',
    appUrl: 'app://bundle/index.html',
    feed: () => feed,
    mainWindow: () => main as never,
    createMainWindow: (hash) => {
      created.push(hash);
      main = new FakeBrowserWindow({});
      void main.loadURL(`app://bundle/index.html${hash ?? ''}`);
      return main as never;
    },
    onReviewWindow,
    quit,
    warn: () => undefined,
  });
  const tray = FakeTray.instances.at(-1);
  if (!tray) throw new Error('no tray');
  return { view, feed, tray, created, quit, onReviewWindow, main: () => main };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
});

describe('desktop view', () => {
  it('sets the tray state and menu, and reports menu clicks to the feed', () => {
    const { view, tray, feed } = setup();
    view.setTray({
      state: 'approval',
      counts: { failing: 0, running: 0, passing: 0, approvals: 1, needsSignIn: 0 },
      tooltip: 'Starboard\n1 approval waiting for you',
      title: '●1',
    });
    expect(tray.image.path).toBe(join(iconsDir, 'tray-approval.png'));
    view.setMenu([{ type: 'item', id: 'refresh', label: 'Refresh now', enabled: true, action: { kind: 'refresh' } }]);
    const [entry] = tray.contextMenus.at(-1)?.template ?? [];
    (entry?.['click'] as () => void)();
    expect(feed.menuAction).toHaveBeenCalledWith({ kind: 'refresh' });
  });

  it('shows notifications whose clicks reach the feed', () => {
    const { view, feed } = setup();
    const notification = {
      id: 'evt-1',
      kind: 'failed' as const,
      title: 'Failed',
      body: 'deploy',
      target: { page: 'home' as const },
      eventIds: ['evt-1'],
    };
    view.notify(notification);
    FakeNotification.instances.at(-1)?.emit('click', {});
    expect(feed.notificationClicked).toHaveBeenCalledWith(notification);
  });

  it('creates the main window at the route when there is none', () => {
    const { view, created, main } = setup();
    view.openWindow('#/approvals');
    expect(created).toEqual(['#/approvals']);
    expect(main()?.loadedUrl).toBe('app://bundle/index.html#/approvals');
  });

  it('shows, restores and focuses a hidden window and navigates it with app.navigate', () => {
    const { view, created, main } = setup();
    view.openWindow();
    const window = main();
    window?.hide();
    if (window) window.minimized = true;
    view.openWindow('#/pipelines');
    expect(created).toHaveLength(1);
    expect(window?.visible).toBe(true);
    expect(window?.minimized).toBe(false);
    expect(window?.focused).toBe(1);
    expect(window?.webContents.sent).toEqual([
      { channel: eventChannel, args: [{ name: 'app.navigate', payload: { hash: '#/pipelines' } }] },
    ]);
  });

  it('shows the window as it was when no route is given, and never sends a malformed route', () => {
    const { view, main } = setup();
    view.openWindow();
    view.openWindow();
    view.openWindow('javascript:alert(1)');
    view.openWindow('#/home with spaces');
    expect(main()?.webContents.sent).toEqual([]);
  });

  it('a tray click on Linux shows the window', () => {
    const { tray, created } = setup('linux');
    tray.emit('click');
    expect(created).toEqual([undefined]);
  });

  it('opens the review window, with events forwarded to it', () => {
    const { view, onReviewWindow } = setup();
    view.openReview('apv_0123456789abcdefAAAA', 'reject');
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.loadedUrl).toBe('app://bundle/index.html#/review/apv_0123456789abcdefAAAA?decision=reject');
    expect(onReviewWindow).toHaveBeenCalledWith(window);
  });

  it('quits', () => {
    const { view, quit } = setup();
    view.quit();
    expect(quit).toHaveBeenCalledOnce();
  });
});
