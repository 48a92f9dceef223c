import type { StageView } from '../../../../shared/project-health';
import { Icon } from './Icon';
import { runStatusLook } from './RunStatus';

/** "InProgress" → "In progress"; unknown values ("unknown (X)") stay as they are. */
export function stageStatusText(stage: StageView): string {
  if (stage.waitingApproval) return 'Approval waiting';
  if (stage.label.startsWith('unknown')) return stage.label;
  const spaced = stage.label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function describe(stage: StageView): string {
  const notes = [
    stage.previousRun ? 'from an earlier run' : undefined,
    stage.inbound > 0 ? `${stage.inbound} queued` : undefined,
  ].filter((note) => note !== undefined);
  return `${stage.name}: ${stageStatusText(stage)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function stageClass(stage: StageView): string {
  return [
    'stage',
    `run-${stage.status}`,
    stage.previousRun ? 'stage-previous' : '',
    stage.waitingApproval ? 'stage-waiting' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const StageIcon = ({ stage }: { stage: StageView }): React.JSX.Element => (
  <Icon name={stage.waitingApproval ? 'pause' : runStatusLook[stage.status].icon} className="stage-icon" />
);

/**
 * A pipeline's stages left to right with each one's latest status. Stages the
 * newest execution has not reached yet are dimmed; a waiting manual approval
 * is called out. Running stages pulse unless the user prefers less motion.
 */
export function StageStrip({ pipeline, stages }: { pipeline: string; stages: StageView[] }): React.JSX.Element | null {
  if (stages.length === 0) return null;
  return (
    <ol className="stage-strip" aria-label={`Stages of ${pipeline}`}>
      {stages.map((stage) => (
        <li key={stage.name} className={stageClass(stage)} title={describe(stage)}>
          <StageIcon stage={stage} />
          <span className="stage-text">
            <span className="stage-name">{stage.name}</span>
            <span className="stage-status">
              {stageStatusText(stage)}
              {stage.previousRun && <span className="stage-earlier"> · earlier run</span>}
              {stage.inbound > 0 && <span className="stage-inbound"> · {stage.inbound} queued</span>}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The same stages as small shapes only, read out as one sentence (for a project card). */
export function StageDots({ pipeline, stages }: { pipeline: string; stages: StageView[] }): React.JSX.Element | null {
  if (stages.length === 0) return null;
  return (
    <span className="stage-dots" role="img" aria-label={`Stages of ${pipeline}: ${stages.map(describe).join('; ')}`}>
      {stages.map((stage) => (
        <span key={stage.name} className={stageClass(stage)} title={describe(stage)} aria-hidden="true">
          <StageIcon stage={stage} />
        </span>
      ))}
    </span>
  );
}
