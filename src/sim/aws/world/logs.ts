// CloudWatch Logs as the world writes it: groups of streams of timestamped
// lines (CodeBuild writes /aws/codebuild/PROJECT, one stream per build).
export interface LogEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** Position in the stream; tokens refer to it. */
  index: number;
  eventId: string;
}

export interface LogStream {
  name: string;
  created: number;
  events: LogEvent[];
}

export interface LogGroup {
  name: string;
  arn: string;
  created: number;
  streams: Map<string, LogStream>;
}

export class LogStore {
  readonly groups = new Map<string, LogGroup>();
  #eventSeq = 0;

  constructor(
    private readonly account: string,
    private readonly region: string,
  ) {}

  group(name: string, now: number): LogGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = {
        name,
        arn: `arn:aws:logs:${this.region}:${this.account}:log-group:${name}:*`,
        created: now,
        streams: new Map(),
      };
      this.groups.set(name, group);
    }
    return group;
  }

  write(groupName: string, streamName: string, timestamp: number, message: string): void {
    const group = this.group(groupName, timestamp);
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, created: timestamp, events: [] };
      group.streams.set(streamName, stream);
    }
    const eventId = String(++this.#eventSeq).padStart(24, '0');
    stream.events.push({ timestamp, ingestionTime: timestamp + 250, message, index: stream.events.length, eventId });
  }
}
