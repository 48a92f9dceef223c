// The commands of one workflow run: re-run (all jobs, or only the failed
// ones) once it has completed, cancel while it runs. Cancel asks once more,
// in place; the answer or the refusal is shown beside the buttons.
import { useState } from 'react';
import type { GitHubWorkflowRun } from '../../../../shared/github';
import { type RunTarget, useRunCommand } from '../../api/github-runs';

const failedConclusions = new Set(['failure', 'timed_out', 'cancelled', 'startup_failure']);

export function RunActions({ run, target }: { run: GitHubWorkflowRun; target: RunTarget }): React.JSX.Element | null {
  const command = useRunCommand();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const running = run.status === 'in_progress' || run.status === 'queued';
  const completed = run.status === 'completed';
  if (!running && !completed) return null;
  const label = `${run.name} #${run.runNumber}`;
  const send = (action: 'rerun' | 'rerun-failed' | 'cancel') => {
    setConfirmCancel(false);
    command.mutate({ target, action });
  };
  return (
    <span className="gh-run-actions">
      {completed && failedConclusions.has(String(run.conclusion)) && (
        <button
          type="button"
          className="button button-small"
          disabled={command.isPending}
          onClick={() => send('rerun-failed')}
          aria-label={`Re-run the failed jobs of ${label}`}
        >
          Re-run failed jobs
        </button>
      )}
      {completed && (
        <button
          type="button"
          className="button button-small"
          disabled={command.isPending}
          onClick={() => send('rerun')}
          aria-label={`Re-run all jobs of ${label}`}
        >
          Re-run
        </button>
      )}
      {running &&
        (confirmCancel ? (
          <button
            type="button"
            className="button button-small button-danger"
            disabled={command.isPending}
            onClick={() => send('cancel')}
            aria-label={`Confirm: cancel ${label}`}
          >
            Cancel the run?
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={command.isPending}
            onClick={() => setConfirmCancel(true)}
            aria-label={`Cancel ${label}`}
          >
            Cancel
          </button>
        ))}
      {command.isPending && <span className="muted small">Sending…</span>}
      {command.isSuccess && (
        <span className="muted small" role="status">
          Sent to GitHub
        </span>
      )}
      {command.error && (
        <span className="small error-text" role="alert">
          {command.error.message}
        </span>
      )}
    </span>
  );
}
