// One row of the pipelines list: status, name and project, the stage strip,
// what it last ran and when, where it lives. The whole row is one link, so
// Up/Down move between rows and Enter opens the pipeline.
import type { Staleness } from '../../../../shared/staleness';
import { pipelineHref } from '../../route-paths';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { StageStrip } from '../dashboard/StageStrip';
import { TimeAgo } from '../dashboard/TimeAgo';
import type { PipelineRow } from './pipeline-rows';
import { shortId } from './pipeline-detail';

export const pipelineRowHeight = 96;

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';

export function PipelineListRow({
  row,
  index,
  staleness,
  now,
  style,
  onFocusRow,
}: {
  row: PipelineRow;
  index: number;
  staleness: Staleness | undefined;
  now: number;
  style: React.CSSProperties;
  onFocusRow: (index: number) => void;
}): React.JSX.Element {
  const { health } = row;
  const { summary } = health.resource.data;
  const revision = health.execution?.sourceRevisions[0];
  const location = summary.location;
  return (
    <div role="listitem" style={style} className="pipeline-list-item">
      <a
        className="pipeline-list-row"
        href={pipelineHref(row.id)}
        data-index={index}
        data-testid={`pipeline-row-${row.name}`}
        onFocus={() => onFocusRow(index)}
      >
        <span className="pipeline-list-main">
          <span className="pipeline-list-title">
            <RunStatusBadge status={health.status} />
            <strong className="pipeline-list-name">{row.name}</strong>
            {staleness?.stale && <span className="stale-badge small">Stale</span>}
          </span>
          <span className="pipeline-list-meta muted small">
            <span>{row.project ? row.project.name : 'No project'}</span>
            <span>
              {location.accountId} · {location.region}
            </span>
            {row.lastChange !== undefined && (
              <span>
                changed <TimeAgo iso={row.lastChange} now={now} />
              </span>
            )}
          </span>
          <span className="pipeline-list-revision small">
            {revision?.revisionId !== undefined ? (
              <>
                <code>{shortId(revision.revisionId)}</code>{' '}
                <span className="pipeline-list-message">{firstLine(revision.commitMessage ?? '')}</span>
              </>
            ) : (
              <span className="muted">No revision read yet</span>
            )}
          </span>
        </span>
        <span className="pipeline-list-stages">
          <StageStrip pipeline={row.name} stages={health.stages} />
        </span>
      </a>
    </div>
  );
}
