import { stackHealth, stackStatusText } from '../../../../shared/environments';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { Maybe, TargetHeader, type TargetViewProps } from './TargetHeader';
import { StatusText } from './StatusText';
import './deploy-target.css';

/** A CloudFormation stack: its status and why, and the failing events of its last operation. */
export function StackTargetView({
  resource,
  cell,
  now,
  underTitle,
}: TargetViewProps<'cloudformation-stack'>): React.JSX.Element {
  const { location, stack } = resource.data;
  const health = stackHealth(stack.status);
  const troubled = health === 'failed' || health === 'warning';
  return (
    <>
      <TargetHeader
        cell={cell}
        location={location}
        underTitle={underTitle}
        copy={{ label: 'Copy stack ARN', value: stack.arn }}
        facts={[
          { label: 'Status', value: <code>{stack.status}</code> },
          {
            label: 'Last updated',
            value: stack.updatedAt ? <TimeAgo iso={stack.updatedAt} now={now} /> : <Maybe value={undefined} />,
          },
        ]}
      />
      {stack.reason !== undefined && stack.reason !== '' && (
        <div className={`notice ${troubled ? 'notice-warning' : 'notice-info'} target-reason`} role="status">
          <Icon name={troubled ? 'warning' : 'clock'} />
          <p>
            <span className="visually-hidden">Status reason: </span>
            {stack.reason}
          </p>
        </div>
      )}
      <section className="tile" aria-labelledby="failures-title">
        <h2 id="failures-title" className="tile-title">
          Failing events of the last operation
        </h2>
        {stack.failures.length === 0 ? (
          <p className="muted">None: the last operation had no failing resource events.</p>
        ) : (
          <div className="target-table-scroll">
            <table className="target-table" aria-label={`Failing events of ${stack.name}`}>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Logical id</th>
                  <th scope="col">Resource type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {stack.failures.map((event, i) => (
                  <tr key={`${event.at}|${event.logicalId}|${i}`}>
                    <td className="target-nowrap">
                      <TimeAgo iso={event.at} now={now} />
                    </td>
                    <td>
                      <code>{event.logicalId}</code>
                    </td>
                    <td className="target-type">
                      <ResourceType type={event.resourceType} />
                    </td>
                    <td>
                      <StatusText health={stackHealth(event.status)} text={stackStatusText(event.status)} />
                    </td>
                    <td className="target-wrap">{event.reason ?? <span className="muted">none given</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** `AWS::ECS::TaskDefinition` may wrap after each `::`, never inside a word. */
function ResourceType({ type }: { type: string }): React.JSX.Element {
  const parts = type.split('::');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              ::
              <wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}
