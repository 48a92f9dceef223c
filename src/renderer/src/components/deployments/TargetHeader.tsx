import type { SnapshotResource } from '../../../../shared/snapshot';
import type { AwsLocation } from '../../../../shared/sources';
import { deployTargetKindLabels, type EnvironmentCell } from '../../../../shared/environments';
import { ExternalLink } from '../project/ExternalLink';
import { CopyButton } from './CopyButton';
import { HealthBadge, InProgressNote } from './HealthBadge';
import './deployments.css';
import './deploy-target.css';

/** What each kind's view gets from the target's page. */
export interface TargetViewProps<
  K extends 'codedeploy-group' | 'beanstalk-environment' | 'cloudformation-stack' | 'ecs-service',
> {
  resource: SnapshotResource<K>;
  /** The target as the Deployments matrix shows it. */
  cell: EnvironmentCell;
  now: number;
  /** Freshness and the pipeline trace, for the header. */
  underTitle: React.ReactNode;
}

export interface TargetFact {
  label: string;
  value: React.ReactNode;
}

/**
 * The head of a deploy target's page: what and where it is, its health as the
 * Deployments matrix says it (the same cell, so the two never disagree), its
 * facts, and the way out to the AWS console.
 */
export function TargetHeader({
  cell,
  location,
  context,
  facts,
  copy,
  underTitle,
}: {
  cell: EnvironmentCell;
  location: AwsLocation;
  /** What the target belongs to: the application, the cluster. */
  context?: string;
  facts: TargetFact[];
  copy?: { label: string; value: string };
  /** Under the title: how fresh the data is, and which pipeline run put the revision there. */
  underTitle?: React.ReactNode;
}): React.JSX.Element {
  return (
    <header className="page-header codedeploy-header target-header">
      <p className="target-eyebrow small">
        {deployTargetKindLabels[cell.kind]} · {location.region} · {location.accountId}
      </p>
      <div className="codedeploy-title-row">
        <h1 id="target-title">
          {context !== undefined && <span className="muted">{context} / </span>}
          {cell.name}
        </h1>
        <HealthBadge health={cell.health} text={cell.healthText} />
        {cell.inProgress && cell.health !== 'in-progress' && <InProgressNote status={cell.inProgress.status} />}
      </div>
      {underTitle !== undefined && <div className="target-under-title">{underTitle}</div>}
      <dl className="codedeploy-facts target-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className="target-actions">
        {cell.url !== undefined && (
          <ExternalLink href={cell.url} className="button button-small">
            Open in AWS console
          </ExternalLink>
        )}
        {copy && <CopyButton label={copy.label} value={copy.value} />}
      </div>
    </header>
  );
}

/** A value the model may lack: the value, or a quiet "not known". */
export function Maybe({ value, code = false }: { value: string | undefined; code?: boolean }): React.JSX.Element {
  if (value === undefined || value === '') return <span className="muted">not known</span>;
  return code ? <code>{value}</code> : <>{value}</>;
}
