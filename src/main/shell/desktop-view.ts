// The Electron side of the desktop seam (hub/desktop/desktop-view.ts): the
// tray, notifications, the main window and the review windows, doing what
// the desktop feed asks and reporting the user's clicks back to it. Every
// decision (what the tray shows, which notification, what a click opens)
// is the feed's.
import type { BrowserWindow } from 'electron';
import { eventChannel, events, type HubEvent } from '../../shared/contract';
import type { DesktopFeed, DesktopView } from '../hub/desktop/desktop-view';
import { createNotifier } from './notifications';
import { createReviewWindows } from './review-window';
import { createStatusTray } from './tray';

export interface DesktopViewDeps {
  platform: NodeJS.Platform;
  /** resources/tray (see trayIconsDir). */
  iconsDir: string;
  preload: string;
  /** The bundle's page; review windows add their route to it. */
  appUrl: string;
  /** The feed, once started: the view exists first, since the feed needs it. */
  feed: () => DesktopFeed | undefined;
  /** The main window when there is one. */
  mainWindow: () => BrowserWindow | undefined;
  /** Creates the main window, opening at `hash` when given. */
  createMainWindow: (hash?: string) => BrowserWindow;
  /** Each new review window (hub events must reach it). */
  onReviewWindow: (window: BrowserWindow) => void;
  quit: () => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function createDesktopView(deps: DesktopViewDeps): DesktopView {
  const { warn } = deps;
  /** Only a route the renderer accepts (the app.navigate schema): a link or a menu entry is untrusted text. */
  const route = (hash: string | undefined): string | undefined => {
    if (hash === undefined || events['app.navigate'].safeParse({ hash }).success) return hash;
    warn('refused to open a malformed route', { hash: hash.slice(0, 200) });
    return undefined;
  };

  const openWindow = (hash?: string): void => {
    const target = route(hash);
    const existing = deps.mainWindow();
    if (existing && !existing.isDestroyed()) {
      showWindow(existing);
      if (target !== undefined) {
        const event: HubEvent = { name: 'app.navigate', payload: { hash: target } };
        existing.webContents.send(eventChannel, event);
      }
      return;
    }
    // A new window shows itself once painted (window.ts), at the route in its URL.
    const created = deps.createMainWindow(target);
    created.once('ready-to-show', () => created.focus());
  };

  const tray = createStatusTray({
    iconsDir: deps.iconsDir,
    platform: deps.platform,
    onAction: (action) => deps.feed()?.menuAction(action),
    onClick: () => openWindow(),
    warn,
  });
  const notifier = createNotifier({ platform: deps.platform, feed: deps.feed, warn });
  const reviews = createReviewWindows({
    preload: deps.preload,
    appUrl: deps.appUrl,
    onWindow: deps.onReviewWindow,
    warn,
  });

  return {
    setTray: (state) => tray.setState(state),
    setMenu: (menu) => tray.setMenu(menu),
    notify: (notification) => notifier.show(notification),
    openWindow,
    openReview: (approvalId, decision) => reviews.open(approvalId, decision),
    quit: () => deps.quit(),
  };
}
