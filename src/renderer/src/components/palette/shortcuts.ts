// Every keyboard shortcut Starboard has, in one list for the help sheet, and
// how to name keys on this platform (⌘ on macOS, Ctrl elsewhere). The keys
// themselves are handled where they act (routes.ts, StatusBar, the log
// viewer, the palette); keep this list in step with them.
import { pages } from '../../route-paths';

/** A key by name; 'Mod' is ⌘ on macOS and Ctrl elsewhere. */
export type KeyName = string;

export interface Shortcut {
  keys: readonly KeyName[];
  /** Another way to the same thing, e.g. F3 for Enter in the log search. */
  alternative?: readonly KeyName[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['Mod', 'K'], alternative: ['Mod', 'Shift', 'P'], does: 'Open the command palette' },
      { keys: ['?'], does: 'Show these shortcuts' },
      { keys: ['F5'], alternative: ['Mod', 'R'], does: 'Refresh now (desktop app)' },
      { keys: ['Escape'], does: 'Close a dialog' },
    ],
  },
  {
    title: 'Pages',
    shortcuts: pages.map((page) => ({ keys: ['Mod', page.shortcut], does: `Go to ${page.label}` })),
  },
  {
    title: 'Command palette',
    shortcuts: [
      { keys: ['↑'], alternative: ['↓'], does: 'Move through the results' },
      { keys: ['Home'], alternative: ['End'], does: 'First or last result' },
      { keys: ['PageUp'], alternative: ['PageDown'], does: 'Move a page of results' },
      { keys: ['Enter'], does: 'Open or run the result' },
      { keys: ['Escape'], does: 'Close the palette' },
    ],
  },
  {
    title: 'Log viewer',
    shortcuts: [
      { keys: ['Mod', 'F'], does: 'Search the log' },
      { keys: ['Enter'], alternative: ['F3'], does: 'Next match' },
      { keys: ['Shift', 'Enter'], alternative: ['Shift', 'F3'], does: 'Previous match' },
      { keys: ['Escape'], does: 'Clear the search' },
    ],
  },
  {
    title: 'Dialogs',
    shortcuts: [
      { keys: ['Tab'], alternative: ['Shift', 'Tab'], does: 'Move between fields (focus stays inside)' },
      { keys: ['Escape'], does: 'Cancel' },
    ],
  },
];

const macNames: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Enter: '↩', Escape: 'Esc' };
const otherNames: Record<string, string> = { Mod: 'Ctrl', Escape: 'Esc', PageUp: 'Page Up', PageDown: 'Page Down' };

/** A key as this platform writes it. */
export function keyLabel(key: KeyName, mac: boolean): string {
  return (mac ? macNames[key] : otherNames[key]) ?? key;
}

/** A whole chord as one string: "⌘K" on macOS, "Ctrl+K" elsewhere (for titles and aria labels). */
export function chordLabel(keys: readonly KeyName[], mac: boolean): string {
  return keys.map((key) => keyLabel(key, mac)).join(mac ? '' : '+');
}

interface NavigatorWithData {
  platform?: string;
  userAgent?: string;
  userAgentData?: { platform?: string };
}

/** macOS, from the newer userAgentData where there, else the older platform and userAgent strings. */
export function isMacPlatform(nav: NavigatorWithData): boolean {
  const platform = nav.userAgentData?.platform ?? nav.platform ?? '';
  if (platform !== '') return /mac/i.test(platform);
  return /Mac/.test(nav.userAgent ?? '');
}
