// One project's dashboard layout, read from and saved to the settings
// (settings.dashboards[projectId]); the change shows at once and is undone
// if the hub refuses it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client';
import { unwrap } from '../../api/contract-error';
import { settingsOptions } from '../../api/queries';
import type { DashboardLayout, Settings } from '../../../../shared/model';
import { withLayout } from './tile-layout';

export interface TileLayoutState {
  /** Undefined until the settings are read, and for a project never customised. */
  layout: DashboardLayout | undefined;
  /** Saves the project's layout; undefined resets it to the default. */
  save: (layout: DashboardLayout | undefined) => void;
  error: Error | null;
}

export function useTileLayout(projectId: string): TileLayoutState {
  const client = useClient();
  const queryClient = useQueryClient();
  const key = settingsOptions(client).queryKey;
  const settings = useQuery(settingsOptions(client));
  const update = useMutation({
    mutationFn: (dashboards: Settings['dashboards']) => unwrap(client.command('settings.update', { dashboards })),
    onMutate: async (dashboards) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Settings>(key);
      if (before) queryClient.setQueryData<Settings>(key, { ...before, dashboards });
      return { before };
    },
    onError: (_error, _dashboards, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: (next) => queryClient.setQueryData(key, next),
  });
  return {
    layout: settings.data?.dashboards[projectId],
    save: (layout) => {
      // The newest settings (a quick second click builds on the first, not on the last render's).
      const all = queryClient.getQueryData<Settings>(key)?.dashboards ?? settings.data?.dashboards ?? {};
      update.mutate(withLayout(all, projectId, layout));
    },
    error: update.error ?? settings.error,
  };
}
