// The tray, with the electron module replaced at its boundary: the icon of
// each state on each platform, the menu set again after every change, and
// menu clicks reported as the model's actions.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTray } from '../../support/fake-electron';
import { trayStates, type TrayState } from '../../../src/main/hub/desktop/tray-state';
import type { MenuAction, MenuItemModel } from '../../../src/main/hub/desktop/menu-model';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { createStatusTray, menuTemplate, trayIconFile, trayIconsDir } = await import('../../../src/main/shell/tray');

const iconsDir = join(import.meta.dirname, '../../../resources/tray');
const platforms = ['darwin', 'win32', 'linux'] as const;

const state = (name: TrayState['state'], title = ''): TrayState => ({
  state: name,
  counts: { failing: 0, running: 0, passing: 0, approvals: 0, needsSignIn: 0 },
  tooltip: `Starboard\n${name}`,
  title,
});

const menu: MenuItemModel[] = [
  { type: 'item', id: 'approvals:title', label: 'Waiting for your approval (1)', enabled: false },
  {
    type: 'item',
    id: 'approval:apv_0123456789abcdefAAAA',
    label: 'Review deploy › Prod…',
    enabled: true,
    action: { kind: 'review-approval', approvalId: 'apv_0123456789abcdefAAAA' },
  },
  { type: 'separator', id: 'sep:approvals' },
  {
    type: 'submenu',
    id: 'project:p1',
    label: 'Shop — failing',
    status: 'failed',
    items: [
      {
        type: 'item',
        id: 'project:p1:pipe',
        label: 'deploy — failing',
        status: 'failed',
        enabled: true,
        action: { kind: 'open', target: { page: 'pipeline', resourceId: 'pipeline:a:us-east-1:deploy' } },
      },
    ],
  },
  { type: 'item', id: 'quit', label: 'Quit Starboard', enabled: true, action: { kind: 'quit' } },
];

type Template = {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: Template[];
};

function newTray(platform: NodeJS.Platform) {
  const onAction = vi.fn<(action: MenuAction) => void>();
  const onClick = vi.fn();
  const tray = createStatusTray({ iconsDir, platform, onAction, onClick, warn: () => undefined });
  const fake = FakeTray.instances.at(-1);
  if (!fake) throw new Error('no tray was created');
  return { tray, fake, onAction, onClick };
}

beforeEach(() => {
  FakeTray.instances = [];
});

describe('tray icon files', () => {
  it.each(platforms.flatMap((platform) => trayStates.map((name) => [name, platform] as const)))(
    'the %s icon on %s exists in resources/tray',
    (name, platform) => {
      const file = trayIconFile(name, platform);
      expect(existsSync(join(iconsDir, file))).toBe(true);
    },
  );

  it('uses template images on macOS (with their @2x beside), .ico on Windows, coloured PNG on Linux', () => {
    expect(trayIconFile('failing', 'darwin')).toBe('tray-failingTemplate.png');
    expect(existsSync(join(iconsDir, 'tray-failingTemplate@2x.png'))).toBe(true);
    expect(trayIconFile('failing', 'win32')).toBe('tray-failing.ico');
    expect(trayIconFile('failing', 'linux')).toBe('tray-failing.png');
  });

  it('finds the icons in the repository when run from source', () => {
    expect(trayIconsDir({ isPackaged: false, getAppPath: () => '/repo' })).toBe(join('/repo', 'resources', 'tray'));
  });
});

describe('tray state', () => {
  it.each(platforms)('shows the icon of each state on %s', (platform) => {
    const { tray, fake } = newTray(platform);
    expect(fake.image.path).toBe(join(iconsDir, trayIconFile('idle', platform)));
    for (const name of trayStates) {
      tray.setState(state(name));
      expect(fake.image.path).toBe(join(iconsDir, trayIconFile(name, platform)));
      expect(fake.tooltip).toBe(`Starboard\n${name}`);
    }
  });

  it('puts the title beside the icon on macOS only', () => {
    const mac = newTray('darwin');
    mac.tray.setState(state('failing', '✕2'));
    expect(mac.fake.title).toBe('✕2');
    const linux = newTray('linux');
    linux.tray.setState(state('failing', '✕2'));
    expect(linux.fake.title).toBe('');
  });

  it('shows the window on a click on Windows and Linux; macOS opens the menu instead', () => {
    const linux = newTray('linux');
    linux.fake.emit('click');
    expect(linux.onClick).toHaveBeenCalledOnce();
    const mac = newTray('darwin');
    mac.fake.emit('click');
    expect(mac.onClick).not.toHaveBeenCalled();
  });
});

describe('tray menu', () => {
  it('sets the context menu again on every setMenu (Linux shows a menu as it was set)', () => {
    const { tray, fake } = newTray('linux');
    tray.setMenu(menu);
    tray.setMenu(menu);
    tray.setMenu(menu.slice(1));
    expect(fake.contextMenus).toHaveLength(3);
    expect(fake.contextMenus.at(-1)?.template).toHaveLength(menu.length - 1);
  });

  it('maps labels, enabled, separators and submenus', () => {
    const template = menuTemplate(menu, () => undefined) as Template[];
    expect(template.map((item) => item.type ?? item.label)).toEqual([
      'Waiting for your approval (1)',
      'Review deploy › Prod…',
      'separator',
      'Shop — failing',
      'Quit Starboard',
    ]);
    expect(template[0]?.enabled).toBe(false);
    expect(template[0]?.click).toBeUndefined();
    expect(template[3]?.submenu?.[0]?.label).toBe('deploy — failing');
  });

  it('reports a click as the entry’s action, in submenus too', () => {
    const { tray, fake, onAction } = newTray('win32');
    tray.setMenu(menu);
    const template = fake.contextMenus.at(-1)?.template as Template[];
    template[1]?.click?.();
    template[3]?.submenu?.[0]?.click?.();
    template[4]?.click?.();
    expect(onAction.mock.calls.map(([action]) => action)).toEqual([
      { kind: 'review-approval', approvalId: 'apv_0123456789abcdefAAAA' },
      { kind: 'open', target: { page: 'pipeline', resourceId: 'pipeline:a:us-east-1:deploy' } },
      { kind: 'quit' },
    ]);
  });
});
