// The application menu of each platform: the usual roles, the Go menu's
// pages and shortcuts, and no developer entries in a packaged build.
import { describe, expect, it, vi } from 'vitest';
import { FakeMenu, fakeElectron } from '../../support/fake-electron';
import { pages } from '../../../src/shared/route-paths';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { appMenuTemplate, installAppMenu } = await import('../../../src/main/shell/app-menu');

interface Item {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: Item[];
}

function menuOf(platform: NodeJS.Platform, packaged = true) {
  const openWindow = vi.fn<(hash: string) => void>();
  const openDataFolder = vi.fn();
  const template = appMenuTemplate({ platform, packaged }, { openWindow, openDataFolder }) as Item[];
  const submenu = (label: string): Item[] => template.find((item) => item.label === label)?.submenu ?? [];
  const roles = (label: string) => submenu(label).flatMap((item) => (item.role ? [item.role] : []));
  return { template, submenu, roles, openWindow, openDataFolder };
}

describe('application menu', () => {
  it('has the macOS app menu with Settings… on Cmd+,', () => {
    const { template, submenu, roles, openWindow } = menuOf('darwin');
    expect(template.map((item) => item.label)).toEqual(['Starboard', 'File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    expect(roles('Starboard')).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const settings = submenu('Starboard').find((item) => item.label === 'Settings…');
    expect(settings?.accelerator).toBe('Cmd+,');
    settings?.click?.();
    expect(openWindow).toHaveBeenCalledWith('#/settings');
    expect(roles('Window')).toEqual(['minimize', 'zoom', 'close', 'front']);
  });

  it('has no app menu elsewhere, and Quit under File', () => {
    const { template, roles } = menuOf('win32');
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    expect(roles('File')).toEqual(['close', 'quit']);
    expect(roles('Window')).toEqual(['minimize', 'close']);
  });

  it.each(['darwin', 'linux'] as const)('has the editing roles on %s', (platform) => {
    expect(menuOf(platform).roles('Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('opens each page from Go with Cmd/Ctrl and its number; Settings there off macOS', () => {
    const { submenu, openWindow } = menuOf('linux');
    const go = submenu('Go');
    expect(go.map((item) => [item.label, item.accelerator])).toEqual(
      pages.map((page) => [page.label, `CmdOrCtrl+${page.shortcut}`]),
    );
    for (const item of go) item.click?.();
    expect(openWindow.mock.calls.map(([hash]) => hash)).toEqual(pages.map((page) => `#/${page.id}`));
    expect(go.at(-1)?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('leaves Settings out of Go on macOS (it is in the app menu)', () => {
    const go = menuOf('darwin').submenu('Go');
    expect(go.map((item) => item.accelerator)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'].map((n) => `CmdOrCtrl+${n}`),
    );
  });

  it('offers reload and the developer tools only in a development build', () => {
    expect(menuOf('linux', true).roles('View')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(menuOf('linux', false).roles('View')).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('opens the data folder from Help', () => {
    const { submenu, openDataFolder } = menuOf('win32');
    submenu('Help')[0]?.click?.();
    expect(openDataFolder).toHaveBeenCalledOnce();
  });

  it('installs the menu, whose Help entry opens the data folder in the file manager', () => {
    installAppMenu({
      platform: 'linux',
      packaged: true,
      openWindow: () => undefined,
      dataDir: '/data',
      warn: () => undefined,
    });
    const help = (FakeMenu.application?.template as Item[] | undefined)?.find((item) => item.label === 'Help');
    help?.submenu?.[0]?.click?.();
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith('/data');
  });
});
