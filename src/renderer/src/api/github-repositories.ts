// Finding GitHub repositories to watch, and watching one in a project: the
// hub answers the new projects view, which goes straight into the cache.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { StarboardClient } from '../../../shared/client';
import type { FindGitHubRepositories, WatchGitHubRepository } from '../../../shared/github-accounts';
import { useClient } from './client';
import { unwrap } from './contract-error';
import { projectsOptions, workspaceOptions } from './queries';

const findKey = 'github.repositories.find';

/** One page of an account's own repositories, an owner's, or a search. */
export const repositoryChoicesOptions = (client: StarboardClient, input: FindGitHubRepositories) =>
  queryOptions({
    queryKey: [findKey, input] as const,
    queryFn: () => unwrap(client.query('github.repositories.find', input)),
    // A search costs one of GitHub's 30 a minute: keep answers a while, and never retry on our own.
    staleTime: 60_000,
    retry: false,
  });

export function useWatchRepository() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WatchGitHubRepository) => unwrap(client.command('github.repositories.watch', input)),
    onSuccess: (view) => {
      queryClient.setQueryData(projectsOptions(client).queryKey, view);
      // The account's choices changed, and so did which results a project holds.
      void queryClient.invalidateQueries({ queryKey: workspaceOptions(client).queryKey });
      void queryClient.invalidateQueries({ queryKey: [findKey] });
    },
  });
}
