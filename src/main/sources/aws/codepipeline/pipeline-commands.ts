// The pipeline actions a developer can take besides approvals: start an
// execution, stop one, retry a failed stage. Sent once with the write client
// (maxAttempts 1); a failure is reported, never replayed.
import {
  type CodePipelineClient,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { type SourceResult, tryCall } from './calls';

export type RetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';

export interface StopOptions {
  /** Abandon in-progress actions instead of letting them finish. */
  abandon: boolean;
  /** Shown in the execution history; CodePipeline allows up to 200 characters. */
  reason?: string;
}

const maxStopReason = 200;

export async function startExecution(client: CodePipelineClient, name: string): Promise<SourceResult<string>> {
  const out = await tryCall('codepipeline:StartPipelineExecution', name, () =>
    client.send(new StartPipelineExecutionCommand({ name })),
  );
  return withExecutionId(out, name);
}

export async function stopExecution(
  client: CodePipelineClient,
  name: string,
  pipelineExecutionId: string,
  options: StopOptions,
): Promise<SourceResult<string>> {
  if ((options.reason?.length ?? 0) > maxStopReason) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `The reason can be at most ${maxStopReason} characters.`,
        resource: name,
      },
    };
  }
  const out = await tryCall('codepipeline:StopPipelineExecution', name, () =>
    client.send(
      new StopPipelineExecutionCommand({
        pipelineName: name,
        pipelineExecutionId,
        abandon: options.abandon,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
      }),
    ),
  );
  return withExecutionId(out, name);
}

export async function retryStage(
  client: CodePipelineClient,
  name: string,
  stageName: string,
  pipelineExecutionId: string,
  retryMode: RetryMode,
): Promise<SourceResult<string>> {
  const out = await tryCall('codepipeline:RetryStageExecution', name, () =>
    client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName, pipelineExecutionId, retryMode })),
  );
  return withExecutionId(out, name);
}

function withExecutionId(
  out: SourceResult<{ pipelineExecutionId?: string | undefined }>,
  name: string,
): SourceResult<string> {
  if (!out.ok) return out;
  const id = out.value.pipelineExecutionId;
  if (id === undefined) {
    return {
      ok: false,
      error: { code: 'internal', message: 'CodePipeline did not return an execution id.', resource: name },
    };
  }
  return { ok: true, value: id };
}
