// Changing projects (confirm, dismiss, …): the hub answers with the whole
// new view, which goes straight into the cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectCommand } from '../../../shared/projects';
import { useClient } from './client';
import { unwrap } from './contract-error';
import { projectsOptions } from './queries';

export function useProjectEdit() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: ProjectCommand) => unwrap(client.command('projects.edit', command)),
    onSuccess: (view) => queryClient.setQueryData(projectsOptions(client).queryKey, view),
  });
}
