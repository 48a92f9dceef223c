import { beanstalkEventSeverities, type BeanstalkEvent } from '../../../../shared/deployments';
import { enumLabel } from '../../../../shared/pipelines';
import { Icon, type IconName } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { Maybe, TargetHeader, type TargetViewProps } from './TargetHeader';
import './deploy-target.css';

/** An Elastic Beanstalk environment: health with every cause, the running version, and its recent events. */
export function BeanstalkTargetView({
  resource,
  cell,
  now,
  underTitle,
}: TargetViewProps<'beanstalk-environment'>): React.JSX.Element {
  const { location, environment, events } = resource.data;
  return (
    <>
      <TargetHeader
        cell={cell}
        location={location}
        context={environment.application}
        underTitle={underTitle}
        copy={{ label: 'Copy environment id', value: environment.id }}
        facts={[
          { label: 'Status', value: enumLabel(environment.status) },
          { label: 'Running version', value: <Maybe value={environment.versionLabel} code /> },
          {
            label: 'Last updated',
            value: environment.updatedAt ? (
              <TimeAgo iso={environment.updatedAt} now={now} />
            ) : (
              <Maybe value={undefined} />
            ),
          },
          { label: 'Environment id', value: <code>{environment.id}</code> },
          ...(environment.tier !== undefined ? [{ label: 'Tier', value: environment.tier }] : []),
          ...(environment.platform !== undefined ? [{ label: 'Platform', value: environment.platform }] : []),
          ...(environment.cname !== undefined ? [{ label: 'CNAME', value: <code>{environment.cname}</code> }] : []),
        ]}
      />
      <section className="tile" aria-labelledby="causes-title">
        <h2 id="causes-title" className="tile-title">
          Health causes
        </h2>
        {environment.causes.length === 0 ? (
          <p className="muted">
            {environment.healthStatus === undefined
              ? 'Enhanced health is off for this environment: Beanstalk reports only its colour, without causes.'
              : 'Beanstalk reports no causes: nothing is wrong that it can tell.'}
          </p>
        ) : (
          <ul className="target-causes" aria-label={`Causes of ${environment.name}'s health`}>
            {environment.causes.map((cause) => (
              <li key={cause}>
                <Icon name="warning" className="target-cause-icon" />
                <span>{cause}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="tile" aria-labelledby="events-title">
        <h2 id="events-title" className="tile-title">
          Recent events
        </h2>
        {events.length === 0 ? (
          <p className="muted">No events since Starboard started watching this environment.</p>
        ) : (
          <ol className="target-events" aria-label={`Recent events of ${environment.name}`}>
            {events.map((event, i) => (
              <EventRow key={`${event.at}|${i}`} event={event} now={now} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

const severityWords: Record<(typeof beanstalkEventSeverities)[number], string> = {
  TRACE: 'Trace',
  DEBUG: 'Debug',
  INFO: 'Info',
  WARN: 'Warning',
  ERROR: 'Error',
  FATAL: 'Fatal',
};

function severityOf(severity: BeanstalkEvent['severity']): { tone: string; icon: IconName; word: string } {
  const word = typeof severity === 'string' ? severityWords[severity] : enumLabel(severity);
  if (severity === 'ERROR' || severity === 'FATAL') return { tone: 'error', icon: 'x', word };
  if (severity === 'WARN') return { tone: 'warn', icon: 'warning', word };
  return { tone: 'info', icon: 'not-run', word };
}

function EventRow({ event, now }: { event: BeanstalkEvent; now: number }): React.JSX.Element {
  const { tone, icon, word } = severityOf(event.severity);
  return (
    <li className={`target-event target-event-${tone}`}>
      <span className="target-event-severity">
        <Icon name={icon} />
        {word}
      </span>
      <span className="target-event-time muted">
        <TimeAgo iso={event.at} now={now} />
      </span>
      <span className="target-event-message">
        {event.message}
        {event.versionLabel !== undefined && event.versionLabel !== '' && (
          <span className="muted small">
            {' '}
            · version <code>{event.versionLabel}</code>
          </span>
        )}
      </span>
    </li>
  );
}
