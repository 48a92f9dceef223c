// The desktop app's boot script: lifecycle, and one setup call per feature.
// Decisions live in hub/; the shell only wires Electron to it.
import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { composeHub } from './compose-hub';
import { installCrashGuard } from './crash-guard';
import { dataDirOverride } from './hub/data-dir';
import { startDesktopFeed } from './hub/desktop/desktop-feed';
import type { DesktopFeed } from './hub/desktop/desktop-view';
import { consoleLogger as log } from './hub/log';
import { SettingsStore } from './hub/settings-store';
import { installAppMenu } from './shell/app-menu';
import { setupCloseToTray } from './shell/close-to-tray';
import { receiveDeepLinks, registerProtocolClient } from './shell/deep-links';
import { createDesktopView } from './shell/desktop-view';
import { enterpriseHost } from './shell/external-links';
import { forwardEvents, registerIpc } from './shell/ipc';
import { createOpenExternal } from './shell/open-external';
import { appOrigin, handleAppScheme, registerAppScheme } from './shell/protocol';
import { applySessionPolicy } from './shell/session-policy';
import { electronStoreFactory } from './shell/settings-file';
import { claimSingleInstance } from './shell/single-instance';
import { forwardPowerEvents } from './shell/system-signals';
import { syncLoginItem } from './shell/login-item';
import { quitGracefully } from './shell/graceful-quit';
import { watchRendererHealth } from './shell/renderer-health';
import { followTheme } from './shell/theme';
import { trayIconsDir } from './shell/tray';
import { createMainWindow } from './shell/window';
import { openTokenVault } from './shell/token-vault';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');
const appUrl = devServerUrl ?? `${appOrigin}/index.html`;

const home = dataDirOverride({ env: process.env, cwd: process.cwd() });
if (home) app.setPath('userData', home);

registerAppScheme();
app.enableSandbox();

/** Shows the main window; set once the app has started. */
let showWindow: () => void = () => undefined;
/** Links that arrive before the desktop feed runs wait here (one). */
const deepLinks = receiveDeepLinks(process.argv);

if (!claimSingleInstance({ showWindow: () => showWindow(), onLink: deepLinks.receive })) {
  app.quit();
} else {
  registerProtocolClient();
  void app.whenReady().then(start);
}

function start(): void {
  const dataDir = app.getPath('userData');
  const store = SettingsStore.open(dataDir, electronStoreFactory);
  for (const notice of store.notices) log.warn(`settings file kept aside: ${notice.reason}`, { keptAs: notice.keptAs });

  /** The GitHub Enterprise host of a device sign-in in progress: its page opens before the account exists. */
  let signInHost: string | undefined;
  const openExternal = createOpenExternal(
    () => [
      ...store.workspace.githubAccounts.flatMap((account) => enterpriseHost(account.host) ?? []),
      ...(signInHost === undefined ? [] : [signInHost]),
    ],
    log,
  );
  applySessionPolicy({ openExternal, warn: log.warn });
  handleAppScheme(rendererDir);

  const hub = composeHub({
    store,
    info: { name: 'Starboard', version: app.getVersion(), mode: 'desktop', platform: process.platform, dataDir },
    log,
    openUrl: openExternal,
    tokenVault: openTokenVault(dataDir, log),
  });
  installCrashGuard(process, (kind, error) => hub.recordCrash(kind, error));
  hub.subscribe((event) => {
    if (event.name !== 'github.deviceFlow.changed') return;
    const uri = event.payload?.state === 'waiting' ? event.payload.verificationUri : undefined;
    signInHost = uri === undefined ? undefined : enterpriseHost(uri);
  });
  if (process.argv.includes('--demo')) void hub.dispatch('command', 'demo.open', {});
  const desktop: { feed?: DesktopFeed } = {};
  quitGracefully(async () => {
    desktop.feed?.close();
    await hub.close();
  }, log);
  forwardPowerEvents(hub);
  syncLoginItem(hub, store.settings.startAtLogin, log);
  followTheme(hub, store.settings.theme);
  const origins = devServerUrl ? [new URL(devServerUrl).origin] : [appOrigin];
  registerIpc(hub, origins, log);

  const closeToTray = setupCloseToTray({ store, platform: process.platform, warn: log.warn });
  let mainWindow: BrowserWindow | undefined;
  const openMainWindow = (hash?: string): BrowserWindow => {
    const window = createMainWindow({
      preload,
      url: `${appUrl}${hash ?? ''}`,
      savedState: store.windowState,
      savedByDisplays: store.shellState.windows,
      saveState: (displays, state) => {
        try {
          store.saveWindowStateFor(displays, state);
        } catch (error) {
          log.warn('could not save the window bounds', { error: String(error) });
        }
      },
    });
    mainWindow = window;
    forwardEvents(hub, window);
    watchRendererHealth(window, { record: (kind, error) => hub.recordCrash(kind, error) });
    closeToTray.guard(window);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    return window;
  };

  const view = createDesktopView({
    platform: process.platform,
    iconsDir: trayIconsDir(app),
    preload,
    appUrl,
    feed: () => desktop.feed,
    mainWindow: () => mainWindow,
    createMainWindow: openMainWindow,
    onReviewWindow: (window) => {
      forwardEvents(hub, window);
      watchRendererHealth(window, { record: (kind, error) => hub.recordCrash(kind, error) });
    },
    quit: () => app.quit(),
    warn: log.warn,
  });
  installAppMenu({
    platform: process.platform,
    packaged: app.isPackaged,
    openWindow: (hash) => view.openWindow(hash),
    dataDir,
    warn: log.warn,
  });
  showWindow = () => view.openWindow();
  // macOS: a click on the Dock icon brings the (hidden) window back.
  app.on('activate', () => view.openWindow());

  desktop.feed = startDesktopFeed({ hub, view, warn: log.warn });
  // Launched by a link: the feed opens what it names (the window at that page, or a review window).
  if (!deepLinks.deliverTo(desktop.feed)) view.openWindow();
}
