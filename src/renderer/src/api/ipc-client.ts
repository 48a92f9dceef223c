// The desktop transport: the preload's window.starboard bridge.
import type { StarboardBridge, StarboardClient } from '../../../shared/client';

export function createIpcClient(bridge: StarboardBridge): StarboardClient {
  return {
    transport: 'ipc',
    query: (name, input) => bridge.query[name](input),
    command: (name, input) => bridge.command[name](input),
    subscribe: (listener) => bridge.subscribe(listener),
    // IPC has no connection to lose while the window lives.
    onConnection: () => () => {},
  };
}
