// The electron module replaced at its boundary: just enough of each API for
// the shell's unit tests to drive it and see what it did.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  sent: { channel: string; args: unknown[] }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reloads = 0;
  crashes = 0;
  reload(): void {
    this.reloads += 1;
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  maximized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 1100, height: 700 };
  }
  visible = false;
  minimized = false;
  focused = 0;
  backgroundColor: string | undefined;
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused += 1;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  setBackgroundColor(colour: string): void {
    this.backgroundColor = colour;
  }
  /** Like Electron: 'close' can be prevented; otherwise the window is destroyed and 'closed' follows. */
  close(): void {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    FakeBrowserWindow.instances = FakeBrowserWindow.instances.filter((window) => window !== this);
    this.emit('closed');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances;
  }
}

/** A NativeImage that remembers the file it came from. */
export interface FakeImage {
  path: string;
  isEmpty(): boolean;
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  title = '';
  contextMenus: FakeMenu[] = [];
  destroyed = false;
  constructor(public image: FakeImage) {
    super();
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu): void {
    this.contextMenus.push(menu);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** A menu built from a template keeps the template, so tests can read and click it. */
export class FakeMenu {
  static application: FakeMenu | null | undefined;
  constructor(readonly template: Record<string, unknown>[]) {}
  static buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.application = menu;
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  shown = false;
  closed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.instances.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * safeStorage's async API with a configurable Linux backend. Its "encryption"
 * XORs with a key byte (never the plain bytes on output); a new key stands
 * for a reset keychain, so older ciphertext no longer decrypts.
 */
export class FakeSafeStorage {
  backend: StorageBackend = 'gnome_libsecret';
  available = true;
  denyEncrypt = false;
  shouldReEncrypt = false;
  key = 0x5a;
  reset(): void {
    Object.assign(this, { backend: 'gnome_libsecret', available: true, denyEncrypt: false, shouldReEncrypt: false });
    this.key = 0x5a;
  }
  getSelectedStorageBackend(): StorageBackend {
    return this.backend;
  }
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (this.denyEncrypt || !this.available) return Promise.reject(new Error('Encryption is not available.'));
    const bytes = Buffer.from(plainText, 'utf8').map((byte) => byte ^ this.key);
    return Promise.resolve(Buffer.concat([Buffer.from('v11'), Buffer.from([this.key]), bytes]));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (encrypted.subarray(0, 3).toString() !== 'v11' || encrypted[3] !== this.key) {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
    const bytes = encrypted.subarray(4).map((byte) => byte ^ this.key);
    return Promise.resolve({ result: Buffer.from(bytes).toString('utf8'), shouldReEncrypt: this.shouldReEncrypt });
  }
}

const fakeThemeState: { themeSource: 'system' | 'light' | 'dark'; shouldUseDarkColors: boolean } = {
  themeSource: 'system',
  shouldUseDarkColors: false,
};

export const fakeElectron = {
  BrowserWindow: FakeBrowserWindow,
  /** Message boxes answer with `nextResponse` (the index of the button "clicked") and are recorded. */
  dialog: {
    shown: [] as { options: Record<string, unknown> }[],
    nextResponse: 0,
    showMessageBox(_window: unknown, options: Record<string, unknown>) {
      this.shown.push({ options });
      return Promise.resolve({ response: this.nextResponse, checkboxChecked: false });
    },
  },
  ipcMain: {
    handlers: new Map<string, InvokeHandler>(),
    handle(channel: string, handler: InvokeHandler) {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, handler);
    },
  },
  ipcRenderer: Object.assign(new EventEmitter(), {
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ channel, input })),
  }),
  contextBridge: {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      this.exposed.set(key, api);
    },
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
  screen: {
    displays: [
      {
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1080 },
        scaleFactor: 1,
      },
    ],
    getAllDisplays() {
      return this.displays;
    },
  },
  app: Object.assign(new EventEmitter(), {
    getVersion: () => '0.0.0-test',
    isPackaged: false,
    getAppPath: () => '/app',
    quit: vi.fn(),
    setAsDefaultProtocolClient: vi.fn<(protocol: string, path?: string, args?: string[]) => boolean>(() => true),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
  }),
  Tray: FakeTray,
  Menu: FakeMenu,
  Notification: FakeNotification,
  nativeImage: {
    createFromPath: (path: string): FakeImage => ({ path, isEmpty: () => false }),
  },
  nativeTheme: Object.assign(new EventEmitter(), fakeThemeState),
  session: {
    defaultSession: {
      permissionRequestHandler: undefined as undefined | ((...args: unknown[]) => void),
      permissionCheckHandler: undefined as undefined | ((...args: unknown[]) => boolean),
      devicePermissionHandler: undefined as undefined | ((...args: unknown[]) => boolean),
      setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
        this.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
        this.permissionCheckHandler = handler;
      },
      setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
        this.devicePermissionHandler = handler;
      },
    },
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  powerMonitor: new EventEmitter(),
  safeStorage: new FakeSafeStorage(),
};

/** A navigation-style event whose preventDefault can be observed. */
export function cancellable(extra: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...extra };
}
