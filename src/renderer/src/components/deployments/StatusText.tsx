import type { DeployHealth } from '../../../../shared/environments';
import { Icon } from '../dashboard/Icon';
import { healthIcons } from './HealthBadge';
import './deployments.css';

/**
 * A status in the source's own words ("Succeeded", "Update failed",
 * "IN_PROGRESS") with the health's icon and colour: for rows of a history or
 * an event table, where HealthBadge's "Healthy" would be the wrong word.
 */
export function StatusText({ health, text }: { health: DeployHealth; text: string }): React.JSX.Element {
  return (
    <span className={`deploy-health deploy-health-${health}`}>
      <Icon name={healthIcons[health]} className="deploy-health-icon" />
      <span>{text}</span>
    </span>
  );
}
