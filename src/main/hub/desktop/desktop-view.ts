// The seam between the hub's desktop decisions and the Electron shell. The
// feed (desktop-feed.ts) decides; the shell implements DesktopView and only
// renders what it is handed, and reports the user's clicks back through
// DesktopFeed. Neither side imports the other's implementation.
import type { MenuAction, MenuItemModel } from './menu-model';
import type { PlannedNotification } from './notification-plan';
import type { TrayState } from './tray-state';

export type ReviewDecision = 'approve' | 'reject';

/** What the shell does when the feed asks; every call is cheap and idempotent enough to repeat. */
export interface DesktopView {
  /** The tray icon, tooltip and (macOS) title; called only when one of them changed. */
  setTray(state: TrayState): void;
  /** The tray's context menu; called only when what it shows changed (the shell sets it again, for Linux). */
  setMenu(menu: MenuItemModel[]): void;
  /** Shows one notification; a shown one with the same id is replaced. */
  notify(notification: PlannedNotification): void;
  /** Shows (creating if need be) and focuses the main window, at this route (`#/…`) when given, as it was otherwise. */
  openWindow(hash?: string): void;
  /**
   * Opens the small review window of one approval: it shows what would ship
   * and takes the comment; nothing is decided until the user clicks there.
   * `decision` preselects Approve or Reject (a notification's button).
   */
  openReview(approvalId: string, decision?: ReviewDecision): void;
  quit(): void;
}

/** What the shell reports to the feed. */
export interface DesktopFeed {
  /** A tray menu entry was clicked. */
  menuAction(action: MenuAction): void;
  /** A notification's body was clicked. */
  notificationClicked(notification: PlannedNotification): void;
  /** An Approve or Reject button of an approval notification was clicked. */
  notificationAction(notification: PlannedNotification, decision: ReviewDecision): void;
  /** A starboard:// link arrived (a second launch's argument, macOS open-url). */
  deepLink(link: string): void;
  /** Stops listening to the hub and the clock. */
  close(): void;
}
