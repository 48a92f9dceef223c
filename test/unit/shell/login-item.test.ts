// Start at login reaches the OS at start and on each change of the setting,
// tested with the electron module replaced at its boundary.
import { beforeEach, expect, it, vi } from 'vitest';
import type { HubEvent } from '../../../src/shared/contract';
import { defaultSettings } from '../../../src/shared/model';

const electron = vi.hoisted(() => ({
  app: { isPackaged: true, setLoginItemSettings: vi.fn<(settings: { openAtLogin: boolean }) => void>() },
}));
vi.mock('electron', () => electron);

const { syncLoginItem } = await import('../../../src/main/shell/login-item');

function fakeHub() {
  const listeners = new Set<(event: HubEvent) => void>();
  return {
    subscribe: (listener: (event: HubEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: HubEvent) => listeners.forEach((listener) => listener(event)),
  };
}
const settingsChanged = (startAtLogin: boolean): HubEvent => ({
  name: 'settings.changed',
  payload: { ...defaultSettings, startAtLogin },
});
const log = { info: vi.fn() };

beforeEach(() => {
  electron.app.isPackaged = true;
  electron.app.setLoginItemSettings.mockClear();
  log.info.mockClear();
});

it('applies the setting at start and each time it changes, not on other settings', () => {
  const hub = fakeHub();
  syncLoginItem(hub, false, log);
  hub.emit(settingsChanged(false));
  hub.emit(settingsChanged(true));
  hub.emit(settingsChanged(true));
  hub.emit({ name: 'demo.changed', payload: { active: false, state: 'idle' } } as unknown as HubEvent);
  hub.emit(settingsChanged(false));
  expect(electron.app.setLoginItemSettings.mock.calls.map(([settings]) => settings.openAtLogin)).toEqual([
    false,
    true,
    false,
  ]);
});

it('stops listening when disposed', () => {
  const hub = fakeHub();
  const stop = syncLoginItem(hub, true, log);
  stop();
  hub.emit(settingsChanged(false));
  expect(electron.app.setLoginItemSettings).toHaveBeenCalledTimes(1);
});

it('leaves the OS alone in an unpackaged build and says why', () => {
  electron.app.isPackaged = false;
  syncLoginItem(fakeHub(), true, log);
  expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  expect(log.info).toHaveBeenCalledWith(expect.stringContaining('packaged'), { openAtLogin: true });
});
