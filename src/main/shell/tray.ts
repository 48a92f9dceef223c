// The tray icon: it shows the TrayState and the menu model the hub's desktop
// feed decided (hub/desktop/), and reports clicks back; it decides nothing.
// The icon set lives in resources/tray (drawn by tray-art.ts).
import { join } from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuItemModel } from '../hub/desktop/menu-model';
import type { TrayState, TrayStateName } from '../hub/desktop/tray-state';

/**
 * The icon file of a state on a platform: macOS a template image (the
 * system tints it for light and dark menu bars, and picks the @2x file
 * beside it), Windows an .ico with every size, Linux the coloured PNG.
 */
export function trayIconFile(state: TrayStateName, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray-${state}Template.png`;
  if (platform === 'win32') return `tray-${state}.ico`;
  return `tray-${state}.png`;
}

/** The tray's folder of icons: beside the app when packaged (extraResources), in the repository otherwise. */
export function trayIconsDir(app: { isPackaged: boolean; getAppPath(): string }): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'resources', 'tray');
}

/** The menu model as Electron's template; a click reports the entry's action, nothing more. */
export function menuTemplate(
  model: readonly MenuItemModel[],
  onAction: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return model.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { id: item.id, type: 'separator' };
      case 'submenu':
        return { id: item.id, label: item.label, submenu: menuTemplate(item.items, onAction) };
      case 'item': {
        const { action } = item;
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          ...(action ? { click: () => onAction(action) } : {}),
        };
      }
    }
  });
}

export interface StatusTrayDeps {
  iconsDir: string;
  platform: NodeJS.Platform;
  /** A menu entry was clicked. */
  onAction: (action: MenuAction) => void;
  /** The icon itself was clicked (Windows, Linux): show the window. */
  onClick: () => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export interface StatusTray {
  setState(state: TrayState): void;
  setMenu(menu: readonly MenuItemModel[]): void;
  destroy(): void;
}

export function createStatusTray(deps: StatusTrayDeps): StatusTray {
  const { iconsDir, platform } = deps;
  const image = (state: TrayStateName) => {
    const path = join(iconsDir, trayIconFile(state, platform));
    const icon = nativeImage.createFromPath(path);
    if (icon.isEmpty()) deps.warn('tray icon missing', { path });
    return icon;
  };
  const tray = new Tray(image('idle'));
  tray.setToolTip('Starboard');
  // macOS opens the context menu on click by itself; elsewhere a click means "show me".
  if (platform !== 'darwin') tray.on('click', () => deps.onClick());
  let shown: TrayStateName = 'idle';

  return {
    setState(state) {
      if (state.state !== shown) {
        shown = state.state;
        tray.setImage(image(state.state));
      }
      tray.setToolTip(state.tooltip);
      if (platform === 'darwin') tray.setTitle(state.title, { fontType: 'monospacedDigit' });
    },
    setMenu(menu) {
      // Set again on every change, not only the first time: Linux (AppIndicator)
      // shows a menu's items as they were when it was set.
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(menu, deps.onAction)));
    },
    destroy() {
      tray.destroy();
    },
  };
}
