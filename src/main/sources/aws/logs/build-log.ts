// Reads one build's CloudWatch Logs stream from the head with forward tokens,
// and follows a running build at most one GetLogEvents per second (issue 4;
// CloudWatch Logs allows only a few GetLogEvents per second per account, so
// every open log view must stay polite). The end of the stream is known by the
// forward token coming back unchanged.
import {
  type CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { setTimeout as delay } from 'node:timers/promises';
import type { LogLine, LogState } from '../../../../shared/builds';
import type { SourceProblem } from '../../../../shared/sources';
import { awsProblem } from '../problems';

export interface BuildLogOptions {
  /** Events per GetLogEvents page; CloudWatch's maximum (10,000) unless a test wants small pages. */
  pageSize?: number;
  /** Waits between polls; tests pass one that advances a simulated clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The poll interval while following; never below one second. */
  intervalMs?: number;
  now?: () => Date;
}

export interface LogChunk {
  /** The lines this read added (in `follow`, every line read). */
  lines: LogLine[];
  state: LogState;
  /** A failed read; the lines read before it stay valid. */
  problem?: SourceProblem;
}

export interface FollowOptions {
  /** Whether the build is over; asked before each read so the last lines written are never missed. */
  isComplete: () => boolean | Promise<boolean>;
  onLines?: (lines: LogLine[]) => void;
  signal?: AbortSignal;
}

const minIntervalMs = 1000;
/** After throttling or a network failure, wait longer before the next poll. */
const backoffMs = 5000;
/** Problems that another poll will not fix. */
const fatal = new Set(['access-denied', 'credentials-expired']);

async function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch {
    // Aborted: the caller checks its signal.
  }
}

export class BuildLog {
  #token: string | undefined;
  readonly #lines: LogLine[] = [];
  readonly #pageSize: number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #intervalMs: number;
  readonly #now: () => Date;

  constructor(
    private readonly client: CloudWatchLogsClient,
    readonly stream: { group: string; stream: string },
    options: BuildLogOptions = {},
  ) {
    this.#pageSize = options.pageSize ?? 10_000;
    this.#sleep = options.sleep ?? realSleep;
    this.#intervalMs = Math.max(minIntervalMs, options.intervalMs ?? minIntervalMs);
    this.#now = options.now ?? (() => new Date());
  }

  /** Every line read so far, oldest first. */
  get lines(): readonly LogLine[] {
    return this.#lines;
  }

  /** One GetLogEvents call: the lines after the last read. `advanced` is false at the end of the stream. */
  async read(): Promise<LogChunk & { advanced: boolean }> {
    let out: GetLogEventsCommandOutput;
    try {
      out = await this.client.send(
        new GetLogEventsCommand({
          logGroupName: this.stream.group,
          logStreamName: this.stream.stream,
          startFromHead: true,
          limit: this.#pageSize,
          ...(this.#token !== undefined ? { nextToken: this.#token } : {}),
        }),
      );
    } catch (error) {
      // The group or stream appears with the build's first log line: until then there is simply no log.
      if (error instanceof Error && error.name === 'ResourceNotFoundException') {
        return { lines: [], state: 'no-log-yet', advanced: false };
      }
      const problem = awsProblem(error, 'logs:GetLogEvents', `${this.stream.group}/${this.stream.stream}`, this.#now);
      return { lines: [], state: 'open', advanced: false, problem };
    }
    const lines = (out.events ?? []).map((e) => ({
      timestamp: new Date(e.timestamp ?? 0).toISOString(),
      message: (e.message ?? '').replace(/\r?\n$/, ''),
    }));
    this.#lines.push(...lines);
    const advanced = out.nextForwardToken !== undefined && out.nextForwardToken !== this.#token;
    if (out.nextForwardToken !== undefined) this.#token = out.nextForwardToken;
    return { lines, state: 'open', advanced };
  }

  /** A finished build's whole log: reads page after page until the forward token stops changing. */
  async readToEnd(): Promise<LogChunk> {
    const lines: LogLine[] = [];
    for (;;) {
      const chunk = await this.read();
      lines.push(...chunk.lines);
      if (chunk.problem) return { lines, state: 'open', problem: chunk.problem };
      if (chunk.state === 'no-log-yet') return { lines, state: 'no-log-yet' };
      if (!chunk.advanced) return { lines, state: 'ended' };
    }
  }

  /**
   * Follows a running build: one read per interval until the build is over
   * and a read after that finds nothing new, or until `signal` aborts.
   */
  async follow(options: FollowOptions): Promise<LogChunk> {
    const lines: LogLine[] = [];
    for (;;) {
      if (options.signal?.aborted) return { lines, state: 'open' };
      const completeBefore = await options.isComplete();
      const chunk = await this.read();
      if (chunk.lines.length > 0) {
        lines.push(...chunk.lines);
        options.onLines?.(chunk.lines);
      }
      if (chunk.problem && fatal.has(chunk.problem.code)) return { lines, state: 'open', problem: chunk.problem };
      if (completeBefore && !chunk.problem && !chunk.advanced) {
        return { lines, state: chunk.state === 'no-log-yet' ? 'no-log-yet' : 'ended' };
      }
      await this.#sleep(chunk.problem ? backoffMs : this.#intervalMs, options.signal);
    }
  }
}
