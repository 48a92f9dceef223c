// CloudWatch Logs over AWS JSON 1.1 (Logs_20140328): GetLogEvents with
// forward/backward tokens, FilterLogEvents across a group's streams.
import { AwsError, optionalNumber, optionalString, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';
import type { LogEvent, LogGroup } from '../world/logs';

const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message);

export function logsService(world: World): JsonService {
  const groupOf = (input: Input): LogGroup => {
    const name =
      optionalString(input.logGroupName) ??
      optionalString(input.logGroupIdentifier)
        ?.replace(/^arn:.*:log-group:/, '')
        .replace(/:\*$/, '');
    if (name === undefined) throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
    const group = world.ctx.logs.groups.get(name);
    if (!group) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return group;
  };
  const limitOf = (input: Input): number => {
    const limit = optionalNumber(input.limit) ?? 10000;
    if (limit < 1 || limit > 10000)
      throw invalidParameter(
        "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000",
      );
    return limit;
  };
  const inRange = (input: Input) => {
    const start = optionalNumber(input.startTime) ?? -Infinity;
    const end = optionalNumber(input.endTime) ?? Infinity;
    return (e: LogEvent): boolean => e.timestamp >= start && e.timestamp < end;
  };

  return {
    name: 'logs',
    protocol: 'json',
    targetPrefix: 'Logs_20140328',
    invalidTokenCode: 'InvalidParameterException',
    operations: {
      GetLogEvents: (input) => {
        const group = groupOf(input);
        const streamName = optionalString(input.logStreamName);
        const stream = streamName === undefined ? undefined : group.streams.get(streamName);
        if (!stream) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
        const events = stream.events.filter(inRange(input));
        const limit = limitOf(input);
        const token = optionalString(input.nextToken);
        let from: number;
        let to: number;
        if (token !== undefined) {
          const match = /^([fb])\/(\d{56})$/.exec(token);
          const position = Number(match?.[2]);
          if (!match || position > events.length) throw invalidParameter('The specified nextToken is invalid.');
          [from, to] =
            match[1] === 'f'
              ? [position, Math.min(events.length, position + limit)]
              : [Math.max(0, position - limit), position];
        } else if (input.startFromHead === true) {
          [from, to] = [0, Math.min(events.length, limit)];
        } else {
          [from, to] = [Math.max(0, events.length - limit), events.length];
        }
        return {
          events: events
            .slice(from, to)
            .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
          // At the end of the stream the forward token comes back unchanged: that is how readers know to stop.
          nextForwardToken: position('f', to),
          nextBackwardToken: position('b', from),
        };
      },
      FilterLogEvents: (input, context) => {
        const group = groupOf(input);
        context.authorize(group.arn);
        const names = stringList('logStreamNames', input.logStreamNames);
        const prefix = optionalString(input.logStreamNamePrefix);
        if (names.length > 0 && prefix !== undefined)
          throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive.');
        const terms = parsePattern(optionalString(input.filterPattern) ?? '');
        const keep = inRange(input);
        const events = [...group.streams.values()]
          .filter(
            (s) =>
              (names.length === 0 || names.includes(s.name)) && (prefix === undefined || s.name.startsWith(prefix)),
          )
          .flatMap((s) =>
            s.events
              .filter((e) => keep(e) && terms.every((t) => e.message.includes(t)))
              .map((e) => ({ stream: s.name, e })),
          )
          .sort((a, b) => a.e.timestamp - b.e.timestamp || a.e.eventId.localeCompare(b.e.eventId));
        const page = paginate(
          events,
          { nextToken: optionalString(input.nextToken), maxResults: limitOf(input) },
          {
            scope: `FilterLogEvents/${group.name}/${names.join(',')}/${prefix ?? ''}/${terms.join(' ')}`,
            key: (x) => x.e.eventId,
            defaultSize: 10000,
            maxSize: 10000,
            invalidToken: () => invalidParameter('The specified nextToken is invalid.'),
          },
        );
        return {
          events: page.items.map(({ stream, e }) => ({
            logStreamName: stream,
            timestamp: e.timestamp,
            message: e.message,
            ingestionTime: e.ingestionTime,
            eventId: e.eventId,
          })),
          nextToken: page.nextToken,
        };
      },
    },
  };
}

function position(direction: 'f' | 'b', index: number): string {
  return `${direction}/${String(index).padStart(56, '0')}`;
}

/** The subset of the filter-pattern syntax the simulator understands: space-separated terms, quoted phrases. */
function parsePattern(pattern: string): string[] {
  return [...pattern.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').filter((t) => t !== '');
}
