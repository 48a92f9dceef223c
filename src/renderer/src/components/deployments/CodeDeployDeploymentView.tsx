import type { CodeDeployDeployment, CodeDeployTarget, LifecycleEvent } from '../../../../shared/deployments';
import {
  codeDeployHealth,
  codeDeployRevisionText,
  deployConsoleLinks,
  type DeployHealth,
} from '../../../../shared/environments';
import { enumLabel } from '../../../../shared/pipelines';
import { plainLines } from '../../../../shared/plain-text';
import type { SnapshotResource } from '../../../../shared/snapshot';
import { clockTime, durationText, elapsed } from '../../time';
import { Icon, type IconName } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from '../project/ExternalLink';
import { codeDeployDeploymentHref } from '../../routes';
import { HealthBadge } from './HealthBadge';
import { StopDeploymentButton } from './StopDeploymentButton';
import './deployments.css';

/** One CodeDeploy deployment: what it installed where, and each target's appspec hooks in order. */
export function CodeDeployDeploymentView({
  resource,
  deployment,
  now,
  trace,
}: {
  resource: SnapshotResource<'codedeploy-group'>;
  deployment: CodeDeployDeployment;
  now: number;
  /** Which pipeline run started it (PipelineTrace), shown under the facts. */
  trace?: React.ReactNode;
}): React.JSX.Element {
  const { location } = resource.data;
  const revision = deployment.revision ? codeDeployRevisionText(deployment.revision) : undefined;
  const took = elapsed(deployment.startedAt ?? deployment.createdAt, deployment.completedAt, now);
  return (
    <article className="codedeploy-detail" aria-labelledby="deployment-title">
      <header className="page-header codedeploy-header">
        <div className="codedeploy-title-row">
          <h1 id="deployment-title">
            <span className="muted">
              {deployment.application} / {deployment.group} ·{' '}
            </span>
            <code>{deployment.id}</code>
          </h1>
          <HealthBadge health={codeDeployHealth(deployment.status)} text={enumLabel(deployment.status)} />
          <StopDeploymentButton deployment={deployment} />
        </div>
        <dl className="codedeploy-facts">
          <div>
            <dt>Revision</dt>
            <dd>
              {revision ? <code title={revision.full}>{revision.text}</code> : <span className="muted">not read</span>}
              {deployment.revision && <span className="muted small"> ({enumLabel(deployment.revision.type)})</span>}
            </dd>
          </div>
          <div>
            <dt>Started by</dt>
            <dd>{deployment.creator ?? <span className="muted">unknown</span>}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <TimeAgo iso={deployment.createdAt} now={now} />{' '}
              <span className="muted small">({clockTime(deployment.createdAt, now)})</span>
            </dd>
          </div>
          <div>
            <dt>{deployment.completedAt !== undefined ? 'Took' : 'Running for'}</dt>
            <dd>{took !== undefined ? durationText(took) : <span className="muted">not started</span>}</dd>
          </div>
        </dl>
        {trace}
        {deployment.description !== undefined && deployment.description !== '' && (
          <p className="muted">{deployment.description}</p>
        )}
        <p>
          <ExternalLink
            href={deployConsoleLinks.codedeployDeployment(location.region, deployment.id)}
            className="button button-small"
          >
            Open in AWS console
          </ExternalLink>
        </p>
      </header>
      {deployment.error && (
        <div className="notice notice-error" role="alert">
          <p>
            {deployment.error.code !== undefined && <strong>{deployment.error.code}: </strong>}
            {deployment.error.message ?? 'The deployment failed.'}
          </p>
        </div>
      )}
      {deployment.rollback?.message !== undefined && (
        <div className="notice notice-warning" role="status">
          <p>
            <Icon name="undo" /> {deployment.rollback.message} <RollbackLink rollback={deployment.rollback} />
          </p>
        </div>
      )}
      {deployment.overview && <Overview overview={deployment.overview} />}
      <section aria-labelledby="targets-title" className="tile codedeploy-targets">
        <h2 id="targets-title" className="tile-title">
          Targets
        </h2>
        {deployment.targets === undefined || deployment.targets.length === 0 ? (
          <p className="muted">
            Starboard reads each target&apos;s lifecycle for failed and running deployments; this one has none to show.
          </p>
        ) : (
          deployment.targets.map((target) => <TargetLifecycle key={target.id} target={target} now={now} />)
        )}
      </section>
    </article>
  );
}

/** The rollback this deployment started, or the one it rolls back. */
function RollbackLink({
  rollback,
}: {
  rollback: NonNullable<CodeDeployDeployment['rollback']>;
}): React.JSX.Element | null {
  const id = rollback.rollbackDeploymentId ?? rollback.rollbackTriggeringDeploymentId;
  if (id === undefined) return null;
  return (
    <a href={codeDeployDeploymentHref(id)}>
      {rollback.rollbackDeploymentId !== undefined ? 'Open the rollback' : 'Open the deployment it rolls back'}
    </a>
  );
}

function Overview({ overview }: { overview: NonNullable<CodeDeployDeployment['overview']> }): React.JSX.Element {
  const parts: { key: keyof typeof overview; label: string; icon: IconName }[] = [
    { key: 'succeeded', label: 'Succeeded', icon: 'check' },
    { key: 'failed', label: 'Failed', icon: 'x' },
    { key: 'inProgress', label: 'In progress', icon: 'running' },
    { key: 'pending', label: 'Pending', icon: 'clock' },
    { key: 'skipped', label: 'Skipped', icon: 'skip' },
    { key: 'ready', label: 'Ready', icon: 'pause' },
  ];
  return (
    <ul className="codedeploy-overview" aria-label="Targets per status">
      {parts.map((part) => (
        <li key={part.key} className={`codedeploy-count codedeploy-count-${part.key}`}>
          <Icon name={part.icon} />
          <span className="codedeploy-count-number">{overview[part.key]}</span>
          <span>{part.label}</span>
        </li>
      ))}
    </ul>
  );
}

const hookIcons: Record<string, IconName> = {
  Succeeded: 'check',
  Failed: 'x',
  InProgress: 'running',
  Pending: 'not-run',
  Skipped: 'skip',
};

function hookClass(status: LifecycleEvent['status']): string {
  return typeof status === 'string' ? status.toLowerCase() : 'unknown';
}

function targetHealth(status: CodeDeployTarget['status']): DeployHealth {
  switch (status) {
    case 'Succeeded':
      return 'ok';
    case 'Failed':
      return 'failed';
    case 'Pending':
    case 'InProgress':
    case 'Ready':
      return 'in-progress';
    case 'Skipped':
      return 'warning';
    default:
      return 'unknown';
  }
}

function TargetLifecycle({ target, now }: { target: CodeDeployTarget; now: number }): React.JSX.Element {
  const status = enumLabel(target.status);
  const health = targetHealth(target.status);
  return (
    <div className="codedeploy-target" data-testid={`target-${target.id}`}>
      <h3 className="codedeploy-target-title">
        <code>{target.id}</code>
        <span className="muted small">{enumLabel(target.kind)}</span>
        <HealthBadge health={health} text={status} />
      </h3>
      <ol className="lifecycle" aria-label={`Lifecycle of ${target.id}`}>
        {target.lifecycle.map((hook) => (
          <Hook key={hook.name} hook={hook} now={now} />
        ))}
      </ol>
    </div>
  );
}

function Hook({ hook, now }: { hook: LifecycleEvent; now: number }): React.JSX.Element {
  const status = enumLabel(hook.status);
  const icon = typeof hook.status === 'string' ? (hookIcons[hook.status] ?? 'unknown') : 'unknown';
  const took = elapsed(hook.startedAt, hook.endedAt, now);
  const failed = hook.status === 'Failed';
  const d = hook.diagnostics;
  return (
    <li className={`lifecycle-hook lifecycle-${hookClass(hook.status)}`}>
      <div className="lifecycle-row">
        <Icon name={icon} className="lifecycle-icon" />
        <span className="lifecycle-name">{hook.name}</span>
        <span className="lifecycle-status">{status}</span>
        <span className="lifecycle-duration muted">{took !== undefined ? durationText(took) : ''}</span>
      </div>
      {failed && d && (
        <div className="lifecycle-diagnostics">
          <p>
            {d.errorCode !== undefined && <strong>{d.errorCode}</strong>}
            {d.scriptName !== undefined && (
              <>
                {' in '}
                <code>{d.scriptName}</code>
              </>
            )}
            {d.message !== undefined && <span>: {d.message}</span>}
          </p>
          {d.logTail !== undefined && d.logTail !== '' && (
            <pre className="lifecycle-log" aria-label={`Log tail of ${hook.name}`}>
              {plainLines(d.logTail)}
            </pre>
          )}
        </div>
      )}
    </li>
  );
}
