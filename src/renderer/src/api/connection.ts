// The transport's connection state, for the status bar.
import { useEffect, useState } from 'react';
import type { ConnectionState, StarboardClient } from '../../../shared/client';

export function useConnectionState(client: StarboardClient): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connected');
  useEffect(() => client.onConnection(setState), [client]);
  return state;
}
