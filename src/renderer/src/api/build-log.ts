// A build's log in the window's cache: every line read so far, read on from
// the end. Kept apart from the hooks (no window or client here) so that the
// pushed-event handling and Node tests can use it.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { BuildLogChanged } from '../../../shared/aws-commands';
import type { StarboardClient } from '../../../shared/client';
import { type BuildLogData, mergeLog } from '../components/builds/build-log-data';
import { unwrap } from './contract-error';

/** While a build runs the log is asked for this often, so the hub keeps following it (it stops after ~30 s unasked). */
export const keepFollowingMs = 20_000;

export const buildLogKey = (buildArn: string) => ['codebuild.builds.log', buildArn] as const;

export function buildLogOptions(client: StarboardClient, queryClient: QueryClient, buildArn: string) {
  return queryOptions({
    queryKey: buildLogKey(buildArn),
    queryFn: async (): Promise<BuildLogData> => {
      let data = queryClient.getQueryData<BuildLogData>(buildLogKey(buildArn));
      // The hub answers at most a page of lines at a time: ask on until caught up.
      for (let page = 0; page < 50; page++) {
        const from = data ? data.droppedLines + data.lines.length : 0;
        const view = await unwrap(client.query('codebuild.builds.log', { buildArn, from }));
        data = mergeLog(data, view);
        if (view.lines.length === 0 || view.from + view.lines.length >= view.total) break;
      }
      if (!data) throw new Error('The log could not be read.');
      return data;
    },
    staleTime: Infinity,
  });
}

/** The hub read more of a log (or it ended): read the new lines, if the window holds that log at all. */
export function applyBuildLogChanged(queryClient: QueryClient, payload: BuildLogChanged): void {
  const queryKey = buildLogKey(payload.buildArn);
  const current = queryClient.getQueryData<BuildLogData>(queryKey);
  if (!current) return;
  const end = current.droppedLines + current.lines.length;
  if (payload.total === end && payload.state === current.state) return;
  void queryClient.invalidateQueries({ queryKey, exact: true });
}
