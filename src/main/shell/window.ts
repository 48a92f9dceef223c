// The one window factory: every window Starboard opens is sandboxed,
// context-isolated, without Node, and guarded (see web-contents.ts).
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../../shared/model';
import { defaultWindowSize, restoreWindowState } from './window-state';

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

export function mainWindowOptions(preload: string, saved: WindowState | undefined): BrowserWindowConstructorOptions {
  return {
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : defaultWindowSize),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Starboard',
    backgroundColor: '#0f1115',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
}

export interface MainWindowDeps {
  preload: string;
  url: string;
  savedState: WindowState | undefined;
  saveState: (state: WindowState) => void;
}

export function createMainWindow({ preload, url, savedState, saveState }: MainWindowDeps): BrowserWindow {
  const restored = restoreWindowState(
    savedState,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(preload, restored));
  if (restored?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveState({ ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(url);
  return window;
}
