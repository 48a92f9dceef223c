// CodeBuild projects and recent builds of one account and region, read with
// the fewest calls that still see every change (performance-anchors §2.1):
// one account-wide ListBuilds page, then BatchGetBuilds only for ids that are
// new or still running. A completed build never changes, so it is never re-read;
// its test reports are read once, when it is first seen complete.
import {
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  type CodeBuildClient,
  type ListBuildsCommandOutput,
  paginateListBuilds,
  paginateListProjects,
  RetryBuildCommand,
  StartBuildCommand,
  StopBuildCommand,
} from '@aws-sdk/client-codebuild';
import type { Build, BuildProject, BuildProjectsRead, BuildsRead } from '../../../../shared/builds';
import type { Result } from '../../../../shared/result';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { chunks, collectPages, mapLimit } from '../batching';
import { actionResult, attempt, problemOf } from '../calls';
import { toBuild, toProject } from './build-mapping';
import { TestReports } from './test-reports';

export interface BuildSourceOptions {
  now?: () => Date;
  /** Builds kept in the view; the oldest are dropped past this. */
  maxBuilds?: number;
  /** When more than a page of builds started since the last refresh, read at most this many pages to close the gap. */
  maxGapPages?: number;
  /** Batch calls in flight at once. */
  concurrency?: number;
}

/** A fresh input per walk: the SDK's paginators write the next token into the input object they are given. */
const descending = (): { sortOrder: 'DESCENDING' } => ({ sortOrder: 'DESCENDING' });

export class BuildSource {
  readonly #cache = new Map<string, Build>();
  /** Build ids, newest first. */
  #order: string[] = [];
  /** Where the walk into older builds continues; undefined once it reached the end or before the first read. */
  #olderToken: string | undefined;
  #buildsRead: Omit<BuildsRead, 'builds'> = { fetchedAt: '', problems: [] };
  #projects: BuildProjectsRead = { fetchedAt: '', problems: [], projects: [] };
  readonly #now: () => Date;
  readonly #maxBuilds: number;
  readonly #maxGapPages: number;
  readonly #concurrency: number;
  readonly #reports: TestReports;

  constructor(
    private readonly read: CodeBuildClient,
    private readonly write: CodeBuildClient,
    readonly location: AwsLocation,
    options: BuildSourceOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#maxBuilds = options.maxBuilds ?? 2000;
    this.#maxGapPages = options.maxGapPages ?? 5;
    this.#concurrency = options.concurrency ?? 2;
    this.#reports = new TestReports(read, this.#concurrency, this.#now);
  }

  /** The builds read so far, without calling AWS. `fetchedAt` is '' until the first successful read. */
  get builds(): BuildsRead {
    const builds = this.#order.flatMap((id) => {
      const build = this.#cache.get(id);
      if (!build) return [];
      const tests = this.#reports.summaryOf(id);
      return tests ? [{ ...build, tests }] : [build];
    });
    return { ...this.#buildsRead, builds };
  }

  get projects(): BuildProjectsRead {
    return this.#projects;
  }

  /** Slow timer: every project's configuration (ListProjects pages + BatchGetProjects per 100 names). */
  async refreshProjects(): Promise<BuildProjectsRead> {
    try {
      const pages = await attempt('codebuild:ListProjects', undefined, () =>
        collectPages((startingToken) => paginateListProjects({ client: this.read, startingToken }, {})),
      );
      const names = pages.flatMap((p) => p.projects ?? []);
      const problems: SourceProblem[] = [];
      const batches = await mapLimit(chunks(names), this.#concurrency, (batch) =>
        attempt('codebuild:BatchGetProjects', undefined, () =>
          this.read.send(new BatchGetProjectsCommand({ names: batch })),
        ),
      );
      const projects: BuildProject[] = [];
      for (const out of batches) {
        projects.push(...(out.projects ?? []).map((p) => toProject(p, this.location)));
        for (const name of out.projectsNotFound ?? []) problems.push(notFound('Build project', name));
      }
      this.#projects = { fetchedAt: this.#now().toISOString(), problems, projects };
    } catch (error) {
      this.#projects = { ...this.#projects, problem: problemOf(error, 'codebuild:ListProjects', this.#now) };
    }
    return this.#projects;
  }

  /**
   * Every refresh: the newest ListBuilds page, then BatchGetBuilds for new and
   * running builds only, then BatchGetReports for the reports of builds that
   * just completed. Idle, this is exactly one call whatever the number of projects.
   */
  async refreshBuilds(): Promise<BuildsRead> {
    try {
      const warm = this.#order.length > 0;
      const pages = await attempt('codebuild:ListBuilds', undefined, () =>
        collectPages((startingToken) => paginateListBuilds({ client: this.read, startingToken }, descending()), {
          // A page of nothing but new ids means more builds started than one page holds: keep reading to close the gap.
          enough: (read) => !warm || read.length >= this.#maxGapPages || this.#reachesKnown(read.at(-1)),
        }),
      );
      if (!warm) this.#olderToken = pages.at(-1)?.nextToken;
      const listed = pages.flatMap((p) => p.ids ?? []);
      const running = this.#order.filter((id) => this.#cache.get(id)?.complete === false);
      const problems = await this.#readBuilds([...listed.filter((id) => !this.#cache.has(id)), ...running]);
      this.#place(listed, 'front');
      problems.push(...(await this.#reports.readDue()));
      this.#buildsRead = { fetchedAt: this.#now().toISOString(), problems };
    } catch (error) {
      this.#buildsRead = { ...this.#buildsRead, problem: problemOf(error, 'codebuild:ListBuilds', this.#now) };
    }
    return this.builds;
  }

  /**
   * Targeted reads: these builds now (an open log asking whether its build
   * ended, or build ids named by a state-change event), ⌈ids/100⌉ calls.
   */
  async refreshBuildIds(ids: readonly string[]): Promise<BuildsRead> {
    try {
      const problems = await this.#readBuilds(ids);
      this.#place(
        ids.filter((id) => !this.#order.includes(id)),
        'front',
      );
      problems.push(...(await this.#reports.readDue()));
      this.#buildsRead = { ...this.#buildsRead, problems };
    } catch (error) {
      this.#buildsRead = { ...this.#buildsRead, problem: problemOf(error, 'codebuild:BatchGetBuilds', this.#now) };
    }
    return this.builds;
  }

  /** On demand (the user scrolls back): up to `count` builds older than those in the view. */
  async loadOlderBuilds(count = 100): Promise<BuildsRead> {
    try {
      const unknown = (page: ListBuildsCommandOutput): string[] =>
        (page.ids ?? []).filter((id) => !this.#cache.has(id));
      const pages = await attempt('codebuild:ListBuilds', undefined, () =>
        collectPages((startingToken) => paginateListBuilds({ client: this.read, startingToken }, descending()), {
          ...(this.#olderToken !== undefined ? { startingToken: this.#olderToken } : {}),
          enough: (read) => read.flatMap(unknown).length >= count,
        }),
      );
      this.#olderToken = pages.at(-1)?.nextToken;
      const older = pages.flatMap(unknown).slice(0, count);
      const problems = await this.#readBuilds(older);
      this.#place(older, 'back');
      problems.push(...(await this.#reports.readDue()));
      this.#buildsRead = { ...this.#buildsRead, problems };
    } catch (error) {
      this.#buildsRead = { ...this.#buildsRead, problem: problemOf(error, 'codebuild:ListBuilds', this.#now) };
    }
    return this.builds;
  }

  /** Starts a build of `project`, optionally of a branch, tag or commit. Never retried (write client). */
  async startBuild(project: string, sourceVersion?: string): Promise<Result<Build>> {
    return this.#act('codebuild:StartBuild', project, () =>
      this.write.send(new StartBuildCommand({ projectName: project, ...(sourceVersion ? { sourceVersion } : {}) })),
    );
  }

  async stopBuild(id: string): Promise<Result<Build>> {
    return this.#act('codebuild:StopBuild', id, () => this.write.send(new StopBuildCommand({ id })));
  }

  /** Runs a finished build again with the same source version; the answer is the new build. */
  async retryBuild(id: string): Promise<Result<Build>> {
    return this.#act('codebuild:RetryBuild', id, () => this.write.send(new RetryBuildCommand({ id })));
  }

  async #act(
    action: string,
    resource: string,
    call: () => Promise<{ build?: Parameters<typeof toBuild>[0] }>,
  ): Promise<Result<Build>> {
    const result = await actionResult(action, resource, async () => {
      const { build } = await call();
      if (!build?.id) throw new Error(`${action} answered without a build`);
      const mapped = toBuild(build, this.location);
      // Its reports, if any, are read with the next refresh: an action costs one call.
      this.#reports.note(mapped.id, mapped.complete, build.reportArns);
      return mapped;
    });
    if (result.ok) {
      const known = this.#cache.has(result.value.id);
      this.#cache.set(result.value.id, result.value);
      // A started or retried build is the newest; a stopped one keeps its place.
      if (!known) this.#place([result.value.id], 'front');
    }
    return result;
  }

  #reachesKnown(page: ListBuildsCommandOutput | undefined): boolean {
    return (page?.ids ?? []).some((id) => this.#cache.has(id));
  }

  /** BatchGetBuilds per ≤100 ids; the builds land in the cache, ids AWS no longer knows become problems. */
  async #readBuilds(ids: readonly string[]): Promise<SourceProblem[]> {
    const wanted = [...new Set(ids)];
    const problems: SourceProblem[] = [];
    const batches = await mapLimit(chunks(wanted), this.#concurrency, (batch) =>
      attempt('codebuild:BatchGetBuilds', undefined, () => this.read.send(new BatchGetBuildsCommand({ ids: batch }))),
    );
    for (const out of batches) {
      for (const b of out.builds ?? []) {
        if (!b.id) continue;
        const build = toBuild(b, this.location);
        this.#cache.set(b.id, build);
        this.#reports.note(b.id, build.complete, b.reportArns);
      }
      for (const id of out.buildsNotFound ?? []) {
        this.#cache.delete(id);
        this.#reports.forget(id);
        this.#order = this.#order.filter((known) => known !== id);
        problems.push(notFound('Build', id));
      }
    }
    return problems;
  }

  /** Adds ids to the view (new ones in front, history at the back), keeping the newest first and at most maxBuilds. */
  #place(ids: readonly string[], where: 'front' | 'back'): void {
    const present = ids.filter((id) => this.#cache.has(id));
    const added = new Set(present);
    const rest = this.#order.filter((id) => !added.has(id));
    this.#order = where === 'front' ? [...present, ...rest] : [...rest, ...present];
    for (const dropped of this.#order.splice(this.#maxBuilds)) {
      this.#cache.delete(dropped);
      this.#reports.forget(dropped);
    }
  }
}

function notFound(what: string, resource: string): SourceProblem {
  return { code: 'not-found', message: `${what} ${resource} no longer exists.`, resource };
}
