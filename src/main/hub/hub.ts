// The hub: Electron-free core that answers the contract. Both transports (IPC
// in the desktop app, HTTP + SSE in browser mode) call `dispatch` and
// `subscribe`; the shell also reports what the OS says (window hidden,
// network, wake-up) through `system`. Nothing else reaches the hub.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HubEvent, MessageKind } from '../../shared/contract';
import type { AppInfo, Workspace } from '../../shared/model';
import { idleRefreshStatus } from '../../shared/refresh';
import { fail, ok, type Result } from '../../shared/result';
import { emptySnapshot } from '../../shared/snapshot';
import { approvalHandlers } from './approvals/handlers';
import { accountHandlers } from './aws-account-handlers';
import { AwsAccounts, type AwsCredentialsBackend } from './aws-accounts';
import { DemoSession, type StartDemo } from './demo';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { githubAccountHandlers } from './github-account-handlers';
import { GitHubAccounts } from './github-accounts';
import { githubRepositoryHandlers } from './github-repository-handlers';
import type { TokenVault } from './github-tokens';
import { LiveWorkspace, type LiveOptions } from './live/live-workspace';
import type { Logger } from './log';
import { DiagnosticsRecorder, diagnosticsFile, diagnosticsOf } from './diagnostics';
import { cadenceScales } from './scheduler';
import { PromptBroker } from './prompts';
import type { SettingsStore } from './settings-store';
import type { GitHubAuth } from '../sources/github-auth/index';
import { describeCrash, type CrashKind } from '../crash-guard';

export interface HubOptions {
  store: SettingsStore;
  info: Pick<AppInfo, 'name' | 'version' | 'mode' | 'platform' | 'dataDir' | 'warnings'>;
  log: Logger;
  /** Starts the in-process simulator behind the demo workspace. */
  startDemo: StartDemo;
  /** The AWS credential layer; it asks the user through `prompts` (an MFA code). */
  createAwsBackend: (prompts: PromptBroker) => AwsCredentialsBackend;
  /** Where GitHub tokens are kept: the OS keychain on the desktop, nowhere in browser mode. */
  tokenVault: TokenVault;
  /** GitHub hosts, token checks, and tokens from the environment or the GitHub CLI. */
  githubAuth: GitHubAuth;
  /** Clock, randomness and scheduler knobs for tests and the bench. */
  live?: Pick<LiveOptions, 'clock' | 'random' | 'scheduler' | 'notifyDelayMs'>;
}

/** What the OS tells the shell, passed on to the refresh scheduler. */
export type SystemSignal =
  { kind: 'visibility'; visible: boolean } | { kind: 'online'; online: boolean } | { kind: 'resume' };

export interface Hub {
  dispatch(kind: MessageKind, name: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  system(signal: SystemSignal): void;
  /** Keeps an error nothing handled (redacted, with the top of its stack) for Settings → Diagnostics. */
  recordCrash(kind: CrashKind, error: unknown): void;
  /** Stops refreshing, writes what is pending and stops the demo simulator. */
  close(): Promise<void>;
}

/** The demo's own data folder, emptied each time the demo opens. */
export const demoDataFolder = 'demo';

export function createHub(options: HubOptions): Hub {
  const { store, info, startDemo, createAwsBackend } = options;
  // Every warning and error the hub logs is also kept for Settings → Diagnostics.
  const recorder = new DiagnosticsRecorder({ file: join(info.dataDir, diagnosticsFile) });
  const log = recorder.wrap(options.log);
  const bus = new EventBus(log);
  const demo = new DemoSession(startDemo, (status) => bus.emit('demo.changed', status), log);
  /** The demo's workspace while it runs, the user's otherwise. */
  const workspace = () => demo.workspace ?? store.workspace;
  const prompts = new PromptBroker((pending) => bus.emit('prompts.changed', pending));
  const backend = createAwsBackend(prompts);
  let live: LiveWorkspace | undefined;
  const accounts = new AwsAccounts(
    backend,
    workspace,
    (statuses) => {
      bus.emit('aws.accounts.changed', statuses);
      live?.sync();
    },
    (progress) => bus.emit('aws.signIn.changed', progress),
  );
  const github = new GitHubAccounts({
    vault: options.tokenVault,
    auth: options.githubAuth,
    workspace,
    demoActive: () => demo.status.active,
    demoToken: () => demo.githubToken,
    onChange: (view) => {
      bus.emit('github.accounts.changed', view);
      live?.sync();
    },
    log,
  });

  const openLive = (dir: string, save: (next: Workspace) => void): LiveWorkspace =>
    new LiveWorkspace({
      ...options.live,
      dir,
      workspace,
      saveProjects: (projects) => save({ ...workspace(), projects }),
      accounts,
      target: (account, region) => backend.target(account, region),
      github: {
        apiBaseUrl: (id) => github.apiBaseUrl(id),
        token: (id) => github.token(id),
        markNeedsToken: (id, problem) => github.markNeedsToken(id, problem),
        list: () => github.list(),
        check: (id) => {
          const account = github.find(id);
          if (account) void github.check(account);
        },
      },
      emit: (name, payload) => bus.emit(name, payload),
      log,
    });
  const saveUserWorkspace = (next: Workspace) => bus.emit('workspace.changed', store.updateWorkspace(next));
  const saveDemoWorkspace = (next: Workspace) => {
    demo.updateWorkspace(next);
    bus.emit('workspace.changed', workspace());
  };
  const startLive = () => {
    if (demo.status.active) {
      const dir = join(info.dataDir, demoDataFolder);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      live = openLive(dir, saveDemoWorkspace);
    } else {
      live = openLive(info.dataDir, saveUserWorkspace);
    }
    live.scheduler.setIntervalScale(cadenceScales[store.settings.refreshCadence]);
    live.sync();
    bus.emit('projects.changed', live.projects);
    bus.emit('snapshot.changed', { updatedAt: live.snapshot.updatedAt });
    bus.emit('approvals.changed', live.approvalList());
  };
  const switchWorkspace = async (change: () => Promise<unknown>) => {
    await live?.close();
    live = undefined;
    await change();
    accounts.prune();
    github.prune(true);
    startLive();
    bus.emit('workspace.changed', workspace());
    bus.emit('aws.accounts.changed', accounts.list());
    github.announce();
    return ok(demo.status);
  };
  const aws = accountHandlers({
    accounts,
    prompts,
    demoActive: () => demo.status.active,
    workspace,
    saveWorkspace: (next) => {
      saveUserWorkspace(next);
      live?.workspaceChanged();
    },
  });
  const githubHandlers = githubAccountHandlers({
    accounts: github,
    demoActive: () => demo.status.active,
    workspace,
    saveWorkspace: (next) => {
      saveUserWorkspace(next);
      live?.workspaceChanged();
    },
    deviceFlowChanged: (flow) => bus.emit('github.deviceFlow.changed', flow),
    ...(options.githubAuth.deviceFlowIo ? { deviceFlowIo: options.githubAuth.deviceFlowIo } : {}),
    log,
  });
  const githubRepositories = githubRepositoryHandlers({
    workspace,
    // Like projects.edit: the demo's workspace while it shows, the user's otherwise.
    saveWorkspace: (next) => {
      if (demo.status.active) saveDemoWorkspace(next);
      else saveUserWorkspace(next);
      live?.workspaceChanged();
    },
    projects: () => live?.projects,
    github,
  });
  const approvals = approvalHandlers({ service: () => live?.approvals, audit: () => live?.journal.audit });
  const noLive = () => fail('conflict', 'Starboard is switching workspaces. Try again in a moment.');
  const diagnostics = () =>
    diagnosticsOf({
      info,
      entries: recorder.entries,
      awsAccounts: accounts.list(),
      githubAccounts: github.list(),
      refresh: live?.status(),
      demo: demo.status.active,
    });

  const dispatch: Dispatch = createDispatch(
    {
      queries: {
        'app.info': async () => ok({ ...info, storeNotices: [...store.notices] }),
        'settings.get': async () => ok(store.settings),
        'workspace.get': async () => ok(workspace()),
        ...approvals.queries,
        // The inbox with each approval's project, which only the live workspace knows.
        'approvals.list': async () => ok(live?.approvalList() ?? []),
        'demo.status': async () => ok(demo.status),
        'projects.list': async () => ok(live?.projects ?? { projects: [], dismissed: [] }),
        'snapshot.get': async () => ok(live?.snapshot ?? emptySnapshot(new Date())),
        'activity.recent': async () => ok(live?.recentEvents ?? []),
        'refresh.status': async () => ok(live?.status() ?? idleRefreshStatus),
        ...aws.queries,
        ...githubHandlers.queries,
        ...githubRepositories.queries,
        'github.runs.jobs': async (run) => (live ? live.githubRunJobs(run) : noLive()),
        'github.jobs.log': async (job) => (live ? live.githubJobLog(job) : noLive()),
        'codepipeline.actionExecutions': async (input) => (live ? live.pipelineActionExecutions(input) : noLive()),
        'codebuild.builds.log': async (input) => (live ? live.buildLog(input) : noLive()),
        'diagnostics.get': async () => ok(diagnostics()),
      },
      commands: {
        'settings.update': async (patch) => {
          const settings = store.updateSettings(patch);
          live?.scheduler.setIntervalScale(cadenceScales[settings.refreshCadence]);
          bus.emit('settings.changed', settings);
          return ok(settings);
        },
        ...approvals.commands,
        'approvals.decide': async (input) =>
          live ? live.decide(input) : approvals.commands['approvals.decide'](input),
        'demo.open': () => switchWorkspace(() => demo.open()),
        'demo.close': () => switchWorkspace(() => demo.close()),
        'projects.edit': async (command) => (live ? live.editProjects(command) : noLive()),
        'app.signal': async ({ visible, online }) => {
          if (visible !== undefined) system({ kind: 'visibility', visible });
          if (online !== undefined) system({ kind: 'online', online });
          return ok({});
        },
        'github.runs.rerun': async ({ failedOnly, ...run }) =>
          live ? live.githubRun(run, { kind: 'rerun', failedOnly }) : noLive(),
        'github.runs.cancel': async (run) => (live ? live.githubRun(run, { kind: 'cancel' }) : noLive()),
        'codedeploy.deployments.stop': async (input) => (live ? live.stopCodeDeployDeployment(input) : noLive()),
        'codepipeline.executions.start': async (input) => (live ? live.startPipeline(input) : noLive()),
        'codepipeline.executions.stop': async (input) => (live ? live.stopPipeline(input) : noLive()),
        'codepipeline.stages.retry': async (input) => (live ? live.retryStage(input) : noLive()),
        'codebuild.builds.stop': async (input) => (live ? live.buildCommand(input, 'stop') : noLive()),
        'codebuild.builds.retry': async (input) => (live ? live.buildCommand(input, 'retry') : noLive()),
        'refresh.now': async (filter) => (live ? ok(live.refreshNow(filter)) : noLive()),
        ...aws.commands,
        ...githubHandlers.commands,
        ...githubRepositories.commands,
      },
    },
    log,
  );

  startLive();

  function system(signal: SystemSignal): void {
    const scheduler = live?.scheduler;
    if (!scheduler) return;
    if (signal.kind === 'visibility') scheduler.setVisibility(signal.visible ? 'visible' : 'hidden');
    else if (signal.kind === 'online') scheduler.setOnline(signal.online);
    else scheduler.onResume();
  }

  return {
    dispatch,
    subscribe: (listener) => bus.subscribe(listener),
    system,
    recordCrash: (kind, error) => {
      const { message, stack } = describeCrash(error);
      log.error(`Unhandled error (${kind}): ${message}`, { kind, ...(stack ? { stack } : {}) });
    },
    close: async () => {
      githubHandlers.close();
      await live?.close();
      live = undefined;
      await demo.close();
    },
  };
}
