// The contract over Electron IPC. The only module that touches ipcMain: one
// handler per query and command, each checking the sender before the hub
// sees anything; events go to our windows as plain data.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelFor, commandNames, eventChannel, queryNames, type MessageKind } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { Hub } from '../hub/hub';
import type { Logger } from '../hub/log';
import { isTrustedSender } from './ipc-sender';

export function registerIpc(hub: Hub, appOrigins: readonly string[], log: Logger): void {
  const register = (kind: MessageKind, name: string): void => {
    ipcMain.handle(channelFor(kind, name), async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, appOrigins)) {
        log.warn('refused IPC from an untrusted frame', { channel: channelFor(kind, name) });
        return fail('unknown-message', 'Refused.');
      }
      return hub.dispatch(kind, name, payload);
    });
  };
  for (const name of queryNames) register('query', name);
  for (const name of commandNames) register('command', name);
}

/** Forwards hub events to a window for as long as it lives. */
export function forwardEvents(hub: Hub, window: BrowserWindow): void {
  const unsubscribe = hub.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, event);
  });
  window.on('closed', unsubscribe);
}
