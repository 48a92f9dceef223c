// The desktop app's boot script: lifecycle, and one setup call per feature.
// Decisions live in hub/; the shell only wires Electron to it.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { composeHub } from './compose-hub';
import { dataDirOverride } from './hub/data-dir';
import { consoleLogger as log } from './hub/log';
import { SettingsStore } from './hub/settings-store';
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
import { createMainWindow } from './shell/window';
import { openTokenVault } from './shell/token-vault';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');

const home = dataDirOverride({ env: process.env, cwd: process.cwd() });
if (home) app.setPath('userData', home);

registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;

if (!claimSingleInstance(() => mainWindow)) {
  app.quit();
} else {
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
  hub.subscribe((event) => {
    if (event.name !== 'github.deviceFlow.changed') return;
    const uri = event.payload?.state === 'waiting' ? event.payload.verificationUri : undefined;
    signInHost = uri === undefined ? undefined : enterpriseHost(uri);
  });
  if (process.argv.includes('--demo')) void hub.dispatch('command', 'demo.open', {});
  quitGracefully(() => hub.close(), log);
  forwardPowerEvents(hub);
  syncLoginItem(hub, store.settings.startAtLogin, log);
  const origins = devServerUrl ? [new URL(devServerUrl).origin] : [appOrigin];
  registerIpc(hub, origins, log);

  const openMainWindow = (): void => {
    mainWindow = createMainWindow({
      preload,
      url: devServerUrl ?? `${appOrigin}/index.html`,
      savedState: store.windowState,
      saveState: (state) => store.saveWindowState(state),
    });
    forwardEvents(hub, mainWindow);
    mainWindow.on('closed', () => (mainWindow = undefined));
  };
  openMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
