// Shell security settings, tested with the electron module replaced at its boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cancellable, fakeElectron, FakeBrowserWindow, FakeWebContents } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { createMainWindow, mainWindowOptions } = await import('../../../src/main/shell/window');
const { displayKey } = await import('../../../src/main/shell/window-state');
const { guardWebContents } = await import('../../../src/main/shell/web-contents');
const { createOpenExternal } = await import('../../../src/main/shell/open-external');
const { applySessionPolicy } = await import('../../../src/main/shell/session-policy');
const { silentLogger } = await import('../../../src/main/hub/log');

describe('electron boundary: window options (RELIABILITY S05, checklist 2-4, 6, 8-11)', () => {
  it('creates every window sandboxed, isolated, without Node or webviews', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', undefined).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the bundle, restores remembered bounds and saves them on close and on hide', () => {
    const saveState = vi.fn();
    createMainWindow({
      preload: '/p.cjs',
      url: 'app://bundle/index.html',
      savedState: { x: 10, y: 10, width: 1000, height: 700, maximized: true },
      saveState,
    });
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.loadedUrl).toBe('app://bundle/index.html');
    expect(window?.options).toMatchObject({ x: 10, y: 10, width: 1000, height: 700 });
    expect(window?.maximized).toBe(true);
    window?.emit('close');
    const key = displayKey(fakeElectron.screen.displays);
    expect(saveState).toHaveBeenCalledWith(key, { x: 5, y: 6, width: 1100, height: 700, maximized: true });
    saveState.mockClear();
    window?.emit('hide');
    expect(saveState).toHaveBeenCalledWith(key, { x: 5, y: 6, width: 1100, height: 700, maximized: true });
  });

  it('restores the bounds remembered for the displays as they are now', () => {
    const key = displayKey(fakeElectron.screen.displays);
    createMainWindow({
      preload: '/p.cjs',
      url: 'app://bundle/index.html',
      savedState: { x: 10, y: 10, width: 1000, height: 700, maximized: false },
      savedByDisplays: {
        [key]: { x: 300, y: 200, width: 900, height: 600, maximized: false },
        'other-desk': { x: 2000, y: 0, width: 900, height: 600, maximized: false },
      },
      saveState: () => undefined,
    });
    expect(FakeBrowserWindow.instances.at(-1)?.options).toMatchObject({ x: 300, y: 200, width: 900, height: 600 });
  });

  it('shows itself once painted', () => {
    createMainWindow({ preload: '/p.cjs', url: 'app://bundle/index.html', savedState: undefined, saveState: vi.fn() });
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.visible).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.visible).toBe(true);
  });
});

describe('electron boundary: navigation and new windows (RELIABILITY S08, S09, S14)', () => {
  let contents: FakeWebContents;
  const openExternal = vi.fn();
  beforeEach(() => {
    contents = new FakeWebContents();
    openExternal.mockClear();
    guardWebContents(contents as never, { openExternal, warn: () => {} });
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const event = cancellable();
    contents.emit(name, event, 'https://evil.example');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents frame navigation', () => {
    const event = cancellable({ url: 'javascript:alert(1)' });
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and hands the URL to the openExternal gate', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://github.com/x' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://github.com/x');
  });

  it('opens only allow-listed https links in the browser (RELIABILITY S10)', () => {
    const open = createOpenExternal(() => ['ghe.acme.example'], silentLogger);
    open('https://github.com/acme');
    open('https://ghe.acme.example/acme');
    open('file:///etc/passwd');
    open('https://console.aws.amazon.com.evil.example/');
    expect(fakeElectron.shell.openExternal.mock.calls).toEqual([
      ['https://github.com/acme'],
      ['https://ghe.acme.example/acme'],
    ]);
  });
});

describe('electron boundary: session policy (RELIABILITY S13, S16)', () => {
  applySessionPolicy({ openExternal: () => {}, warn: () => {} });
  const ses = fakeElectron.session.defaultSession;

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'hid', 'serial', 'openExternal'])(
    'denies the %s permission',
    (permission) => {
      const callback = vi.fn();
      ses.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.({}, permission)).toBe(false);
    },
  );

  it('refuses certificates that fail verification', () => {
    const callback = vi.fn();
    const event = cancellable();
    fakeElectron.app.emit(
      'certificate-error',
      event,
      {},
      'https://api.github.com',
      'net::ERR_CERT_AUTHORITY_INVALID',
      {},
      callback,
    );
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('guards every web contents created later', () => {
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });
});
