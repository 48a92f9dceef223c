// The native application menu: the usual roles and keyboard shortcuts of
// each platform, and a Go menu with the sidebar's pages (Cmd/Ctrl+1…7, and
// Cmd/Ctrl+, for Settings) that opens the window at that page.
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { pages } from '../../shared/route-paths';

export interface AppMenuActions {
  /** Shows the main window at a route (`#/…`). */
  openWindow: (hash: string) => void;
  /** Opens the data folder in the file manager. */
  openDataFolder: () => void;
}

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and the developer tools only in a development build. */
  packaged: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate(
  { platform, packaged }: AppMenuOptions,
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings = pages.find((page) => page.id === 'settings');
  // macOS has Settings… in the app menu (Cmd+,); elsewhere it is the Go menu's last entry.
  const goPages = mac ? pages.filter((page) => page.id !== 'settings') : pages;

  const appMenu: MenuItemConstructorOptions = {
    label: 'Starboard',
    submenu: [
      { role: 'about' },
      separator,
      {
        label: `${settings?.label ?? 'Settings'}…`,
        accelerator: 'Cmd+,',
        click: () => actions.openWindow('#/settings'),
      },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [{ role: 'close', label: 'Close Window' }, ...(mac ? [] : [separator, { role: 'quit' as const }])],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(packaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: goPages.map((page) => ({
      label: page.label,
      accelerator: `CmdOrCtrl+${page.shortcut}`,
      click: () => actions.openWindow(`#/${page.id}`),
    })),
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  // No "on the web" entry: the project has no https page the external-link allow-list opens.
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [{ label: 'Open Data Folder', click: () => actions.openDataFolder() }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, go, window, help];
}

export interface InstallAppMenuDeps extends AppMenuOptions {
  openWindow: (hash: string) => void;
  dataDir: string;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export function installAppMenu({ platform, packaged, openWindow, dataDir, warn }: InstallAppMenuDeps): void {
  const openDataFolder = (): void => {
    void shell.openPath(dataDir).then((error) => {
      if (error !== '') warn('could not open the data folder', { error });
    });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ platform, packaged }, { openWindow, openDataFolder })),
  );
}
