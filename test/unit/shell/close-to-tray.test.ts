// Close to tray, with the electron module replaced at its boundary and a
// real settings file: closing hides the window, the hint shows once across
// restarts, and quitting closes for real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, FakeNotification } from '../../support/fake-electron';
import { confFactory, tempDir } from '../../support/temp-hub';
import { SettingsStore } from '../../../src/main/hub/settings-store';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { setupCloseToTray, trayHint } = await import('../../../src/main/shell/close-to-tray');
const { createMainWindow } = await import('../../../src/main/shell/window');

const app = fakeElectron.app;
let temp: ReturnType<typeof tempDir>;

beforeEach(() => {
  temp = tempDir();
  app.removeAllListeners();
  FakeBrowserWindow.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
});
afterEach(() => temp.remove());

/** One run of the app: a store over the same folder, and a guarded main window. */
function run(platform: NodeJS.Platform = 'linux') {
  app.removeAllListeners();
  const store = SettingsStore.open(temp.dir, confFactory);
  const closeToTray = setupCloseToTray({ store, platform, warn: () => undefined });
  const window = new FakeBrowserWindow({});
  window.show();
  closeToTray.guard(window as never);
  return { store, closeToTray, window };
}

describe('close to tray', () => {
  it('hides the window instead of closing it', () => {
    const { window } = run();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
  });

  it('shows the hint once, and not again after a restart', () => {
    const first = run();
    first.window.close();
    first.window.show();
    first.window.close();
    expect(FakeNotification.instances).toHaveLength(1);
    expect(FakeNotification.instances[0]?.options).toMatchObject(trayHint('linux'));
    expect(FakeNotification.instances[0]?.shown).toBe(true);
    expect(first.store.shellState.trayHintShown).toBe(true);

    const second = run();
    second.window.close();
    expect(second.window.visible).toBe(false);
    expect(FakeNotification.instances).toHaveLength(1);
  });

  it('tells macOS users about Cmd+Q', () => {
    const { window } = run('darwin');
    window.close();
    expect(String(FakeNotification.instances[0]?.options['body'])).toContain('Cmd+Q');
    expect(trayHint('win32').body).toContain('tray menu');
  });

  it('closes for real once the app is quitting', () => {
    const { window, closeToTray } = run();
    app.emit('before-quit', { preventDefault: vi.fn() });
    expect(closeToTray.quitting).toBe(true);
    window.close();
    expect(window.destroyed).toBe(true);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('lets Windows end the session', () => {
    const { window } = run('win32');
    window.emit('session-end', {});
    window.close();
    expect(window.destroyed).toBe(true);
  });

  it('keeps the app running when the last window closes', () => {
    run();
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });

  it('saves the window bounds for the displays when it hides', () => {
    const store = SettingsStore.open(temp.dir, confFactory);
    const closeToTray = setupCloseToTray({ store, platform: 'linux', warn: () => undefined });
    const window = createMainWindow({
      preload: '/p.cjs',
      url: 'app://bundle/index.html',
      savedState: undefined,
      saveState: (displays, state) => store.saveWindowStateFor(displays, state),
    }) as unknown as FakeBrowserWindow;
    closeToTray.guard(window as never);
    window.close();
    const saved = { x: 5, y: 6, width: 1100, height: 700, maximized: false };
    expect(store.windowState).toEqual(saved);
    expect(Object.values(store.shellState.windows)).toEqual([saved]);
  });
});
