// The live picture of one workspace: the snapshot (read from disk at once,
// then kept current by the refresh scheduler's tasks per account region), the
// events diffed out of every change and delivered once, the projects
// discovered from the pipelines with the user's edits over them, and the AWS
// approvals inbox that follows the pipelines' state. One per workspace: the
// demo gets its own, in its own folder.
import type {
  CommandInput,
  CommandOutput,
  EventName,
  EventPayload,
  QueryInput,
  QueryOutput,
} from '../../../shared/contract';
import type { ProjectEvent } from '../../../shared/events';
import type { ApprovalSummary, AwsAccount, Workspace } from '../../../shared/model';
import type { GitHubJob, GitHubRepositoryRead } from '../../../shared/github';
import type { GitHubJobLog } from '../../../shared/github-accounts';
import type { PipelineDetail } from '../../../shared/pipelines';
import { applyEdits } from '../projects/edits';
import type { ProjectCommand, ProjectEdits, ProjectsView, ProposedProject } from '../../../shared/projects';
import { idleRefreshStatus, type RefreshStatus } from '../../../shared/refresh';
import { fail, ok, type Result } from '../../../shared/result';
import {
  awsSourceId,
  githubRepositoryId,
  githubSourceId,
  pipelineId,
  resourcesOfKind,
  type Snapshot,
} from '../../../shared/snapshot';
import type { AwsLocation } from '../../../shared/sources';
import type { AwsAccountTarget } from '../../sources/aws/client-config';
import { AwsApprovals } from '../approvals/aws-approvals';
import { GitHubApprovals } from '../approvals/github-approvals';
import { GitHubApprovalJournal } from '../approvals/github-journal';
import { GitHubApprovalRegistry } from '../approvals/github-registry';
import { ApprovalJournal } from '../approvals/journal';
import { ApprovalRegistry } from '../approvals/registry';
import type { AwsAccounts } from '../aws-accounts';
import type { Logger } from '../log';
import { applyCommand } from '../projects/edit-commands';
import { discoverProjects } from '../projects/discovery';
import {
  RefreshScheduler,
  type RefreshTask,
  type RunOutcome,
  type SchedulerClock,
  type SchedulerOptions,
  systemClock,
} from '../scheduler';
import { defaultSnapshotLimits } from '../snapshot/bounds';
import { DeliveredEvents } from '../snapshot/dedup';
import { diffSnapshots } from '../snapshot/diff';
import { SnapshotStore } from '../snapshot/store';
import { removeSource } from '../snapshot/update';
import { ActivityLog } from './activity-log';
import { assignRepositories } from './github-assignment';
import { tailOfLog } from './log-tail';
import { AwsRegion } from './aws-region';
import { type GitHubAccess, GitHubAccountLive, type GitHubContext } from './github-account';
import { carryOver, DiscoveredProjects } from './discovered';
import { stopCodeDeployDeployment } from './codedeploy-stop';
import type { ActionContext } from './action-context';
import { BuildLogs, buildCommand } from './build-actions';
import { pipelineActionExecutions, retryStage, startPipeline, stopPipeline } from './pipeline-actions';
import { ProjectIndex } from './project-index';
import { refreshStatus } from './refresh-status';
import { pipelineTask, pipelineTaskKey, type RegionContext, regionTasks } from './region-tasks';

export interface LiveOptions {
  /** Where this workspace's snapshot, delivered events, projects and approvals journal live. */
  dir: string;
  workspace: () => Workspace;
  /** Stores the user's project edits in the workspace. */
  saveProjects: (edits: ProjectEdits) => void;
  accounts: AwsAccounts;
  /** How to reach an account region (credentials, endpoint). */
  target: (account: AwsAccount, region: string) => AwsAccountTarget;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  log: Logger;
  clock?: SchedulerClock;
  random?: () => number;
  scheduler?: Omit<SchedulerOptions, 'clock' | 'random'>;
  /** The GitHub accounts: their tokens and API URLs, and their state (only accounts not waiting for a token refresh). */
  github?: GitHubAccess & {
    list(): { accountKey: string; state: string }[];
    /** Checks an account's token (GET /user); its status changes, and sync runs again. */
    check(accountId: string): void;
  };
  /** Coalescing delay for 'snapshot.changed' and 'refresh.status.changed' (ms). */
  notifyDelayMs?: number;
}

export class LiveWorkspace {
  readonly store: SnapshotStore;
  readonly scheduler: RefreshScheduler;
  readonly approvals: AwsApprovals;
  readonly journal: ApprovalJournal;
  readonly githubApprovals: GitHubApprovals;
  readonly #options: LiveOptions;
  readonly #clock: SchedulerClock;
  readonly #delivered: DeliveredEvents;
  readonly #discovered: DiscoveredProjects;
  readonly #registry: ApprovalRegistry;
  readonly #githubRegistry = new GitHubApprovalRegistry();
  readonly #regions = new Map<string, AwsRegion>();
  readonly #signatures = new Map<string, string>();
  readonly #github = new Map<string, GitHubAccountLive>();
  readonly #activity: ActivityLog;
  #view: ProjectsView;
  #index: ProjectIndex;
  #delivering: Promise<void> = Promise.resolve();
  #approvalsJson = '[]';
  #pending = new Map<'snapshot' | 'status', ReturnType<SchedulerClock['setTimeout']>>();
  #closed = false;
  readonly #buildLogs = new BuildLogs(() => this.#actionContext());

  constructor(options: LiveOptions) {
    this.#options = options;
    const clock = options.clock ?? systemClock();
    this.#clock = clock;
    const timers = {
      now: () => clock.now(),
      setTimeout: (callback: () => void, ms: number) => clock.setTimeout(callback, ms),
      clearTimeout: (handle: unknown) => clock.clearTimeout(handle as number),
    };
    const { dir, log } = options;
    this.store = SnapshotStore.open({ dir, timers, log });
    this.#delivered = DeliveredEvents.open({ dir, timers, log });
    this.#discovered = DiscoveredProjects.open(dir, log, new Date(clock.now()));
    this.#activity = new ActivityLog(dir, timers, log);
    this.#view = applyEdits(this.#discovered.proposals, options.workspace().projects);
    this.#index = new ProjectIndex(this.#view);
    this.#registry = new ApprovalRegistry(() => new Date(clock.now()));
    this.journal = new ApprovalJournal(dir, { now: () => new Date(clock.now()), logger: log });
    this.approvals = new AwsApprovals({
      registry: this.#registry,
      journal: this.journal,
      source: (location) => this.#regions.get(awsSourceId(location))?.pipelines,
      callerArn: async (location) =>
        options.accounts.list().find((a) => a.accountKey === location.accountKey)?.identity?.arn,
      logger: log,
    });
    this.githubApprovals = new GitHubApprovals({
      registry: this.#githubRegistry,
      journal: new GitHubApprovalJournal(dir, this.journal.audit, { now: () => new Date(clock.now()), logger: log }),
      source: (accountKey) => this.#github.get(accountKey)?.source,
      logger: log,
    });
    this.githubApprovals
      .reconcile()
      .catch((error: unknown) => log.error('GitHub approval reconciliation failed', error));
    // What waited when Starboard last looked shows at once; a decision still re-reads the state first.
    for (const resource of Object.values(this.store.current.resources)) {
      if (resource.kind === 'pipeline' && resource.data.state) {
        this.#registry.syncPipeline(
          resource.data.summary.location,
          resource.data.summary.name,
          resource.data.state.waitingApprovals,
        );
      }
    }
    this.#syncGitHubApprovals();
    this.#approvalsJson = JSON.stringify(this.approvalList());
    this.scheduler = new RefreshScheduler({
      // Lanes already bound how many run at once; a short spread gets a cold start on screen quickly.
      firstRunSpreadMs: 1_500,
      ...options.scheduler,
      clock,
      random: options.random ?? Math.random,
    });
  }

  get snapshot(): Snapshot {
    return this.store.current;
  }

  get projects(): ProjectsView {
    return this.#view;
  }

  get recentEvents(): ProjectEvent[] {
    return this.#activity.events;
  }

  /** What the inbox shows: the AWS and GitHub approvals, each with the project of its pipeline or repository. */
  approvalList(): ApprovalSummary[] {
    const github = this.githubApprovals.list().map((approval) => {
      const resource = this.store.current.resources[githubRepositoryId(approval.accountKey, approval.repository)];
      return { ...approval, projectId: this.#index.projectsOf(resource)[0] ?? null };
    });
    const aws = this.approvals.list().map((approval) => {
      // By id, not by a scan: this runs on every commit, and a region may hold a thousand pipelines.
      const location = this.#registry.resolve(approval.approvalId)?.location;
      const resource = location ? this.store.current.resources[pipelineId(location, approval.pipeline)] : undefined;
      return { ...approval, projectId: this.#index.projectsOf(resource)[0] ?? null };
    });
    return [...aws, ...github];
  }

  /** A decision through the approvals service; the pipeline's (or repository's) state is read again right after. */
  async decide(input: CommandInput<'approvals.decide'>): Promise<Result<CommandOutput<'approvals.decide'>>> {
    if (this.githubApprovals.owns(input)) {
      const accountKey = this.#githubRegistry.resolve(input.approvalId)?.ref.accountKey;
      const result = await this.githubApprovals.decide(input);
      if (accountKey !== undefined) this.scheduler.nudge(`${githubSourceId(accountKey)}:repositories`);
      this.#notifyApprovals();
      return result;
    }
    const approval = this.#registry.resolve(input.approvalId);
    const result = await this.approvals.decide(input);
    const region = approval ? this.#regions.get(awsSourceId(approval.location)) : undefined;
    if (region && approval) this.scheduler.nudge(pipelineTaskKey(region, approval.ref.pipeline));
    // A decided approval leaves the list now (the tray, the inbox), before the state is read again.
    this.#notifyApprovals();
    return result;
  }

  /**
   * Re-runs or cancels a workflow run of a repository this workspace watches
   * (nothing is sent for any other), then reads the repository again soon.
   */
  async githubRun(
    input: { accountKey: string; repository: string; runId: number },
    action: { kind: 'rerun'; failedOnly: boolean } | { kind: 'cancel' },
  ): Promise<Result<{ runId: number }>> {
    const watched = this.#watchedGitHub(input);
    if (!watched.ok) return watched;
    const { account, fullName } = watched.value;
    const result =
      action.kind === 'rerun'
        ? await account.source.rerun(fullName, input.runId, { failedOnly: action.failedOnly })
        : await account.source.cancel(fullName, input.runId);
    this.scheduler.nudge(account.repositoriesKey);
    return result;
  }

  /** Stops a CodeDeploy deployment the snapshot shows running, in the region it was read from (codedeploy-stop.ts). */
  stopCodeDeployDeployment(
    input: CommandInput<'codedeploy.deployments.stop'>,
  ): Promise<Result<CommandOutput<'codedeploy.deployments.stop'>>> {
    return stopCodeDeployDeployment(input, {
      snapshot: this.store.current,
      region: (source) => this.#regions.get(source),
      nudge: (key) => this.scheduler.nudge(key),
      log: this.#options.log,
    });
  }

  /** What a command about one snapshot resource needs (action-context.ts). */
  #actionContext(): ActionContext {
    return {
      snapshot: this.store.current,
      region: (source) => this.#regions.get(source),
      nudge: (key) => this.scheduler.nudge(key),
      log: this.#options.log,
      emit: this.#options.emit,
      now: () => this.#clock.now(),
    };
  }

  /** Starts an execution of a pipeline the snapshot holds (pipeline-actions.ts). */
  startPipeline(
    input: CommandInput<'codepipeline.executions.start'>,
  ): Promise<Result<CommandOutput<'codepipeline.executions.start'>>> {
    return startPipeline(input, this.#actionContext());
  }

  stopPipeline(
    input: CommandInput<'codepipeline.executions.stop'>,
  ): Promise<Result<CommandOutput<'codepipeline.executions.stop'>>> {
    return stopPipeline(input, this.#actionContext());
  }

  retryStage(
    input: CommandInput<'codepipeline.stages.retry'>,
  ): Promise<Result<CommandOutput<'codepipeline.stages.retry'>>> {
    return retryStage(input, this.#actionContext());
  }

  pipelineActionExecutions(
    input: QueryInput<'codepipeline.actionExecutions'>,
  ): Promise<Result<QueryOutput<'codepipeline.actionExecutions'>>> {
    return pipelineActionExecutions(input, this.#actionContext());
  }

  /** Stops or retries a build the snapshot holds (build-actions.ts). */
  buildCommand(
    input: CommandInput<'codebuild.builds.stop'>,
    kind: 'stop' | 'retry',
  ): Promise<Result<{ buildArn: string }>> {
    return buildCommand(input, kind, this.#actionContext());
  }

  /** A build's log from a line on; reading it keeps the hub following it while the build runs. */
  buildLog(input: QueryInput<'codebuild.builds.log'>): Promise<Result<QueryOutput<'codebuild.builds.log'>>> {
    return this.#buildLogs.read(input);
  }

  /** The jobs and steps of a run of a watched repository (its latest attempt). */
  async githubRunJobs(input: {
    accountKey: string;
    repository: string;
    runId: number;
  }): Promise<Result<{ runId: number; jobs: GitHubJob[]; fetchedAt: string }>> {
    const watched = this.#watchedGitHub(input);
    if (!watched.ok) return watched;
    const read = await watched.value.account.source.jobs(watched.value.fullName, input.runId);
    if (!read.ok) return read;
    return ok({ runId: input.runId, jobs: read.value, fetchedAt: new Date(this.#clock.now()).toISOString() });
  }

  /** A job's log of a watched repository: the whole text, or its last maxJobLogBytes. */
  async githubJobLog(input: { accountKey: string; repository: string; jobId: number }): Promise<Result<GitHubJobLog>> {
    const watched = this.#watchedGitHub(input);
    if (!watched.ok) return watched;
    const read = await watched.value.account.source.jobLog(watched.value.fullName, input.jobId);
    if (!read.ok) return read;
    return ok({ jobId: input.jobId, ...tailOfLog(read.value), fetchedAt: new Date(this.#clock.now()).toISOString() });
  }

  /** The live account and the repository's name as watched; nothing is sent for a repository not watched. */
  #watchedGitHub(input: {
    accountKey: string;
    repository: string;
  }): Result<{ account: GitHubAccountLive; fullName: string }> {
    const account = this.#github.get(input.accountKey);
    const fullName = account?.source.watched.find((name) => name.toLowerCase() === input.repository.toLowerCase());
    if (!account || fullName === undefined) {
      return fail('not-found', `Starboard does not watch ${input.repository} with that GitHub account.`);
    }
    return ok({ account, fullName });
  }

  status(): RefreshStatus {
    if (this.#closed) return idleRefreshStatus;
    // When data last arrived is the snapshot's to say: it survives a restart, and a vacuous run is not news.
    const github = [...this.#github.values()].map((g) => {
      const { limit, remaining, resetAt, blockedUntil, slowDown } = g.source.rateLimit();
      return {
        accountKey: g.accountId,
        slowDown,
        ...(limit !== undefined ? { limit } : {}),
        ...(remaining !== undefined ? { remaining } : {}),
        ...(resetAt !== undefined ? { resetAt } : {}),
        ...(blockedUntil !== undefined ? { blockedUntil } : {}),
      };
    });
    return { ...refreshStatus(this.scheduler.stats(), github), lastRefreshAt: lastFetchedAt(this.store.current) };
  }

  /**
   * Brings the regions in step with the workspace and the accounts' state: a
   * region per account and region once the account's id is known (from its
   * identity, or the last snapshot while offline), none for accounts removed.
   */
  sync(): void {
    if (this.#closed) return;
    const { workspace, accounts } = this.#options;
    const statuses = new Map(accounts.list().map((s) => [s.accountKey, s]));
    const wanted = new Map<string, { account: AwsAccount; location: AwsLocation }>();
    for (const account of workspace().awsAccounts) {
      const status = statuses.get(account.id);
      if (status?.state === 'unchecked') void accounts.check(account);
      const accountId = status?.identity?.accountId ?? knownAccountId(this.store.current, account.id);
      if (accountId === undefined) continue;
      for (const region of account.regions) {
        const location = { accountKey: account.id, accountId, region };
        wanted.set(awsSourceId(location), { account, location });
      }
      if (status?.state === 'ok') this.scheduler.resumeAccount(account.id);
    }
    let added = false;
    for (const [source, region] of this.#regions) {
      const want = wanted.get(source);
      if (
        want &&
        want.location.accountId === region.location.accountId &&
        this.#signatures.get(source) === targetSignature(want.account)
      )
        continue;
      this.#dropRegion(source, region, !want);
    }
    for (const [source, { account, location }] of wanted) {
      if (this.#regions.has(source)) continue;
      this.#addRegion(source, account, location);
      added = true;
    }
    this.#syncGitHub();
    // Accounts that left the workspace take their data with them (no events).
    const keys = new Set([...workspace().awsAccounts, ...workspace().githubAccounts].map((a) => a.id));
    const orphans = Object.keys(this.store.current.sources).filter((s) => !keys.has(s.split(':')[1] ?? ''));
    if (orphans.length > 0) {
      this.#commit((s) => orphans.reduce(removeSource, s), false);
      this.#syncGitHubApprovals();
      this.#notifyApprovals();
    }
    if (added) {
      this.approvals
        .reconcile()
        .catch((error: unknown) => this.#options.log.error('approval reconciliation failed', error));
    }
    this.#notifyStatus();
  }

  /** A GitHub account per workspace entry whose token is usable; its tasks go when it does. */
  #syncGitHub(): void {
    const github = this.#options.github;
    if (!github) return;
    const usable = new Map<string, string>();
    const states = new Map(github.list().map((s) => [s.accountKey, s.state]));
    for (const account of this.#options.workspace().githubAccounts) {
      const baseUrl = github.apiBaseUrl(account.id);
      const state = states.get(account.id);
      if (state === 'unchecked') github.check(account.id);
      if (baseUrl !== undefined && state !== 'needs-token' && state !== 'error') usable.set(account.id, baseUrl);
    }
    for (const [id, live] of this.#github) {
      if (usable.get(id) === live.baseUrl) continue;
      for (const task of this.scheduler.stats().tasks)
        if (task.key.startsWith(`${live.sourceId}:`)) this.scheduler.unregister(task.key);
      this.#github.delete(id);
    }
    this.#syncGitHubApprovals();
    for (const [id, baseUrl] of usable) {
      if (this.#github.has(id)) continue;
      const live = new GitHubAccountLive(id, baseUrl, github);
      this.#github.set(id, live);
      for (const task of live.tasks(this.#githubContext())) this.#register(task);
    }
    this.#notifyApprovals();
  }

  /** The GitHub inbox follows the runs waiting for review in the snapshot, per account. */
  #syncGitHubApprovals(): void {
    const reads = new Map<string, GitHubRepositoryRead[]>();
    for (const { data } of resourcesOfKind(this.store.current, 'github-repository')) {
      reads.set(data.accountKey, [...(reads.get(data.accountKey) ?? []), data]);
    }
    for (const accountKey of this.#githubRegistry.accounts()) {
      if (!reads.has(accountKey)) this.#githubRegistry.forgetAccount(accountKey);
    }
    for (const [accountKey, accountReads] of reads) this.#githubRegistry.syncAccount(accountKey, accountReads);
  }

  #githubContext(): GitHubContext {
    return {
      commit: (change) => {
        this.#commit(change, true);
        this.#syncGitHubApprovals();
        this.#notifyApprovals();
      },
      repositories: (accountId) => this.#githubRepositories(accountId),
      discovered: () => this.#rediscover(),
      nudge: (key) => this.scheduler.nudge(key),
      now: () => new Date(this.#clock.now()),
    };
  }

  /**
   * The GitHub repositories the projects name (pipeline source actions through
   * a connection, tags, the user's own additions) that this account watches:
   * those the user chose with it, and, for the first GitHub account of the
   * workspace, every one nobody chose (a member ref names no host).
   */
  #githubRepositories(accountId: string): string[] {
    const accounts = this.#options.workspace().githubAccounts.filter((a) => this.#github.has(a.id));
    return assignRepositories(this.#index.githubRepositories(), accounts).get(accountId) ?? [];
  }

  refreshNow(filter: { account?: string; region?: string }): { queued: number; running: number; needsSignIn: number } {
    const result = this.scheduler.refreshNow(filter);
    return { queued: result.queued.length, running: result.rerun.length, needsSignIn: result.paused.length };
  }

  editProjects(command: ProjectCommand): Result<ProjectsView> {
    const edits = this.#options.workspace().projects;
    const next = applyCommand(edits, command, this.#view);
    if (!next.ok) return next;
    this.#options.saveProjects(next.value);
    this.#refreshView();
    return ok(this.#view);
  }

  /** The workspace's edits changed from outside (the settings file, a workspace switch). */
  workspaceChanged(): void {
    this.#refreshView();
    this.sync();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.scheduler.stop();
    this.#buildLogs.close();
    for (const timer of this.#pending.values()) this.#clock.clearTimeout(timer);
    for (const region of this.#regions.values()) region.destroy();
    this.#regions.clear();
    this.#github.clear();
    await this.#delivering;
    await Promise.all([this.store.close(), this.#delivered.close(), this.#activity.close()]);
  }

  #addRegion(source: string, account: AwsAccount, location: AwsLocation): void {
    const { log } = this.#options;
    const region = new AwsRegion(this.#options.target(account, location.region), location, (field, value) =>
      log.warn('AWS sent a value this version does not know', { field, value }),
    );
    this.#regions.set(source, region);
    this.#signatures.set(source, targetSignature(account));
    // Until ListPipelines answers, the pipelines the snapshot knows are refreshed.
    for (const resource of Object.values(this.store.current.resources)) {
      if (resource.kind === 'pipeline' && resource.source === source) {
        region.summaries.set(resource.data.summary.name, resource.data.summary);
      }
    }
    const context = this.#context();
    for (const task of regionTasks(region, context)) this.#register(task);
    for (const name of region.summaries.keys()) this.#register(pipelineTask(region, name, context));
  }

  #register(task: RefreshTask): void {
    this.scheduler.register({ ...task, run: () => this.#run(task.account, task.run) });
  }

  #dropRegion(source: string, region: AwsRegion, forget: boolean): void {
    for (const key of this.scheduler.stats().tasks.map((t) => t.key)) {
      if (key.startsWith(`${source}:`)) this.scheduler.unregister(key);
    }
    region.destroy();
    this.#regions.delete(source);
    this.#signatures.delete(source);
    for (const name of region.summaries.keys()) this.#registry.forgetPipeline(region.location, name);
    if (forget) this.#commit((s) => removeSource(s, source), false);
    this.#notifyApprovals();
  }

  /** Every task run: an expired login marks its account, and the status bar hears about each run. */
  async #run(account: string, run: () => Promise<RunOutcome>): Promise<RunOutcome> {
    const outcome = await run();
    if (outcome.kind === 'credentials-expired') {
      const entry = this.#options.workspace().awsAccounts.find((a) => a.id === account);
      if (entry)
        this.#options.accounts.markNeedsSignIn(entry, 'The credentials expired during a refresh. Sign in again.');
      else if (this.#github.has(account))
        this.#options.github?.markNeedsToken(
          account,
          'GitHub no longer accepts the token. Use Replace token… (or Sign in again) in Accounts.',
        );
    }
    this.#notifyStatus();
    return outcome;
  }

  #context(): RegionContext {
    return {
      snapshot: () => this.store.current,
      commit: (change) => this.#commit(change, true),
      pipelineState: (region, name, detail) => this.#pipelineState(region.location, name, detail),
      pipelinesChanged: (region, added, gone) => {
        for (const name of gone) {
          this.scheduler.unregister(pipelineTaskKey(region, name));
          this.#registry.forgetPipeline(region.location, name);
        }
        for (const name of added) this.#register(pipelineTask(region, name, this.#context()));
        this.#notifyApprovals();
      },
      discovered: () => this.#rediscover(),
      projectRepositories: (region) => this.#index.repositoriesIn(region.location),
      nudge: (key) => this.scheduler.nudge(key),
      now: () => new Date(this.#clock.now()),
    };
  }

  #pipelineState(location: AwsLocation, name: string, detail: PipelineDetail): void {
    this.#registry.syncPipeline(location, name, detail.waitingApprovals);
    this.#notifyApprovals();
  }

  #notifyApprovals(): void {
    const list = this.approvalList();
    const json = JSON.stringify(list);
    if (json === this.#approvalsJson) return;
    this.#approvalsJson = json;
    this.#options.emit('approvals.changed', list);
  }

  /** Applies a change; with `news`, what changed becomes events, each delivered once. */
  #commit(change: (snapshot: Snapshot) => Snapshot, news: boolean): void {
    if (this.#closed) return;
    const { previous, current } = this.store.update(change);
    if (previous === current) return;
    this.#notifySnapshot();
    if (!news) return;
    const events = diffSnapshots(previous, current, defaultSnapshotLimits);
    if (events.length === 0) return;
    const index = this.#index;
    const withProjects = events.map((event) => ({
      ...event,
      projects: index.projectsOf(current.resources[event.resourceId]),
    }));
    // Claims run one after another so events reach listeners in the order they happened.
    this.#delivering = this.#delivering
      .then(async () => {
        const fresh = await this.#delivered.claim(withProjects);
        if (fresh.length === 0 || this.#closed) return;
        this.#activity.add(fresh);
        this.#options.emit('activity', fresh);
      })
      .catch((error: unknown) => this.#options.log.error('could not deliver events', error));
  }

  #rediscover(): void {
    const regions = [...this.#regions.values()];
    const read = regions.flatMap((r) => (r.discovery ? [r.discovery] : []));
    const fresh = discoverProjects({
      pipelines: read.flatMap((d) => d.definitions),
      tagged: read.flatMap((d) => d.tagged),
      github: [...this.#github.values()].flatMap((g) => g.source.deploymentTargets()),
    });
    const unread = new Set(
      regions.filter((r) => !r.discovery).map((r) => `${r.location.accountId}:${r.location.region}`),
    );
    const proposals: ProposedProject[] = carryOver(fresh, this.#discovered.proposals, (account, region) =>
      unread.has(`${account}:${region}`),
    );
    if (this.#discovered.replace(proposals)) this.#refreshView();
  }

  #refreshView(): void {
    const watched = this.#watchPlan();
    const view = applyEdits(this.#discovered.proposals, this.#options.workspace().projects);
    const changed = JSON.stringify(view) !== JSON.stringify(this.#view);
    if (changed) {
      this.#view = view;
      this.#index = new ProjectIndex(view);
    }
    // A repository gained or lost its watcher: the accounts read the new lists now, not in 15 minutes.
    if (this.#watchPlan() !== watched) {
      for (const account of this.#github.values()) this.scheduler.nudge(account.metadataKey);
    }
    if (!changed) return;
    this.#options.emit('projects.changed', view);
    this.#notifyApprovals();
  }

  /** Which account watches which repository, as one comparable string. */
  #watchPlan(): string {
    const accounts = this.#options.workspace().githubAccounts.filter((a) => this.#github.has(a.id));
    return JSON.stringify([...assignRepositories(this.#index.githubRepositories(), accounts)]);
  }

  #notifySnapshot(): void {
    this.#later('snapshot', () => this.#options.emit('snapshot.changed', { updatedAt: this.store.current.updatedAt }));
  }

  #notifyStatus(): void {
    this.#later('status', () => this.#options.emit('refresh.status.changed', this.status()));
  }

  /** Coalesces bursts (every task of a refresh commits) into one notice. */
  #later(what: 'snapshot' | 'status', send: () => void): void {
    if (this.#pending.has(what) || this.#closed) return;
    const timer = this.#clock.setTimeout(() => {
      this.#pending.delete(what);
      if (!this.#closed) send();
    }, this.#options.notifyDelayMs ?? 200);
    this.#pending.set(what, timer);
  }
}

/** The 12-digit id the last snapshot knew for an account entry, so an offline start still has its regions. */
function knownAccountId(snapshot: Snapshot, accountKey: string): string | undefined {
  for (const resource of Object.values(snapshot.resources)) {
    if (resource.kind === 'github-repository') continue;
    const location = resource.kind === 'pipeline' ? resource.data.summary.location : resource.data.location;
    if (location.accountKey === accountKey && location.accountId) return location.accountId;
  }
  return undefined;
}

/** The newest successful list read of any source and kind; null before the first. */
function lastFetchedAt(snapshot: Snapshot): string | null {
  let latest: string | null = null;
  for (const status of Object.values(snapshot.sources)) {
    for (const freshness of Object.values(status.kinds)) {
      if (freshness.fetchedAt && (latest === null || freshness.fetchedAt > latest)) latest = freshness.fetchedAt;
    }
  }
  return latest;
}

/** What the clients of a region were built from: a change means new clients. */
function targetSignature(account: AwsAccount): string {
  return JSON.stringify([account.profile, account.endpointUrl ?? null]);
}
