// Settings → Theme drives nativeTheme, and the windows' background follows
// the colours in use; tested with the electron module replaced at its boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from '../../support/fake-electron';
import type { HubEvent } from '../../../src/shared/contract';
import { defaultSettings } from '../../../src/shared/model';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { followTheme, windowBackgrounds } = await import('../../../src/main/shell/theme');
const { mainWindowOptions } = await import('../../../src/main/shell/window');

const theme = fakeElectron.nativeTheme;

function fakeHub() {
  const listeners = new Set<(event: HubEvent) => void>();
  return {
    subscribe(listener: (event: HubEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: HubEvent) => listeners.forEach((listener) => listener(event)),
    get listeners() {
      return listeners.size;
    },
  };
}

beforeEach(() => {
  theme.removeAllListeners();
  theme.themeSource = 'system';
  theme.shouldUseDarkColors = false;
  FakeBrowserWindow.instances = [];
});

describe('theme', () => {
  it('applies the theme at start and on each settings change', () => {
    const hub = fakeHub();
    followTheme(hub, 'dark');
    expect(theme.themeSource).toBe('dark');
    hub.emit({ name: 'settings.changed', payload: { ...defaultSettings, theme: 'light' } });
    expect(theme.themeSource).toBe('light');
    hub.emit({ name: 'settings.changed', payload: { ...defaultSettings, theme: 'system' } });
    expect(theme.themeSource).toBe('system');
  });

  it('repaints the windows’ background when the colours change', () => {
    const window = new FakeBrowserWindow({});
    followTheme(fakeHub(), 'system');
    theme.shouldUseDarkColors = true;
    theme.emit('updated');
    expect(window.backgroundColor).toBe(windowBackgrounds.dark);
    theme.shouldUseDarkColors = false;
    theme.emit('updated');
    expect(window.backgroundColor).toBe(windowBackgrounds.light);
  });

  it('opens the main window in the colours in use', () => {
    theme.shouldUseDarkColors = true;
    expect(mainWindowOptions('/p.cjs', undefined).backgroundColor).toBe(windowBackgrounds.dark);
    theme.shouldUseDarkColors = false;
    expect(mainWindowOptions('/p.cjs', undefined).backgroundColor).toBe(windowBackgrounds.light);
  });

  it('stops following when asked', () => {
    const hub = fakeHub();
    const stop = followTheme(hub, 'dark');
    stop();
    expect(hub.listeners).toBe(0);
    expect(theme.listenerCount('updated')).toBe(0);
  });
});
