// Starboard lives in the tray: closing the main window hides it (its bounds
// are saved, see window.ts) and the app keeps watching. Only an explicit
// Quit (tray menu, app menu, Cmd+Q) or the OS ending the session quits. The
// first time, a notification says where Starboard went, once ever.
import { app, Notification, type BrowserWindow } from 'electron';
import type { SettingsStore } from '../hub/settings-store';

export function trayHint(platform: NodeJS.Platform): { title: string; body: string } {
  return {
    title: 'Starboard is still running',
    body:
      platform === 'darwin'
        ? 'It keeps watching your builds from the menu bar. Quit it from its menu there, or with Cmd+Q.'
        : 'It keeps watching your builds from the tray. Quit it from the tray menu.',
  };
}

export interface CloseToTrayDeps {
  store: Pick<SettingsStore, 'shellState' | 'markTrayHintShown'>;
  platform: NodeJS.Platform;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export interface CloseToTray {
  /** Makes closing this window hide it. */
  guard(window: BrowserWindow): void;
  readonly quitting: boolean;
}

export function setupCloseToTray({ store, platform, warn }: CloseToTrayDeps): CloseToTray {
  let quitting = false;
  // Kept referenced while shown, else it is garbage-collected (and, on some systems, withdrawn).
  let hint: Notification | undefined;
  app.on('before-quit', () => (quitting = true));
  // Without a listener Electron quits when the last window closes; Starboard stays in the tray.
  app.on('window-all-closed', () => undefined);

  const showHintOnce = (): void => {
    if (store.shellState.trayHintShown) return;
    try {
      store.markTrayHintShown();
    } catch (error) {
      warn('could not remember the tray hint', { error: String(error) });
    }
    if (!Notification.isSupported()) return;
    hint = new Notification({ ...trayHint(platform), silent: true });
    hint.show();
  };

  return {
    guard(window) {
      // Windows: logging off or shutting down closes windows without 'before-quit'; let them close.
      window.on('session-end', () => (quitting = true));
      window.on('close', (event) => {
        if (quitting) return;
        event.preventDefault();
        window.hide();
        showHintOnce();
      });
    },
    get quitting() {
      return quitting;
    },
  };
}
