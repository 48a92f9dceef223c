// Stops and retries CodeBuild builds the user asked about from the window,
// and follows the logs of builds someone is reading. Only a build the
// snapshot shows is acted on: its account and region are the ones the
// snapshot read it from. A log is followed (one GetLogEvents a second at
// most, as BuildLog.follow does) only while its build runs and only while
// someone asked for it within the last half minute.
import type { CommandInput, QueryInput, QueryOutput } from '../../../shared/contract';
import type { Build, LogLine, LogState } from '../../../shared/builds';
import type { ContractError } from '../../../shared/result';
import { fail, ok, type Result } from '../../../shared/result';
import { buildId, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import type { SourceProblem } from '../../../shared/sources';
import { BuildLog } from '../../sources/aws/logs/build-log';
import type { ActionContext } from './action-context';
import type { AwsRegion } from './aws-region';
import { regionTaskKey } from './region-tasks';

type BuildResource = SnapshotResource<'build'>;

function findBuild(snapshot: Snapshot, buildArn: string): BuildResource | undefined {
  const resource = snapshot.resources[buildId(buildArn)];
  return resource?.kind === 'build' ? resource : undefined;
}

/** The live region that read this build, if its account is connected now. */
function regionOf(resource: BuildResource, context: ActionContext): AwsRegion | undefined {
  const region = context.region(resource.source);
  return region && region.location.accountId === resource.data.location.accountId ? region : undefined;
}

const label = (build: Build) => `${build.project}${build.number !== undefined ? ` #${build.number}` : ''}`;

export async function buildCommand(
  input: CommandInput<'codebuild.builds.stop'>,
  kind: 'stop' | 'retry',
  context: ActionContext,
): Promise<Result<{ buildArn: string }>> {
  const { buildArn } = input;
  const resource = findBuild(context.snapshot, buildArn);
  if (!resource) {
    return fail(
      'not-found',
      `Starboard does not know build ${buildArn}: it is not among the builds it read. Nothing was sent.`,
    );
  }
  const build = resource.data;
  if (kind === 'stop' && build.complete) {
    return fail('conflict', `Build ${label(build)} already finished (${build.status}): there is nothing to stop.`);
  }
  const region = regionOf(resource, context);
  if (!region) {
    return fail(
      'conflict',
      `The account that runs build ${label(build)} is not connected right now. Try again in a moment.`,
    );
  }
  const ids = { buildArn, kind, source: resource.source };
  context.log.info(kind === 'stop' ? 'stopping a CodeBuild build' : 'retrying a CodeBuild build', ids);
  const result = kind === 'stop' ? await region.builds.stopBuild(build.id) : await region.builds.retryBuild(build.id);
  if (result.ok) {
    context.log.info(kind === 'stop' ? 'CodeBuild is stopping the build' : 'CodeBuild started the retry', {
      ...ids,
      newBuildArn: result.value.arn,
    });
  } else {
    context.log.warn(kind === 'stop' ? 'CodeBuild did not stop the build' : 'CodeBuild did not retry the build', {
      ...ids,
      code: result.error.code,
    });
  }
  if (result.ok || result.error.code === 'conflict') context.nudge(regionTaskKey(region, 'builds'));
  return result.ok ? ok({ buildArn: result.value.arn }) : result;
}

export interface BuildLogsOptions {
  /** Lines kept per log; older ones are dropped from the head. */
  maxLines?: number;
  /** Logs followed at once; the one asked for least recently is dropped past this. */
  maxLogs?: number;
  /** How long a log is followed after the last time someone asked for it. */
  interestMs?: number;
  /** Waits between polls (real time by default); tests may pass a faster one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Lines returned by one read at most; the window asks again from where it got to. */
  maxLinesPerRead?: number;
}

const pollMs = 1000;
const backoffMs = 5000;
/** While following, the build is read again (BatchGetBuilds) every this many polls to learn whether it ended. */
const statusEveryPolls = 3;
const fatal = new Set(['access-denied', 'credentials-expired']);

function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function contractProblem(problem: SourceProblem): ContractError {
  return {
    code: problem.code,
    message: problem.message,
    ...(problem.missingPermission ? { missingPermission: problem.missingPermission } : {}),
    ...(problem.retryAt ? { retryAt: problem.retryAt } : {}),
  };
}

/** One build's log as the hub keeps it. */
class FollowedLog {
  lines: LogLine[] = [];
  dropped = 0;
  state: LogState = 'no-log-yet';
  problem: ContractError | undefined;
  askedAt: number;
  reader: BuildLog | undefined;
  /** The first read (or the loop that follows the build); undefined when idle. */
  busy: Promise<void> | undefined;
  readonly abort = new AbortController();
  /** Settles once the first read is done (or following ended without one). */
  readonly firstRead: Promise<void>;
  markRead: () => void = () => {};

  constructor(
    readonly buildArn: string,
    now: number,
  ) {
    this.askedAt = now;
    this.firstRead = new Promise((resolve) => (this.markRead = resolve));
  }

  get total(): number {
    return this.dropped + this.lines.length;
  }
}

/** Follows the logs of builds being read; one per workspace. */
export class BuildLogs {
  readonly #logs = new Map<string, FollowedLog>();
  readonly #maxLines: number;
  readonly #maxLogs: number;
  readonly #interestMs: number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #maxLinesPerRead: number;
  #closed = false;

  constructor(
    private readonly context: () => ActionContext,
    options: BuildLogsOptions = {},
  ) {
    this.#maxLines = options.maxLines ?? 200_000;
    this.#maxLogs = options.maxLogs ?? 8;
    this.#interestMs = options.interestMs ?? 30_000;
    this.#sleep = options.sleep ?? realSleep;
    this.#maxLinesPerRead = options.maxLinesPerRead ?? 50_000;
  }

  /** The builds whose logs are kept now (tests and diagnostics). */
  get followed(): string[] {
    return [...this.#logs.keys()];
  }

  async read(input: QueryInput<'codebuild.builds.log'>): Promise<Result<QueryOutput<'codebuild.builds.log'>>> {
    const { buildArn, from } = input;
    const context = this.context();
    const resource = findBuild(context.snapshot, buildArn);
    if (!resource)
      return fail('not-found', `Starboard does not know build ${buildArn}: it is not among the builds it read.`);
    const region = regionOf(resource, context);
    if (!region) {
      return fail('conflict', `The account that runs build ${label(resource.data)} is not connected right now.`);
    }
    if (this.#closed) return fail('internal', 'The workspace is closing.');
    let entry = this.#logs.get(buildArn);
    if (!entry) {
      entry = new FollowedLog(buildArn, context.now());
      this.#logs.set(buildArn, entry);
      this.#evict();
    }
    entry.askedAt = context.now();
    if (!entry.busy && entry.state !== 'ended' && !(entry.problem && fatal.has(entry.problem.code))) {
      const followed = entry;
      entry.busy = this.#run(followed, region).finally(() => (followed.busy = undefined));
      // The first read is waited for; following goes on in the background.
      await Promise.race([followed.busy, followed.firstRead]);
    } else if (entry.busy && entry.total === 0 && entry.state === 'no-log-yet') {
      await Promise.race([entry.busy, entry.firstRead]);
    }
    return ok(this.#view(entry, from));
  }

  close(): void {
    this.#closed = true;
    for (const entry of this.#logs.values()) entry.abort.abort();
    this.#logs.clear();
  }

  #view(entry: FollowedLog, from: number): QueryOutput<'codebuild.builds.log'> {
    const start = Math.max(from, entry.dropped);
    const lines = entry.lines.slice(start - entry.dropped, start - entry.dropped + this.#maxLinesPerRead);
    return {
      buildArn: entry.buildArn,
      from: Math.min(start, entry.total),
      lines,
      total: entry.total,
      state: entry.state,
      droppedLines: entry.dropped,
      ...(entry.problem ? { problem: entry.problem } : {}),
    };
  }

  /** Drops the logs asked for least recently past the cap. */
  #evict(): void {
    while (this.#logs.size > this.#maxLogs) {
      const oldest = [...this.#logs.values()].reduce((a, b) => (b.askedAt < a.askedAt ? b : a));
      oldest.abort.abort();
      this.#logs.delete(oldest.buildArn);
    }
  }

  #append(entry: FollowedLog, lines: LogLine[]): void {
    if (lines.length === 0) return;
    entry.lines.push(...lines);
    const over = entry.lines.length - this.#maxLines;
    if (over > 0) {
      entry.lines.splice(0, over);
      entry.dropped += over;
    }
  }

  #emit(entry: FollowedLog): void {
    if (entry.abort.signal.aborted) return;
    this.context().emit('codebuild.log.changed', { buildArn: entry.buildArn, total: entry.total, state: entry.state });
  }

  /** The build as the snapshot (or, every few polls, CodeBuild) knows it now. */
  async #build(entry: FollowedLog, region: AwsRegion, ask: boolean): Promise<Build | undefined> {
    const known = findBuild(this.context().snapshot, entry.buildArn)?.data;
    if (known?.complete || !ask || !known) return known;
    const read = await region.builds.refreshBuildIds([known.id]);
    const fresh = read.builds.find((b) => b.id === known.id) ?? known;
    if (fresh.complete) this.context().nudge(regionTaskKey(region, 'builds'));
    return fresh;
  }

  /** Reads what is there, then, while the build runs and someone is reading, one poll a second. */
  async #run(entry: FollowedLog, region: AwsRegion): Promise<void> {
    const signal = entry.abort.signal;
    const log = this.context().log;
    try {
      for (let poll = 0; ; poll++) {
        if (signal.aborted) return;
        const build = await this.#build(entry, region, poll > 0 && poll % statusEveryPolls === 0);
        if (!build) return;
        const completeBefore = build.complete;
        if (!build.log) {
          // CodeBuild names the log stream once the build starts logging.
          if (completeBefore) {
            entry.state = 'ended';
            this.#emit(entry);
            return;
          }
        } else {
          entry.reader ??= new BuildLog(region.logs, { group: build.log.group, stream: build.log.stream });
          const before = entry.total;
          const stateBefore = entry.state;
          // Read everything there is now, page after page (a long finished log is many pages).
          let chunk = await entry.reader.read();
          this.#append(entry, chunk.lines);
          while (chunk.advanced && !chunk.problem) {
            chunk = await entry.reader.read();
            this.#append(entry, chunk.lines);
          }
          if (chunk.problem) {
            entry.problem = contractProblem(chunk.problem);
            log.warn('could not read a build log', { buildArn: entry.buildArn, code: chunk.problem.code });
          } else {
            delete entry.problem;
          }
          if (chunk.state === 'no-log-yet' && entry.total === 0) entry.state = 'no-log-yet';
          else entry.state = 'open';
          if (completeBefore && !chunk.problem && !chunk.advanced) entry.state = 'ended';
          entry.markRead();
          if (entry.total !== before || entry.state !== stateBefore) this.#emit(entry);
          if (entry.state === 'ended') return;
          if (chunk.problem && fatal.has(chunk.problem.code)) return;
        }
        entry.markRead();
        // Nobody asked for a while: stop following; the next read starts again from here.
        if (this.context().now() - entry.askedAt > this.#interestMs) return;
        await this.#sleep(entry.problem ? backoffMs : pollMs, signal);
      }
    } catch (error) {
      log.warn('following a build log failed', { buildArn: entry.buildArn, error: String(error) });
    } finally {
      entry.markRead();
    }
  }
}
