// Sign-in with the browser (the OAuth device flow) and replacing an account's
// token. The flow's state lives in main and is pushed on every change; the
// cache holds the latest one under the query's key. No token ever comes back.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StarboardClient } from '../../../shared/client';
import type { CommandInput } from '../../../shared/contract';
import { useClient } from './client';
import { unwrap } from './contract-error';
import { githubAccountsOptions } from './queries';

export const deviceFlowOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: ['github.deviceFlow'] as const,
    queryFn: () => unwrap(client.query('github.deviceFlow', {})),
    staleTime: Infinity,
  });

/** Keeps the flow's state in the cache as main announces it. */
export function useDeviceFlowEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.name === 'github.deviceFlow.changed') {
          queryClient.setQueryData(deviceFlowOptions(client).queryKey, event.payload);
        }
      }),
    [client, queryClient],
  );
}

export function useStartDeviceFlow() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommandInput<'github.deviceFlow.start'>) =>
      unwrap(client.command('github.deviceFlow.start', input)),
    onSuccess: (flow) => queryClient.setQueryData(deviceFlowOptions(client).queryKey, flow),
  });
}

export function useCancelDeviceFlow() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.command('github.deviceFlow.cancel', {})),
    onSuccess: (flow) => queryClient.setQueryData(deviceFlowOptions(client).queryKey, flow),
  });
}

export function useReplaceToken() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommandInput<'github.accounts.replaceToken'>) =>
      unwrap(client.command('github.accounts.replaceToken', input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: githubAccountsOptions(client).queryKey }),
  });
}
