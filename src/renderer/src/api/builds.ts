// CodeBuild from the window: stop and retry (the hub sends them only for a
// build its snapshot holds), and a build's log. The log is kept in the cache
// as every line read so far; a read asks the hub only for the lines after
// those, and `codebuild.log.changed` (the hub follows a running build while
// someone reads it) triggers such a read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildLogOptions, keepFollowingMs } from './build-log';
import { useClient } from './client';
import { unwrap } from './contract-error';

/** A build's log; while it is open (not ended) it is asked for now and then so the hub keeps following it. */
export function useBuildLog(buildArn: string | undefined) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    ...buildLogOptions(client, queryClient, buildArn ?? ''),
    enabled: buildArn !== undefined,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && data.state === 'ended' ? false : keepFollowingMs;
    },
  });
}

export function useBuildCommand(kind: 'stop' | 'retry') {
  const client = useClient();
  return useMutation({
    mutationFn: (buildArn: string) =>
      unwrap(client.command(kind === 'stop' ? 'codebuild.builds.stop' : 'codebuild.builds.retry', { buildArn })),
  });
}
