// Reading and changing settings from the Settings page: each change shows at
// once (optimistic) and the hub's answer, or the previous value, follows.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Diagnostics } from '../../../../shared/diagnostics';
import type { Settings, SettingsPatch } from '../../../../shared/model';
import type { StarboardClient } from '../../../../shared/client';
import { useClient } from '../../api/client';
import { unwrap } from '../../api/contract-error';
import { settingsOptions } from '../../api/queries';

/** Read each time the section shows: entries come from main's log, which pushes no event. */
export const diagnosticsOptions = (client: StarboardClient) =>
  queryOptions<Diagnostics>({
    queryKey: ['diagnostics.get'] as const,
    queryFn: () => unwrap(client.query('diagnostics.get', {})),
    staleTime: 0,
  });

/**
 * The settings as the user last chose them: the hub's, with the changes still
 * on their way laid over them, so a pushed `settings.changed` for an earlier
 * change never undoes a later one on screen. Changes go to the hub one at a
 * time, in order, so the last choice is the one kept.
 */
export function useSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const settings = useQuery(settingsOptions(client));
  const [pending, setPending] = useState<SettingsPatch>({});
  const [error, setError] = useState<Error | null>(null);
  const queue = useRef<{ tail: Promise<unknown>; count: number }>({ tail: Promise.resolve(), count: 0 });

  const change = useCallback(
    (patch: SettingsPatch) => {
      setPending((current) => ({ ...current, ...patch }));
      setError(null);
      const state = queue.current;
      state.count += 1;
      state.tail = state.tail
        .then(() => unwrap(client.command('settings.update', patch)))
        .then(
          (next) => queryClient.setQueryData<Settings>(settingsOptions(client).queryKey, next),
          (failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure))),
        )
        .finally(() => {
          state.count -= 1;
          if (state.count === 0) setPending({});
        });
    },
    [client, queryClient],
  );

  const data = settings.data ? { ...settings.data, ...pending } : undefined;
  return { settings, data, change, error };
}
