import {
  compareColumns,
  deployTargetKindLabels,
  type EnvironmentCell,
  type EnvironmentMatrix,
} from '../../../../shared/environments';
import type { Staleness } from '../../../../shared/staleness';
import { deployTargetHref } from '../../routes';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { HealthBadge, InProgressNote } from '../deployments/HealthBadge';
import { ExternalLink } from './ExternalLink';
import './project-dashboard.css';

/**
 * The project's deploy targets as cards, one per environment of each service
 * (dev → prod): what is live there, since when, and how healthy. An AWS
 * target opens its page in Starboard; a GitHub environment opens on GitHub.
 */
export function DeploymentsTile({
  matrix,
  staleness,
  now,
}: {
  matrix: EnvironmentMatrix;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  return (
    <section className="tile" aria-labelledby="deployments-tile-title" data-testid="deployments-tile">
      <div className="tile-head">
        <h2 id="deployments-tile-title" className="tile-title">
          Deployments
        </h2>
        <a className="small" href="#/deployments">
          All deployments
        </a>
      </div>
      {matrix.rows.map((row) => (
        <div key={row.key} className="deploy-service">
          <h3 className="row-title">
            {row.name} <span className="muted small">· {deployTargetKindLabels[row.kind]}</span>
          </h3>
          <ul className="deploy-cards" aria-label={`Environments of ${row.name}`}>
            {[...row.cells]
              .sort((a, b) => compareColumns(a.column, b.column) || a.name.localeCompare(b.name))
              .map((cell) => (
                <DeployCard key={cell.resourceId + cell.name} cell={cell} now={now} />
              ))}
          </ul>
        </div>
      ))}
      <FreshnessNote staleness={staleness} now={now} quiet />
    </section>
  );
}

function DeployCard({ cell, now }: { cell: EnvironmentCell; now: number }): React.JSX.Element {
  const showBadge = !(cell.health === 'in-progress' && cell.inProgress);
  return (
    <li className="deploy-card" data-testid={`deploy-card-${cell.name}`}>
      <div className="deploy-card-head">
        <span className="deploy-card-environment">{cell.column.label}</span>
        {cell.kind === 'github' ? (
          cell.url !== undefined ? (
            <ExternalLink href={cell.url} className="deploy-card-name" label={`${cell.name} on GitHub`}>
              {cell.name}
            </ExternalLink>
          ) : (
            <span className="deploy-card-name">{cell.name}</span>
          )
        ) : (
          <a href={deployTargetHref(cell.resourceId)} className="deploy-card-name">
            {cell.name}
          </a>
        )}
      </div>
      <div className="deploy-card-live">
        {cell.live ? (
          <code className="deploy-revision" title={cell.live.full}>
            {cell.live.text}
          </code>
        ) : (
          <span className="muted small">Nothing live yet</span>
        )}
        {cell.deployedAt !== undefined && (
          <span className="muted small">
            <TimeAgo iso={cell.deployedAt} now={now} />
          </span>
        )}
      </div>
      <div className="deploy-card-status">
        {showBadge && <HealthBadge health={cell.health} text={cell.healthText} />}
        {cell.inProgress && <InProgressNote status={cell.inProgress.status} />}
        {cell.waitingForReview && (
          <a className="count count-waiting small" href="#/approvals">
            <Icon name="pause" />
            Waiting for review
          </a>
        )}
      </div>
    </li>
  );
}
