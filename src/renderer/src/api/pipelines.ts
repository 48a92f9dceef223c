// The pipeline page's reads and commands: the action runs of one execution
// (asked for when the user opens it), and start, stop and retry-stage. The
// new state arrives with the next snapshot change, which each command
// brings forward in the hub.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { StarboardClient } from '../../../shared/client';
import type { CommandInput } from '../../../shared/contract';
import { useClient } from './client';
import { unwrap } from './contract-error';

/** An execution's action runs: they change while it runs, so they are read again after 15 s. */
export const actionExecutionsOptions = (client: StarboardClient, pipelineId: string, pipelineExecutionId: string) =>
  queryOptions({
    queryKey: ['codepipeline.actionExecutions', pipelineId, pipelineExecutionId] as const,
    queryFn: () => unwrap(client.query('codepipeline.actionExecutions', { pipelineId, pipelineExecutionId })),
    staleTime: 15_000,
  });

type PipelineCommand = 'codepipeline.executions.start' | 'codepipeline.executions.stop' | 'codepipeline.stages.retry';

function usePipelineCommand<N extends PipelineCommand>(name: N) {
  const client = useClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: CommandInput<N>) => unwrap(client.command(name, input)),
    onSuccess: (_out, input) =>
      queries.invalidateQueries({ queryKey: ['codepipeline.actionExecutions', input.pipelineId] }),
  });
}

export const useStartPipeline = () => usePipelineCommand('codepipeline.executions.start');
export const useStopPipeline = () => usePipelineCommand('codepipeline.executions.stop');
export const useRetryStage = () => usePipelineCommand('codepipeline.stages.retry');
