// One Starboard at a time (C06, R05): a second launch focuses the first, and
// hands it the starboard:// link it was started with, if any.
import { app } from 'electron';
import { deepLinkIn } from './deep-links';

export interface SecondLaunch {
  /** Shows the main window (creating it if it was closed). */
  showWindow: () => void;
  /** A starboard: link the second launch carried; the feed opens what it names. */
  onLink: (link: string) => void;
}

/** Returns false when another instance holds the lock; this one should quit. */
export function claimSingleInstance({ showWindow, onLink }: SecondLaunch): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkIn(argv);
    // A link opens its own window (the page it names, or a review window); without one, the main window.
    if (link === undefined) showWindow();
    else onLink(link);
  });
  return true;
}
