// The one window factory: every window Starboard opens is sandboxed,
// context-isolated, without Node, and guarded (see web-contents.ts).
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../../shared/model';
import { windowBackground } from './theme';
import { chooseWindowState, defaultWindowSize, displayKey } from './window-state';

export const secureWebPreferences = (
  preload: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> => ({
  preload,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
});

export function mainWindowOptions(
  preload: string,
  saved: WindowState | undefined,
  backgroundColor: string = windowBackground(),
): BrowserWindowConstructorOptions {
  return {
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : defaultWindowSize),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Starboard',
    backgroundColor,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
}

export interface MainWindowDeps {
  preload: string;
  url: string;
  /** The last bounds of all (store.windowState). */
  savedState: WindowState | undefined;
  /** Bounds by arrangement of displays (store.shellState.windows). */
  savedByDisplays?: Readonly<Record<string, WindowState>>;
  /** Saves the bounds for the arrangement of displays named `displays` (store.saveWindowStateFor). */
  saveState: (displays: string, state: WindowState) => void;
}

const currentDisplays = () => screen.getAllDisplays();

export function createMainWindow({
  preload,
  url,
  savedState,
  savedByDisplays = {},
  saveState,
}: MainWindowDeps): BrowserWindow {
  const displays = currentDisplays();
  const restored = chooseWindowState(
    { byDisplays: savedByDisplays, last: savedState },
    displayKey(displays),
    displays.map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(preload, restored));
  if (restored?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Closing usually hides the window (close-to-tray.ts): bounds are saved then too. The
  // displays are read again: they may have changed since the window opened.
  const save = (): void => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    saveState(displayKey(currentDisplays()), { ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', save);
  window.on('hide', save);
  void window.loadURL(url);
  return window;
}
