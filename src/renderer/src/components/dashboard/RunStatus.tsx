import { buildStatusLabel, type BuildStatusValue } from '../../../../shared/builds';
import type { RunStatus } from '../../../../shared/project-health';
import { Icon, type IconName } from './Icon';

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

/** A status as icon and word; `label` replaces the word (e.g. CodeBuild's "TIMED_OUT"). */
export function RunStatusBadge({
  status,
  label,
  compact = false,
}: {
  status: RunStatus;
  label?: string;
  compact?: boolean;
}): React.JSX.Element {
  const look = runStatusLook[status];
  const text = label ?? look.label;
  return (
    <span className={`run run-${status}${compact ? ' run-compact' : ''}`} title={compact ? text : undefined}>
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
