// Settings → Start at login: tells the OS whether to open Starboard when the
// user logs in, at start and whenever the setting changes.
import { app } from 'electron';
import type { HubEvent } from '../../shared/contract';

export interface LoginItemHub {
  subscribe(listener: (event: HubEvent) => void): () => void;
}

/**
 * Applies `startAtLogin` now and on each change. An unpackaged build (npm run
 * dev) would register the bare Electron binary, so it only says so.
 */
export function syncLoginItem(
  hub: LoginItemHub,
  startAtLogin: boolean,
  log: { info: (message: string, fields?: Record<string, unknown>) => void },
): () => void {
  let applied: boolean | undefined;
  const apply = (openAtLogin: boolean) => {
    if (openAtLogin === applied) return;
    applied = openAtLogin;
    if (!app.isPackaged) {
      log.info('start at login is applied by the packaged app only', { openAtLogin });
      return;
    }
    app.setLoginItemSettings({ openAtLogin });
  };
  apply(startAtLogin);
  return hub.subscribe((event) => {
    if (event.name === 'settings.changed') apply(event.payload.startAtLogin);
  });
}
