import { deployHealthLabels, type DeployHealth } from '../../../../shared/environments';
import { Icon, type IconName } from '../dashboard/Icon';
import './deployments.css';

/** Each health has its own shape and word, so colour is never the only cue. */
export const healthIcons: Record<DeployHealth, IconName> = {
  ok: 'check',
  warning: 'warning',
  degraded: 'warning',
  failed: 'x',
  'in-progress': 'running',
  unknown: 'unknown',
};

/** A target's health as icon and word: our word ("Degraded"), with the source's own word after it when it differs. */
export function HealthBadge({ health, text }: { health: DeployHealth; text?: string }): React.JSX.Element {
  const label = deployHealthLabels[health];
  const detail = text !== undefined && text.toLowerCase() !== label.toLowerCase() ? text : undefined;
  return (
    <span className={`deploy-health deploy-health-${health}`}>
      <Icon name={healthIcons[health]} className="deploy-health-icon" />
      <span>{label}</span>
      {detail !== undefined && <span className="deploy-health-detail">· {detail}</span>}
    </span>
  );
}

/** A small spinner with the status words of a deployment that is running. */
export function InProgressNote({
  status,
  children,
}: {
  status: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <span className="deploy-in-progress" role="status">
      <Icon name="running" className="deploy-spinner" />
      <span>{status}</span>
      {children}
    </span>
  );
}
