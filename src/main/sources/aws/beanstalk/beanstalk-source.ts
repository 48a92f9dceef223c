// Elastic Beanstalk environments of one account and region, with their
// health causes and recent events, read with a fixed number of calls per
// refresh (performance-anchors §2.1): one DescribeEnvironments for every
// application, one DescribeEvents since the last poll, and one
// DescribeEnvironmentHealth per environment that is in trouble.
import {
  DescribeEnvironmentHealthCommand,
  type DescribeEnvironmentsCommandOutput,
  DescribeEnvironmentsCommand,
  DescribeEventsCommand,
  type ElasticBeanstalkClient,
  type EnvironmentDescription,
  type EnvironmentHealthAttribute,
} from '@aws-sdk/client-elastic-beanstalk';
import type { BeanstalkEnvironment, BeanstalkEvent, BeanstalkRead } from '../../../../shared/deployments';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { collectPages, mapLimit } from '../batching';
import { attempt, problemOf } from '../calls';
import {
  type BeanstalkMappingContext,
  environmentArn,
  eventKey,
  needsCauses,
  toEnvironment,
  toEvent,
} from './beanstalk-mapping';

export interface BeanstalkSourceOptions {
  now?: () => Date;
  /** How far back the first poll reads events. */
  lookBackMs?: number;
  /** Events kept, newest first; older ones drop off. */
  maxEvents?: number;
  /** DescribeEnvironmentHealth calls in flight at once. */
  concurrency?: number;
}

const describeHealth = 'elasticbeanstalk:DescribeEnvironmentHealth';
const healthAttributes: EnvironmentHealthAttribute[] = ['Causes', 'HealthStatus', 'Color'];

export class BeanstalkSource {
  #environments: BeanstalkEnvironment[] = [];
  /** Newest first, at most maxEvents. */
  #events: BeanstalkEvent[] = [];
  /** The newest event time seen: the next poll's StartTime. */
  #newestEvent: Date | undefined;
  #state: Omit<BeanstalkRead, 'environments' | 'events'>;
  readonly #now: () => Date;
  readonly #lookBackMs: number;
  readonly #maxEvents: number;
  readonly #concurrency: number;
  readonly #reported = new Set<string>();
  readonly #ctx: BeanstalkMappingContext;

  constructor(
    private readonly client: ElasticBeanstalkClient,
    readonly location: AwsLocation,
    options: BeanstalkSourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#lookBackMs = options.lookBackMs ?? 60 * 60_000;
    this.#maxEvents = Math.min(options.maxEvents ?? 200, 1000);
    this.#concurrency = options.concurrency ?? 2;
    this.#state = { location, fetchedAt: '', problems: [] };
    this.#ctx = {
      location,
      onUnknown: (field, value) => {
        const key = `${field}:${value}`;
        if (this.#reported.has(key)) return;
        this.#reported.add(key);
        console.warn(`Elastic Beanstalk sent an unknown ${field} "${value}"; shown as unknown.`);
      },
    };
  }

  /** What was read so far, without calling AWS. `fetchedAt` is '' until the first successful read. */
  get read(): BeanstalkRead {
    return { ...this.#state, environments: this.#environments, events: this.#events };
  }

  /**
   * DescribeEnvironments (all applications: without MaxRecords AWS sends them
   * in one response; a NextToken is followed if one comes), then the
   * causes of troubled environments and the events since the last poll. A
   * failed DescribeEnvironments keeps the last good copy; a failed health or
   * events call is one problem beside data that is otherwise fresh.
   */
  async refresh(): Promise<BeanstalkRead> {
    let described: EnvironmentDescription[];
    try {
      described = await attempt('elasticbeanstalk:DescribeEnvironments', undefined, async () =>
        (await collectPages((token) => this.#describeEnvironments(token))).flatMap((p) => p.Environments ?? []),
      );
    } catch (error) {
      this.#state = { ...this.#state, problem: problemOf(error, 'elasticbeanstalk:DescribeEnvironments', this.#now) };
      return this.read;
    }
    const [readings, eventProblem] = await Promise.all([this.#readHealth(described), this.#readEvents()]);
    this.#environments = readings
      .map((r) => r.environment)
      .sort((a, b) => a.application.localeCompare(b.application) || a.name.localeCompare(b.name));
    const problems = readings.flatMap((r) => (r.problem ? [r.problem] : []));
    if (eventProblem) problems.push(eventProblem);
    this.#state = { location: this.location, fetchedAt: this.#now().toISOString(), problems };
    return this.read;
  }

  async *#describeEnvironments(token: string | undefined): AsyncGenerator<DescribeEnvironmentsCommandOutput> {
    let nextToken = token;
    do {
      const page = await this.client.send(
        new DescribeEnvironmentsCommand({ IncludeDeleted: false, ...(nextToken ? { NextToken: nextToken } : {}) }),
      );
      yield page;
      nextToken = page.NextToken;
    } while (nextToken);
  }

  /**
   * Causes only matter when something is wrong, and DescribeEnvironmentHealth
   * is one call per environment: it is asked only about environments with
   * enhanced health (basic health has no causes to give) that are not Green
   * and Ok. A refused call loses that environment's fresh causes (the last
   * ones read are kept, with a problem naming it), not the other environments.
   */
  async #readHealth(described: readonly EnvironmentDescription[]): Promise<EnvironmentReading[]> {
    const previous = new Map(this.#environments.map((e) => [e.arn, e.causes]));
    return mapLimit(described, this.#concurrency, async (env): Promise<EnvironmentReading> => {
      if (!needsCauses(env)) return { environment: toEnvironment(env, this.#ctx) };
      const arn = environmentArn(env, this.location);
      try {
        const answer = await attempt(describeHealth, arn, () =>
          this.client.send(
            new DescribeEnvironmentHealthCommand({
              ...(env.EnvironmentId ? { EnvironmentId: env.EnvironmentId } : { EnvironmentName: env.EnvironmentName }),
              AttributeNames: healthAttributes,
            }),
          ),
        );
        return { environment: toEnvironment(env, this.#ctx, answer) };
      } catch (error) {
        return {
          environment: toEnvironment(env, this.#ctx, { Causes: previous.get(arn) ?? [] }),
          problem: problemOf(error, describeHealth, this.#now),
        };
      }
    });
  }

  /**
   * One DescribeEvents for every environment since the newest event seen
   * (StartTime is inclusive: that event comes back and is dropped as a
   * duplicate). MaxRecords equals the number kept, so one page always holds
   * every event the bounded list could keep: no paging, no per-environment calls.
   */
  async #readEvents(): Promise<SourceProblem | undefined> {
    const start = this.#newestEvent ?? new Date(this.#now().getTime() - this.#lookBackMs);
    try {
      const out = await attempt('elasticbeanstalk:DescribeEvents', undefined, () =>
        this.client.send(new DescribeEventsCommand({ StartTime: start, MaxRecords: this.#maxEvents })),
      );
      const seen = new Set(this.#events.map(eventKey));
      const fresh: BeanstalkEvent[] = [];
      for (const raw of out.Events ?? []) {
        const event = toEvent(raw, this.#ctx);
        const key = eventKey(event);
        if (seen.has(key) || event.at === '') continue;
        seen.add(key);
        fresh.push(event);
      }
      this.#events = [...fresh, ...this.#events].sort((a, b) => b.at.localeCompare(a.at)).slice(0, this.#maxEvents);
      const newest = this.#events[0]?.at;
      if (newest !== undefined) this.#newestEvent = new Date(newest);
      return undefined;
    } catch (error) {
      return problemOf(error, 'elasticbeanstalk:DescribeEvents', this.#now);
    }
  }
}

interface EnvironmentReading {
  environment: BeanstalkEnvironment;
  problem?: SourceProblem;
}
