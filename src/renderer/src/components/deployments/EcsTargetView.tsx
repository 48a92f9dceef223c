import { ecsRolloutStates, type EcsService } from '../../../../shared/deployments';
import { taskDefinitionRevision, type DeployHealth } from '../../../../shared/environments';
import { enumLabel } from '../../../../shared/pipelines';
import { Icon, type IconName } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { Maybe, TargetHeader, type TargetViewProps } from './TargetHeader';
import { StatusText } from './StatusText';
import './deploy-target.css';

type RolloutState = NonNullable<EcsService['rollout']>['state'];

const rolloutHealth: Record<(typeof ecsRolloutStates)[number], DeployHealth> = {
  COMPLETED: 'ok',
  FAILED: 'failed',
  IN_PROGRESS: 'in-progress',
};

const rolloutWords: Record<(typeof ecsRolloutStates)[number], string> = {
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  IN_PROGRESS: 'In progress',
};

function rolloutStatus(state: RolloutState): { health: DeployHealth; text: string } {
  return typeof state === 'string'
    ? { health: rolloutHealth[state], text: rolloutWords[state] }
    : { health: 'unknown', text: enumLabel(state) };
}

/** An ECS service: how many tasks run of how many wanted, and how its primary deployment's rollout goes. */
export function EcsTargetView({ resource, cell, now, underTitle }: TargetViewProps<'ecs-service'>): React.JSX.Element {
  const { location, service } = resource.data;
  const cluster = service.cluster.split('/').pop() ?? service.cluster;
  const rollout = service.rollout;
  return (
    <>
      <TargetHeader
        cell={cell}
        location={location}
        context={cluster}
        underTitle={underTitle}
        copy={{ label: 'Copy service ARN', value: service.arn }}
        facts={[
          { label: 'Service status', value: service.status },
          {
            label: 'Task definition',
            value:
              service.taskDefinition !== undefined ? (
                <code title={service.taskDefinition}>{taskDefinitionRevision(service.taskDefinition)}</code>
              ) : (
                <Maybe value={undefined} />
              ),
          },
          { label: 'Cluster', value: <code title={service.cluster}>{cluster}</code> },
        ]}
      />
      <ul className="codedeploy-overview" aria-label="Tasks">
        <Count label="Running" value={service.running} icon="check" tone="running" />
        <Count label="Desired" value={service.desired} icon="play" tone="desired" />
        <Count label="Pending" value={service.pending} icon="clock" tone="pending" />
      </ul>
      <section className="tile" aria-labelledby="rollout-title">
        <h2 id="rollout-title" className="tile-title">
          Rollout of the primary deployment
        </h2>
        {rollout ? (
          <div className="target-rollout">
            <p className="target-rollout-state">
              <StatusText {...rolloutStatus(rollout.state)} />
              {rollout.updatedAt !== undefined && (
                <span className="muted small">
                  updated <TimeAgo iso={rollout.updatedAt} now={now} />
                </span>
              )}
            </p>
            {rollout.reason !== undefined && rollout.reason !== '' && <p className="target-wrap">{rollout.reason}</p>}
          </div>
        ) : (
          <p className="muted">
            ECS reports no rollout state for this service (its deployment controller does not track one).
          </p>
        )}
        <p className="muted small">
          {service.deployments === 0
            ? 'No other deployment runs beside the primary one.'
            : `${service.deployments} other ${service.deployments === 1 ? 'deployment is' : 'deployments are'} still running beside the primary one.`}
        </p>
      </section>
    </>
  );
}

function Count({
  label,
  value,
  icon,
  tone,
}: {
  label: string;
  value: number;
  icon: IconName;
  tone: string;
}): React.JSX.Element {
  return (
    <li className={`codedeploy-count target-count-${tone}`}>
      <Icon name={icon} />
      <span className="codedeploy-count-number">{value}</span>
      <span>{label}</span>
    </li>
  );
}
