// starboard:// links reach the app three ways: as an argument of the first
// launch (Windows, Linux), of a second launch (single-instance.ts), or by
// macOS 'open-url'. This module only receives them: each is passed, as
// text, to the desktop feed, which parses it strictly (hub/desktop/deep-link.ts).
import { resolve } from 'node:path';
import { app } from 'electron';
import type { DesktopFeed } from '../hub/desktop/desktop-view';
import { deepLinkScheme } from '../hub/desktop/deep-link';

export const maxDeepLinkLength = 2048;

/** The starboard: link among a launch's arguments: the first one, if any, and only one per launch. */
export function deepLinkIn(argv: readonly unknown[]): string | undefined {
  return argv.find(isDeepLink);
}

export function isDeepLink(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= maxDeepLinkLength &&
    value.toLowerCase().startsWith(`${deepLinkScheme}:`)
  );
}

/**
 * Makes Starboard the handler of starboard:// links. Run from source
 * (`electron .`), the OS must start Electron with our script as argument.
 */
export function registerProtocolClient(
  proc: Pick<NodeJS.Process, 'defaultApp' | 'execPath' | 'argv'> = process,
): boolean {
  if (proc.defaultApp) {
    const script = proc.argv[1];
    if (script === undefined) return false;
    return app.setAsDefaultProtocolClient(deepLinkScheme, proc.execPath, [resolve(script)]);
  }
  return app.setAsDefaultProtocolClient(deepLinkScheme);
}

export interface DeepLinks {
  /** A link from anywhere; anything that is not a starboard: link is dropped here. */
  receive: (link: unknown) => void;
  /** The feed started: a link waiting is delivered now (true then), later ones at once. */
  deliverTo: (feed: Pick<DesktopFeed, 'deepLink'>) => boolean;
}

/**
 * Starts listening for links; call before the app is ready (macOS sends a
 * launching link as 'open-url' early). Until the feed runs, the latest link
 * waits.
 */
export function receiveDeepLinks(argv: readonly unknown[] = process.argv): DeepLinks {
  let feed: Pick<DesktopFeed, 'deepLink'> | undefined;
  let waiting: string | undefined;
  const receive = (link: unknown): void => {
    if (!isDeepLink(link)) return;
    if (feed) feed.deepLink(link);
    else waiting = link;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  receive(deepLinkIn(argv));
  return {
    receive,
    deliverTo: (started) => {
      feed = started;
      if (waiting === undefined) return false;
      const link = waiting;
      waiting = undefined;
      started.deepLink(link);
      return true;
    },
  };
}
