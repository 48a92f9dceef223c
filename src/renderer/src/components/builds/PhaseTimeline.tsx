// A build's phases from SUBMITTED to COMPLETED as a timeline: each with its
// status (icon and word), how long it took (a bar scaled to the longest) and
// CodeBuild's reasons when it did not succeed.
import type { BuildPhase } from '../../../../shared/builds';
import { buildRunStatus } from '../../../../shared/project-health';
import { durationText, elapsed } from '../../time';
import { buildStatusWord, runStatusLook } from '../dashboard/RunStatus';
import { Icon } from '../dashboard/Icon';

function phaseMs(phase: BuildPhase, running: boolean, now: number): number | undefined {
  if (phase.durationSeconds !== undefined) return phase.durationSeconds * 1000;
  return elapsed(phase.startTime, phase.endTime ?? (running ? undefined : phase.startTime), now);
}

export function PhaseTimeline({
  phases,
  complete,
  now,
}: {
  phases: BuildPhase[];
  complete: boolean;
  now: number;
}): React.JSX.Element {
  if (phases.length === 0) return <p className="muted">CodeBuild has not reported any phase yet.</p>;
  const last = phases.length - 1;
  const durations = phases.map((phase, index) => phaseMs(phase, !complete && index === last, now) ?? 0);
  const longest = Math.max(1, ...durations);
  return (
    <ol className="build-phases" aria-label="Phases">
      {phases.map((phase, index) => {
        const current = !complete && index === last && phase.endTime === undefined;
        const status = current ? 'running' : phase.status ? buildRunStatus({ status: phase.status }) : 'succeeded';
        const word = current ? 'Running' : phase.status ? buildStatusWord(phase) : 'Done';
        const ms = durations[index] ?? 0;
        const look = runStatusLook[status];
        return (
          <li key={`${phase.type}-${index}`} className={`build-phase run-${status}`} data-testid="build-phase">
            <span className="build-phase-icon" title={word}>
              <Icon name={look.icon} className="run-icon" />
            </span>
            <span>
              <span className="build-phase-name">{phase.type}</span>
              <span className="small muted"> · {word}</span>
            </span>
            <span className="build-phase-duration small">
              {phase.startTime === undefined && !current ? '' : durationText(ms)}
            </span>
            {phase.type !== 'COMPLETED' && (
              <span className="build-phase-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(2, (ms / longest) * 100)}%` }} />
              </span>
            )}
            {phase.reasons.map((reason, at) => (
              <p key={at} className="build-phase-reason small problem">
                {reason.code ? <strong>{reason.code}: </strong> : null}
                {reason.message}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
