// "Refresh now": asks the hub to read everything again at once. The new data
// and status arrive as events; the answer only says how much was started.
import { useMutation } from '@tanstack/react-query';
import { useClient } from './client';
import { unwrap } from './contract-error';

export function useRefreshNow() {
  const client = useClient();
  return useMutation({
    mutationKey: ['refresh.now'],
    mutationFn: () => unwrap(client.command('refresh.now', {})),
  });
}
