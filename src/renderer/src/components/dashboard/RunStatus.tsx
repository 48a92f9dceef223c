import { buildStatusLabel, type BuildStatusValue } from '../../../../shared/builds';
import type { RunStatus } from '../../../../shared/project-health';
import { Icon, type IconName } from './Icon';
import './run-status.css';

/** Each status has its own shape and word, so colour is never the only cue. */
export const runStatusLook: Record<RunStatus, { icon: IconName; label: string }> = {
  failed: { icon: 'x', label: 'Failed' },
  running: { icon: 'running', label: 'Running' },
  succeeded: { icon: 'check', label: 'Succeeded' },
  stopped: { icon: 'stop', label: 'Stopped' },
  skipped: { icon: 'skip', label: 'Skipped' },
  'not-run': { icon: 'not-run', label: 'Not run' },
  unknown: { icon: 'unknown', label: 'Unknown' },
};

/** A run that is only waiting for someone's manual approval: a clock, not a spinner. */
export const waitingApprovalLook: { icon: IconName; label: string } = { icon: 'clock', label: 'Waiting for approval' };

/**
 * A status as icon and word; `label` replaces the word (e.g. CodeBuild's
 * "TIMED_OUT"); `waitingApproval` says a running pipeline waits at a manual approval.
 */
export function RunStatusBadge({
  status,
  label,
  compact = false,
  waitingApproval = false,
}: {
  status: RunStatus;
  label?: string;
  compact?: boolean;
  waitingApproval?: boolean;
}): React.JSX.Element {
  const waiting = waitingApproval && status === 'running';
  const look = waiting ? waitingApprovalLook : runStatusLook[status];
  const text = label ?? look.label;
  return (
    <span
      className={`run run-${waiting ? 'waiting' : status}${compact ? ' run-compact' : ''}`}
      title={compact ? text : undefined}
    >
      <Icon name={look.icon} className="run-icon" />
      <span className={compact ? 'visually-hidden' : undefined}>{text}</span>
    </span>
  );
}

/** CodeBuild's own word in sentence case ("TIMED_OUT" → "Timed out"); unknown values as they came. */
export function buildStatusWord(build: Partial<BuildStatusValue>): string {
  const label = buildStatusLabel(build);
  if (label.startsWith('unknown')) return label;
  const words = label.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
