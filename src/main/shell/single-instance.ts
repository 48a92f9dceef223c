// One Starboard at a time (C06, R05): a second launch focuses the first.
import { app, type BrowserWindow } from 'electron';

/** Returns false when another instance holds the lock; this one should quit. */
export function claimSingleInstance(currentWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
