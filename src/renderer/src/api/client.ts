// Picks the transport: the Electron bridge when the preload put one on
// window, HTTP otherwise. Components only ever see StarboardClient.
import { createContext, useContext } from 'react';
import type { StarboardBridge, StarboardClient } from '../../../shared/client';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

declare global {
  interface Window {
    starboard?: StarboardBridge;
  }
}

export function createClient(): StarboardClient {
  if (window.starboard) return createIpcClient(window.starboard);
  return createHttpClient(new URL('.', window.location.href).href);
}

export const ClientContext = createContext<StarboardClient | null>(null);

export function useClient(): StarboardClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientContext provider');
  return client;
}
