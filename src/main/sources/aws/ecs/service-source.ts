// ECS services that pipeline deploy actions target: DescribeServices per
// cluster, at most 10 services a call (the API's limit), a few calls in
// flight. A service ECS reports in failures[] (MISSING) is that service's
// problem; a call that fails is the problem of its batch, whose services keep
// their last good copy.
import { DescribeServicesCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { EcsRead, EcsService } from '../../../../shared/deployments';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { chunks, mapLimit } from '../batching';
import { attempt, problemOf } from '../calls';
import { toEcsService } from './service-mapping';

export interface EcsServiceRef {
  /** The cluster's name (or ARN). */
  cluster: string;
  /** The service's name (or ARN). */
  service: string;
}

export interface ServiceSourceOptions {
  now?: () => Date;
  /** DescribeServices calls in flight at once. */
  concurrency?: number;
}

/** DescribeServices takes at most this many services per call. */
export const servicesPerCall = 10;
const describeServices = 'ecs:DescribeServices';

const lastSegment = (nameOrArn: string): string => nameOrArn.split('/').at(-1) ?? nameOrArn;
const keyOf = (cluster: string, service: string): string => `${lastSegment(cluster)}/${lastSegment(service)}`;

export class ServiceSource {
  readonly #known = new Map<string, EcsService>();
  #read: EcsRead;
  readonly #now: () => Date;
  readonly #concurrency: number;

  constructor(
    private readonly client: ECSClient,
    readonly location: AwsLocation,
    options: ServiceSourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#concurrency = options.concurrency ?? 2;
    this.#read = { location, fetchedAt: '', services: [], problems: [] };
  }

  /** The services read so far, without calling AWS. `fetchedAt` is '' until the first successful read. */
  get services(): EcsRead {
    return this.#read;
  }

  /** ⌈n/10⌉ DescribeServices calls per cluster. */
  async refresh(services: readonly EcsServiceRef[]): Promise<EcsRead> {
    const byCluster = new Map<string, string[]>();
    for (const { cluster, service } of services) {
      const names = byCluster.get(cluster) ?? [];
      if (!names.includes(service)) names.push(service);
      byCluster.set(cluster, names);
    }
    const batches = [...byCluster].flatMap(([cluster, names]) =>
      chunks(names, servicesPerCall).map((batch) => ({ cluster, batch })),
    );
    const problems: SourceProblem[] = [];
    let failedCalls = 0;
    await mapLimit(batches, this.#concurrency, async ({ cluster, batch }) => {
      try {
        // No resource of its own: an access-denied message names the service AWS refused.
        const out = await attempt(describeServices, undefined, () =>
          this.client.send(new DescribeServicesCommand({ cluster, services: batch })),
        );
        for (const s of out.services ?? []) {
          const service = toEcsService(s, lastSegment(cluster));
          this.#known.set(keyOf(cluster, service.name), service);
        }
        for (const f of out.failures ?? []) {
          const arn = f.arn ?? '';
          if (f.reason === 'MISSING') this.#known.delete(keyOf(cluster, arn));
          problems.push({
            code: f.reason === 'MISSING' ? 'not-found' : 'internal',
            message:
              f.reason === 'MISSING'
                ? `ECS service ${lastSegment(arn)} does not exist in cluster ${lastSegment(cluster)}.`
                : `ECS could not describe ${arn}: ${f.reason ?? 'no reason given'}${f.detail ? ` (${f.detail})` : ''}`,
            resource: arn,
          });
        }
      } catch (error) {
        failedCalls += 1;
        const problem = problemOf(error, describeServices, this.#now);
        if (isMissingCluster(error)) {
          for (const name of batch) this.#known.delete(keyOf(cluster, name));
          problems.push({
            ...problem,
            code: 'not-found',
            message: `ECS cluster ${cluster} does not exist.`,
            resource: cluster,
          });
        } else problems.push(problem);
      }
    });
    const list = services.flatMap(({ cluster, service }) => this.#known.get(keyOf(cluster, service)) ?? []);
    const unique = [...new Map(list.map((s) => [s.arn, s])).values()];
    const everyCallFailed = batches.length > 0 && failedCalls === batches.length;
    this.#read =
      everyCallFailed && problems.every((p) => p.code !== 'not-found')
        ? { ...this.#read, services: unique, problems, problem: problems[0] }
        : { location: this.location, fetchedAt: this.#now().toISOString(), services: unique, problems };
    return this.#read;
  }
}

function isMissingCluster(error: unknown): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return cause instanceof Error && cause.name === 'ClusterNotFoundException';
}
