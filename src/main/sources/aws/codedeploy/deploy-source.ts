// CodeDeploy groups and recent deployments of one account and region, read
// with the fewest calls that still see every change: one account-wide
// ListDeployments of what was created since the last refresh, then
// BatchGetDeployments only for new and still active deployments. A finished
// deployment never changes, so it is never re-read; a failed one's targets
// (which hook failed, and why), and the final targets of one seen running,
// are read once and kept.
import {
  BatchGetDeploymentGroupsCommand,
  BatchGetDeploymentsCommand,
  BatchGetDeploymentTargetsCommand,
  type CodeDeployClient,
  type DeploymentStatus,
  ListDeploymentTargetsCommand,
  type ListDeploymentsCommandInput,
  paginateListApplications,
  paginateListDeploymentGroups,
  paginateListDeployments,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import type {
  CodeDeployDeployment,
  CodeDeployGroup,
  CodeDeployRead,
  CodeDeployTarget,
} from '../../../../shared/deployments';
import type { Result } from '../../../../shared/result';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { chunks, collectPages, mapLimit } from '../batching';
import { actionResult, attempt, ProblemError, problemOf } from '../calls';
import { activeStatuses, groupArn, isActive, toDeployment, toGroup, toTarget } from './deploy-mapping';

export interface CodeDeploySourceOptions {
  now?: () => Date;
  /** Deployments kept in the view; the oldest are dropped past this. */
  maxDeployments?: number;
  /** Calls in flight at once. */
  concurrency?: number;
  /** How far before the last refresh the next one lists again, for clocks that disagree (ms). */
  overlapMs?: number;
}

export interface StopOutcome {
  /** CodeDeploy's answer: Pending while it stops, Succeeded once stopped. */
  status: string;
  message: string;
}

export class CodeDeploySource {
  readonly #cache = new Map<string, CodeDeployDeployment>();
  /** Listed ids whose BatchGetDeployments failed: the listing window has moved past them, so they are kept here. */
  readonly #unread = new Set<string>();
  /** Finished deployments whose targets were read after they finished: they never change again. */
  readonly #finishedWithTargets = new Set<string>();
  /** Deployment ids, newest first. */
  #order: string[] = [];
  /** When the last successful listing started; the next one lists what was created since. */
  #listedFrom: Date | undefined;
  #read: Omit<CodeDeployRead, 'groups' | 'deployments'>;
  #groups: CodeDeployGroup[] = [];
  #groupsRead: { fetchedAt: string; problem?: SourceProblem; problems: SourceProblem[] } = {
    fetchedAt: '',
    problems: [],
  };
  readonly #now: () => Date;
  readonly #max: number;
  readonly #concurrency: number;
  readonly #overlapMs: number;

  constructor(
    private readonly read: CodeDeployClient,
    private readonly write: CodeDeployClient,
    readonly location: AwsLocation,
    options: CodeDeploySourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#max = options.maxDeployments ?? 200;
    this.#concurrency = options.concurrency ?? 2;
    this.#overlapMs = options.overlapMs ?? 5 * 60_000;
    this.#read = { location, fetchedAt: '', problems: [] };
  }

  /** What was read so far, without calling AWS. `fetchedAt` is '' until the first successful refresh. */
  get current(): CodeDeployRead {
    const deployments = this.#order.flatMap((id) => {
      const d = this.#cache.get(id);
      return d ? [d] : [];
    });
    const problem = this.#read.problem ?? this.#groupsRead.problem;
    return {
      ...this.#read,
      ...(problem ? { problem } : {}),
      problems: [...this.#groupsRead.problems, ...this.#read.problems],
      groups: this.#groups,
      deployments,
    };
  }

  /** When the groups were last read (the definitions cadence), '' before the first time. */
  get groupsFetchedAt(): string {
    return this.#groupsRead.fetchedAt;
  }

  /**
   * Definitions cadence: ListApplications, ListDeploymentGroups per
   * application, BatchGetDeploymentGroups per ≤100 names of one application.
   * An application that cannot be read is a problem; the others still are.
   */
  async refreshGroups(): Promise<CodeDeployRead> {
    try {
      const pages = await attempt('codedeploy:ListApplications', undefined, () =>
        collectPages((startingToken) => paginateListApplications({ client: this.read, startingToken }, {})),
      );
      const applications = pages.flatMap((p) => p.applications ?? []);
      const problems: SourceProblem[] = [];
      const perApplication = await mapLimit(applications, this.#concurrency, (application) =>
        this.#groupsOf(application).catch((error: unknown) => {
          problems.push(problemOf(error, 'codedeploy:ListDeploymentGroups', this.#now));
          // Keep what this application showed before rather than dropping it.
          return this.#groups.filter((g) => g.application === application);
        }),
      );
      this.#groups = perApplication.flat();
      this.#groupsRead = { fetchedAt: this.#now().toISOString(), problems };
    } catch (error) {
      this.#groupsRead = {
        ...this.#groupsRead,
        problem: problemOf(error, 'codedeploy:ListApplications', this.#now),
      };
    }
    return this.current;
  }

  async #groupsOf(application: string): Promise<CodeDeployGroup[]> {
    const { region, accountId } = this.location;
    const pages = await attempt('codedeploy:ListDeploymentGroups', application, () =>
      collectPages((startingToken) =>
        paginateListDeploymentGroups({ client: this.read, startingToken }, { applicationName: application }),
      ),
    );
    const names = pages.flatMap((p) => p.deploymentGroups ?? []);
    const groups: CodeDeployGroup[] = [];
    for (const batch of chunks(names, 100)) {
      const out = await attempt('codedeploy:BatchGetDeploymentGroups', undefined, () =>
        this.read.send(
          new BatchGetDeploymentGroupsCommand({ applicationName: application, deploymentGroupNames: batch }),
        ),
      );
      groups.push(...(out.deploymentGroupsInfo ?? []).map((g) => toGroup(g, region, accountId)));
    }
    return groups;
  }

  /**
   * Every refresh. Warm: one ListDeployments of what was created since the
   * last one (a window, not a status filter: AWS ANDs the two, and a
   * deployment that started and finished in between must be seen), then
   * BatchGetDeployments per 25 for new and still active ids, then targets of
   * active and newly failed deployments. Idle, exactly one call.
   * Cold: the newest deployments plus every active one (two listings).
   */
  async refresh(): Promise<CodeDeployRead> {
    const startedAt = this.#now();
    try {
      const listed = this.#listedFrom ? await this.#listSince(this.#listedFrom) : await this.#listCold();
      const active = this.#order.filter((id) => {
        const d = this.#cache.get(id);
        return d !== undefined && isActive(d.status);
      });
      const problems: SourceProblem[] = [];
      const read = await this.#readDeployments([...listed.filter((id) => !this.#cache.has(id)), ...active], problems);
      // Listed, and read now: an id kept from a failed batch is no longer in the listing window.
      this.#place([...listed, ...read.map((d) => d.id)]);
      await this.#readTargets(read, problems);
      this.#listedFrom = new Date(startedAt.getTime() - this.#overlapMs);
      this.#read = { location: this.location, fetchedAt: this.#now().toISOString(), problems };
    } catch (error) {
      this.#read = { ...this.#read, problem: problemOf(error, 'codedeploy:ListDeployments', this.#now) };
    }
    return this.current;
  }

  /**
   * Stops a deployment, optionally rolling back to the last good revision.
   * Never retried (write client). One that finished meanwhile is a conflict
   * (the user acts on old news), not an internal error.
   */
  async stop(deploymentId: string, options: { autoRollback: boolean }): Promise<Result<StopOutcome>> {
    return actionResult('codedeploy:StopDeployment', deploymentId, async () => {
      try {
        const out = await this.write.send(
          new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: options.autoRollback }),
        );
        return { status: out.status ?? 'Pending', message: out.statusMessage ?? '' };
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'DeploymentAlreadyCompletedException') throw error;
        const message = `Deployment ${deploymentId} has already finished: there is nothing to stop.`;
        throw new ProblemError({ code: 'conflict', message, resource: deploymentId }, error);
      }
    });
  }

  async #list(input: ListDeploymentsCommandInput, pageLimit: number): Promise<string[]> {
    const pages = await attempt('codedeploy:ListDeployments', undefined, () =>
      collectPages(
        // A fresh input per walk: the paginator writes the next token into it.
        (startingToken) => paginateListDeployments({ client: this.read, startingToken }, { ...input }),
        { enough: (read) => read.length >= pageLimit },
      ),
    );
    return pages.flatMap((p) => p.deployments ?? []);
  }

  #listSince(from: Date): Promise<string[]> {
    return this.#list({ createTimeRange: { start: from } }, Math.ceil(this.#max / 100));
  }

  async #listCold(): Promise<string[]> {
    const newest = await this.#list({}, Math.ceil(this.#max / 100));
    const running = await this.#list({ includeOnlyStatuses: [...activeStatuses] as DeploymentStatus[] }, 1);
    return [...new Set([...running.filter((id) => !newest.includes(id)), ...newest])];
  }

  /** BatchGetDeployments per ≤25 ids; a batch that fails is a problem and its ids are asked again next time. */
  async #readDeployments(ids: readonly string[], problems: SourceProblem[]): Promise<CodeDeployDeployment[]> {
    const wanted = [...new Set([...ids, ...this.#unread])];
    const batches = await mapLimit(chunks(wanted, 25), this.#concurrency, async (batch) => {
      try {
        const out = await attempt('codedeploy:BatchGetDeployments', undefined, () =>
          this.read.send(new BatchGetDeploymentsCommand({ deploymentIds: batch })),
        );
        return { batch, read: (out.deploymentsInfo ?? []).map(toDeployment).filter((d) => d.id !== '') };
      } catch (error) {
        problems.push(problemOf(error, 'codedeploy:BatchGetDeployments', this.#now));
        for (const id of batch) this.#unread.add(id);
        return { batch: [], read: [] };
      }
    });
    const read = batches.flatMap((b) => b.read);
    for (const d of read) {
      this.#unread.delete(d.id);
      // Targets already read stay with the deployment until they are read again.
      const before = this.#cache.get(d.id);
      this.#cache.set(d.id, before?.targets ? { ...d, targets: before.targets } : d);
    }
    const found = new Set(read.map((d) => d.id));
    for (const id of batches.flatMap((b) => b.batch).filter((id) => !found.has(id))) {
      this.#unread.delete(id);
      if (!this.#order.includes(id)) continue;
      this.#forget(id);
      problems.push({ code: 'not-found', message: `Deployment ${id} no longer exists.`, resource: id });
    }
    return read;
  }

  /**
   * Targets of active deployments every time; of failed ones, and of any seen
   * running, once more after they finish. Each deployment's problem stays its own.
   */
  async #readTargets(read: readonly CodeDeployDeployment[], problems: SourceProblem[]): Promise<void> {
    // A deployment seen running has targets read mid-way: once it finishes (or is stopped) they are read once more.
    const due = read.filter(
      (d) =>
        isActive(d.status) ||
        (!this.#finishedWithTargets.has(d.id) &&
          (d.status === 'Failed' || this.#cache.get(d.id)?.targets !== undefined)),
    );
    await mapLimit(due, this.#concurrency, async (d) => {
      try {
        const targets = await this.#targetsOf(d);
        const current = this.#cache.get(d.id);
        if (current) this.#cache.set(d.id, { ...current, targets });
      } catch (error) {
        problems.push({ ...problemOf(error, 'codedeploy:ListDeploymentTargets', this.#now), resource: d.id });
      }
    });
  }

  async #targetsOf(d: CodeDeployDeployment): Promise<CodeDeployTarget[]> {
    const resource = groupArn(this.location.region, this.location.accountId, d.application, d.group);
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await attempt('codedeploy:ListDeploymentTargets', resource, () =>
        this.read.send(new ListDeploymentTargetsCommand({ deploymentId: d.id, ...(nextToken ? { nextToken } : {}) })),
      );
      ids.push(...(out.targetIds ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    const batches = await mapLimit(chunks(ids, 25), this.#concurrency, (batch) =>
      attempt('codedeploy:BatchGetDeploymentTargets', resource, () =>
        this.read.send(new BatchGetDeploymentTargetsCommand({ deploymentId: d.id, targetIds: batch })),
      ),
    );
    const targets = batches.flatMap((out) => (out.deploymentTargets ?? []).flatMap((t) => toTarget(t) ?? []));
    if (!isActive(d.status)) this.#finishedWithTargets.add(d.id);
    return targets;
  }

  /** Adds listed ids to the view, keeping the newest (by creation) first and at most maxDeployments. */
  #place(ids: readonly string[]): void {
    const all = [...new Set([...ids, ...this.#order])].filter((id) => this.#cache.has(id));
    const created = (id: string): string => this.#cache.get(id)?.createdAt ?? '';
    this.#order = all.sort((a, b) => created(b).localeCompare(created(a)));
    for (const dropped of this.#order.splice(this.#max)) this.#forget(dropped);
  }

  #forget(id: string): void {
    this.#cache.delete(id);
    this.#finishedWithTargets.delete(id);
    this.#order = this.#order.filter((known) => known !== id);
  }
}
