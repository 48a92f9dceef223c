// Desktop notifications: shows what the hub's notification plan decided and
// reports clicks back to the desktop feed. Nothing here decides an approval:
// Approve and Reject only tell the feed, which opens the review window (it
// shows what would ship and waits for a click there).
import { Notification, type NotificationConstructorOptions } from 'electron';
import type { DesktopFeed, ReviewDecision } from '../hub/desktop/desktop-view';
import type { PlannedNotification } from '../hub/desktop/notification-plan';

/** Shown notifications kept referenced (else their handlers are garbage-collected); the oldest beyond are closed. */
export const maxKeptNotifications = 50;

/** The buttons of an approval notification, in the order of the 'action' event's index. */
export const approvalButtons: readonly { text: string; decision: ReviewDecision }[] = [
  { text: 'Approve…', decision: 'approve' },
  { text: 'Reject…', decision: 'reject' },
];

/**
 * Where notification buttons exist (Electron 45): macOS (shown when the app
 * is signed and its notifications use the alert style) and Windows, where
 * `actions` maps to native toast buttons, so no hand-written toastXml is
 * needed. Linux (libnotify) has none: there the click opens the review window.
 */
export function supportsActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export function notificationOptions(
  notification: PlannedNotification,
  platform: NodeJS.Platform,
): NotificationConstructorOptions {
  const buttons = notification.approval !== undefined && supportsActions(platform);
  return {
    title: notification.title,
    body: notification.body,
    silent: false,
    // An approval waits for the user: its toast stays until acted on (Windows, Linux).
    ...(notification.approval ? { timeoutType: 'never' as const, urgency: 'critical' as const } : {}),
    ...(buttons ? { actions: approvalButtons.map(({ text }) => ({ type: 'button' as const, text })) } : {}),
  };
}

export interface NotifierDeps {
  platform: NodeJS.Platform;
  /** The feed, once it runs; a click before that is dropped (there is nothing to open yet). */
  feed: () => Pick<DesktopFeed, 'notificationClicked' | 'notificationAction'> | undefined;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export interface Notifier {
  show(notification: PlannedNotification): void;
  /** How many are kept referenced now (for tests and diagnostics). */
  readonly kept: number;
}

export function createNotifier({ platform, feed, warn }: NotifierDeps): Notifier {
  // Insertion order is age: the first key is the oldest.
  const kept = new Map<string, Notification>();

  const forget = (id: string): void => {
    kept.get(id)?.close();
    kept.delete(id);
  };

  return {
    show(planned) {
      if (!Notification.isSupported()) return;
      // Our own replacement, rather than the `id` option, which Windows caps in length.
      forget(planned.id);
      const notification = new Notification(notificationOptions(planned, platform));
      notification.on('click', () => feed()?.notificationClicked(planned));
      notification.on('action', (details) => {
        const button = approvalButtons[details.actionIndex];
        if (planned.approval && button) feed()?.notificationAction(planned, button.decision);
      });
      notification.on('failed', (_event, error) => warn('a notification could not be shown', { error }));
      // Not forgotten on 'close': Windows keeps a timed-out toast in the Action Center, still clickable.
      kept.set(planned.id, notification);
      while (kept.size > maxKeptNotifications) {
        const oldest = kept.keys().next().value;
        if (oldest === undefined) break;
        forget(oldest);
      }
      notification.show();
    },
    get kept() {
      return kept.size;
    },
  };
}
