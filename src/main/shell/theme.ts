// Settings → Theme applied to the native side: menus, dialogs, the title bar
// and `prefers-color-scheme` in our pages all follow `nativeTheme.themeSource`,
// and the windows' background (seen before the page paints) follows with it.
import { BrowserWindow, nativeTheme } from 'electron';
import type { HubEvent } from '../../shared/contract';
import type { Settings } from '../../shared/model';

type Theme = Settings['theme'];

/** The page's --bg in each scheme (renderer styles.css), so a window never flashes the other colour. */
export const windowBackgrounds = { dark: '#14171c', light: '#f6f7f9' } as const;

export function windowBackground(dark: boolean = nativeTheme.shouldUseDarkColors): string {
  return dark ? windowBackgrounds.dark : windowBackgrounds.light;
}

export interface ThemeHub {
  subscribe(listener: (event: HubEvent) => void): () => void;
}

/** Applies `theme` now and on each settings change; returns the unsubscribe. */
export function followTheme(hub: ThemeHub, theme: Theme): () => void {
  const repaint = (): void => {
    const colour = windowBackground();
    for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.setBackgroundColor(colour);
  };
  const apply = (source: Theme): void => {
    if (nativeTheme.themeSource !== source) nativeTheme.themeSource = source;
  };
  apply(theme);
  // 'updated' also fires when the OS switches between light and dark under "system".
  nativeTheme.on('updated', repaint);
  const unsubscribe = hub.subscribe((event) => {
    if (event.name === 'settings.changed') apply(event.payload.theme);
  });
  return () => {
    nativeTheme.off('updated', repaint);
    unsubscribe();
  };
}
