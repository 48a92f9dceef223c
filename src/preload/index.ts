// The preload exposes the contract, and nothing else, on window.starboard:
// one named function per query and command, and an event subscription whose
// listener receives plain data (never the IpcRendererEvent). It never
// forwards process.env or any Node/Electron object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StarboardBridge } from '../shared/client';
import type { HubEvent } from '../shared/contract';
import { channelFor, commandNames, eventChannel, queryNames, type MessageKind } from '../shared/contract-names';

function invokers<N extends string>(
  kind: MessageKind,
  names: readonly N[],
): Record<N, (input: unknown) => Promise<unknown>> {
  const table = {} as Record<N, (input: unknown) => Promise<unknown>>;
  for (const name of names) table[name] = (input) => ipcRenderer.invoke(channelFor(kind, name), input);
  return table;
}

export const bridge = {
  query: invokers('query', queryNames),
  command: invokers('command', commandNames),
  subscribe(listener: (event: HubEvent) => void): () => void {
    const relay = (_event: IpcRendererEvent, data: HubEvent): void => listener(data);
    ipcRenderer.on(eventChannel, relay);
    return () => {
      ipcRenderer.removeListener(eventChannel, relay);
    };
  },
} as unknown as StarboardBridge; // The table's per-name types come from the contract; main validates every payload.

contextBridge.exposeInMainWorld('starboard', bridge);
