// The pipeline page's commands: "Release change" (start), "Stop execution…"
// and a stage's "Retry stage…". Each asks first in a dialog, sends once, and
// says what CodePipeline answered until the snapshot shows the new state.
import { useState } from 'react';
import type { PipelineExecution } from '../../../../shared/pipelines';
import type { ContractError } from '../../../../shared/result';
import { ContractFailure } from '../../api/contract-error';
import { useRetryStage, useStartPipeline, useStopPipeline } from '../../api/pipelines';
import { Icon } from '../dashboard/Icon';
import { PipelineCommandDialog } from './PipelineCommandDialog';
import { shortId } from './pipeline-detail';

function contractError(error: Error | null): ContractError | undefined {
  if (!error) return undefined;
  return error instanceof ContractFailure ? error.detail : { code: 'internal', message: error.message };
}

export function ReleaseChangeButton({ pipelineId, name }: { pipelineId: string; name: string }): React.JSX.Element {
  const start = useStartPipeline();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => {
          start.reset();
          setOpen(true);
        }}
      >
        <Icon name="play" /> Release change
      </button>
      {start.data && (
        <span className="muted small" role="status">
          Started execution <code>{shortId(start.data.pipelineExecutionId)}</code>
        </span>
      )}
      {open && (
        <PipelineCommandDialog
          title={`Release a change through ${name}?`}
          description={
            <p>
              CodePipeline starts a new execution of <strong>{name}</strong> with the latest revision of each source
              action, and runs every stage from the start.
            </p>
          }
          confirmLabel="Release change"
          pendingText="Asking CodePipeline to start an execution…"
          iamAction="codepipeline:StartPipelineExecution"
          pending={start.isPending}
          error={contractError(start.error)}
          onConfirm={() => start.mutate({ pipelineId }, { onSuccess: () => setOpen(false) })}
          onCancel={() => {
            if (!start.isPending) setOpen(false);
          }}
        />
      )}
    </>
  );
}

export function StopExecutionButton({
  pipelineId,
  name,
  execution,
}: {
  pipelineId: string;
  name: string;
  execution: PipelineExecution;
}): React.JSX.Element {
  const stop = useStopPipeline();
  const [open, setOpen] = useState(false);
  const [abandon, setAbandon] = useState(false);
  const [reason, setReason] = useState('');
  const id = execution.pipelineExecutionId;
  return (
    <>
      {stop.data ? (
        <span className="muted small" role="status">
          <Icon name="running" /> Stopping execution <code>{shortId(id)}</code>…
        </span>
      ) : (
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => {
            stop.reset();
            setOpen(true);
          }}
        >
          <Icon name="stop" /> Stop execution…
        </button>
      )}
      {open && (
        <PipelineCommandDialog
          title={`Stop execution ${shortId(id)} of ${name}?`}
          description={
            <p>
              Execution <code>{id}</code> stops: no further stage starts.
            </p>
          }
          confirmLabel="Stop execution"
          pendingText="Asking CodePipeline to stop the execution…"
          iamAction="codepipeline:StopPipelineExecution"
          danger
          pending={stop.isPending}
          error={contractError(stop.error)}
          onConfirm={() =>
            stop.mutate(
              {
                pipelineId,
                pipelineExecutionId: id,
                abandon,
                ...(reason.trim() !== '' ? { reason: reason.trim() } : {}),
              },
              { onSuccess: () => setOpen(false) },
            )
          }
          onCancel={() => {
            if (!stop.isPending) setOpen(false);
          }}
        >
          <fieldset className="pipeline-dialog-choice">
            <legend>How to stop</legend>
            <label className="radio">
              <input type="radio" name="stop-mode" checked={!abandon} onChange={() => setAbandon(false)} />
              <span>
                <strong>Stop and wait</strong>
                <span className="muted small"> · actions in progress finish first</span>
              </span>
            </label>
            <label className="radio">
              <input type="radio" name="stop-mode" checked={abandon} onChange={() => setAbandon(true)} />
              <span>
                <strong>Stop and abandon</strong>
                <span className="muted small"> · actions in progress are abandoned and may leave work half done</span>
              </span>
            </label>
          </fieldset>
          <label className="field pipeline-dialog-reason">
            <span>Reason (optional, shown in the execution history)</span>
            <textarea maxLength={200} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
            <span className="muted small">{200 - reason.length} characters left</span>
          </label>
        </PipelineCommandDialog>
      )}
    </>
  );
}

export function RetryStageButton({
  pipelineId,
  name,
  stageName,
  pipelineExecutionId,
}: {
  pipelineId: string;
  name: string;
  stageName: string;
  pipelineExecutionId: string;
}): React.JSX.Element {
  const retry = useRetryStage();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'FAILED_ACTIONS' | 'ALL_ACTIONS'>('FAILED_ACTIONS');
  return (
    <>
      {retry.data ? (
        <span className="muted small" role="status">
          <Icon name="running" /> Retrying…
        </span>
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            retry.reset();
            setOpen(true);
          }}
        >
          <Icon name="refresh" /> Retry stage…
        </button>
      )}
      {open && (
        <PipelineCommandDialog
          title={`Retry stage ${stageName} of ${name}?`}
          description={
            <p>
              CodePipeline runs stage <strong>{stageName}</strong> again for execution{' '}
              <code>{pipelineExecutionId}</code>, with the same revisions; the stages after it follow if it succeeds.
            </p>
          }
          confirmLabel="Retry stage"
          pendingText="Asking CodePipeline to retry the stage…"
          iamAction="codepipeline:RetryStageExecution"
          pending={retry.isPending}
          error={contractError(retry.error)}
          onConfirm={() =>
            retry.mutate(
              { pipelineId, pipelineExecutionId, stageName, retryMode: mode },
              { onSuccess: () => setOpen(false) },
            )
          }
          onCancel={() => {
            if (!retry.isPending) setOpen(false);
          }}
        >
          <fieldset className="pipeline-dialog-choice">
            <legend>What to run again</legend>
            <label className="radio">
              <input
                type="radio"
                name="retry-mode"
                checked={mode === 'FAILED_ACTIONS'}
                onChange={() => setMode('FAILED_ACTIONS')}
              />
              <span>
                <strong>Failed actions only</strong>
                <span className="muted small"> · actions that succeeded keep their result</span>
              </span>
            </label>
            <label className="radio">
              <input
                type="radio"
                name="retry-mode"
                checked={mode === 'ALL_ACTIONS'}
                onChange={() => setMode('ALL_ACTIONS')}
              />
              <span>
                <strong>All actions</strong>
                <span className="muted small"> · every action of the stage runs again</span>
              </span>
            </label>
          </fieldset>
        </PipelineCommandDialog>
      )}
    </>
  );
}
