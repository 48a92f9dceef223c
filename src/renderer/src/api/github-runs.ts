// Re-run and cancel a GitHub Actions run. The hub refuses runs of
// repositories it does not watch; the new state arrives with the next
// snapshot change, which the command brings forward.
import { useMutation } from '@tanstack/react-query';
import type { CommandInput } from '../../../shared/contract';
import { useClient } from './client';
import { unwrap } from './contract-error';

export type RunTarget = CommandInput<'github.runs.cancel'>;

export function useRunCommand() {
  const client = useClient();
  return useMutation({
    mutationFn: ({ target, action }: { target: RunTarget; action: 'rerun' | 'rerun-failed' | 'cancel' }) =>
      unwrap(
        action === 'cancel'
          ? client.command('github.runs.cancel', target)
          : client.command('github.runs.rerun', { ...target, failedOnly: action === 'rerun-failed' }),
      ),
  });
}
