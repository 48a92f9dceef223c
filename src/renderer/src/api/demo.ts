// Opening and leaving the demo workspace, for every surface that offers it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from './client';
import { unwrap } from './contract-error';
import { demoStatusOptions, workspaceOptions } from './queries';

export function useDemoSwitch(action: 'demo.open' | 'demo.close') {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.command(action, {})),
    onSuccess: async (status) => {
      queryClient.setQueryData(demoStatusOptions(client).queryKey, status);
      await queryClient.invalidateQueries({ queryKey: workspaceOptions(client).queryKey });
    },
  });
}
