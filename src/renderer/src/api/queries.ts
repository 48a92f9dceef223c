// Query options for every contract query, and the hook that keeps the cache
// in step with pushed events. Components use these, never the client directly
// for reads.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StarboardClient } from '../../../shared/client';
import type { QueryName } from '../../../shared/contract';
import { unwrap } from './contract-error';

const key = (name: QueryName) => [name] as const;

export const appInfoOptions = (client: StarboardClient) =>
  queryOptions({ queryKey: key('app.info'), queryFn: () => unwrap(client.query('app.info', {})), staleTime: Infinity });

export const settingsOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: key('settings.get'),
    queryFn: () => unwrap(client.query('settings.get', {})),
    staleTime: Infinity,
  });

export const workspaceOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: key('workspace.get'),
    queryFn: () => unwrap(client.query('workspace.get', {})),
    staleTime: Infinity,
  });

export const approvalsOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: key('approvals.list'),
    queryFn: () => unwrap(client.query('approvals.list', {})),
    staleTime: Infinity,
  });

export const demoStatusOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: key('demo.status'),
    queryFn: () => unwrap(client.query('demo.status', {})),
    staleTime: Infinity,
  });

/** Writes pushed events into the cache; refetches everything after a reconnect. */
export function useHubEvents(client: StarboardClient): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stopEvents = client.subscribe((event) => {
      switch (event.name) {
        case 'settings.changed':
          queryClient.setQueryData(settingsOptions(client).queryKey, event.payload);
          break;
        case 'workspace.changed':
          queryClient.setQueryData(workspaceOptions(client).queryKey, event.payload);
          break;
        case 'approvals.changed':
          queryClient.setQueryData(approvalsOptions(client).queryKey, event.payload);
          break;
        case 'demo.changed':
          queryClient.setQueryData(demoStatusOptions(client).queryKey, event.payload);
          break;
      }
    });
    const stopConnection = client.onConnection((state) => {
      if (state === 'connected') void queryClient.invalidateQueries();
    });
    return () => {
      stopEvents();
      stopConnection();
    };
  }, [client, queryClient]);
}
