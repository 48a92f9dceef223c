// The hub: Electron-free core that answers the contract. Both transports (IPC
// in the desktop app, HTTP + SSE in browser mode) call `dispatch` and
// `subscribe`; nothing else reaches the hub from outside.
import type { HubEvent, MessageKind } from '../../shared/contract';
import type { AppInfo } from '../../shared/model';
import { ok, type Result } from '../../shared/result';
import { ApprovalsInbox } from './approvals/inbox';
import { accountHandlers } from './aws-account-handlers';
import { AwsAccounts, type AwsCredentialsBackend } from './aws-accounts';
import { DemoSession, type StartDemo } from './demo';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './events';
import type { Logger } from './log';
import { PromptBroker } from './prompts';
import type { SettingsStore } from './settings-store';

export interface HubOptions {
  store: SettingsStore;
  info: Pick<AppInfo, 'name' | 'version' | 'mode' | 'platform' | 'dataDir' | 'warnings'>;
  log: Logger;
  /** Starts the in-process simulator behind the demo workspace. */
  startDemo: StartDemo;
  /** The AWS credential layer; it asks the user through `prompts` (an MFA code). */
  createAwsBackend: (prompts: PromptBroker) => AwsCredentialsBackend;
}

export interface Hub {
  dispatch(kind: MessageKind, name: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  /** Stops what the hub started (the demo simulator). */
  close(): Promise<void>;
}

export function createHub({ store, info, log, startDemo, createAwsBackend }: HubOptions): Hub {
  const bus = new EventBus(log);
  const approvals = new ApprovalsInbox();
  const demo = new DemoSession(startDemo, (status) => bus.emit('demo.changed', status), log);
  /** The demo's workspace while it runs, the user's otherwise. */
  const workspace = () => demo.workspace ?? store.workspace;
  const prompts = new PromptBroker((pending) => bus.emit('prompts.changed', pending));
  const accounts = new AwsAccounts(
    createAwsBackend(prompts),
    workspace,
    (statuses) => bus.emit('aws.accounts.changed', statuses),
    (progress) => bus.emit('aws.signIn.changed', progress),
  );
  const switchWorkspace = async (change: () => Promise<unknown>) => {
    await change();
    bus.emit('workspace.changed', workspace());
    bus.emit('aws.accounts.changed', accounts.list());
    return ok(demo.status);
  };
  const aws = accountHandlers({
    accounts,
    prompts,
    demoActive: () => demo.status.active,
    workspace,
    saveWorkspace: (next) => bus.emit('workspace.changed', store.updateWorkspace(next)),
  });

  const dispatch: Dispatch = createDispatch(
    {
      queries: {
        'app.info': async () => ok({ ...info, storeNotices: [...store.notices] }),
        'settings.get': async () => ok(store.settings),
        'workspace.get': async () => ok(workspace()),
        'approvals.list': async () => ok(approvals.list()),
        'demo.status': async () => ok(demo.status),
        ...aws.queries,
      },
      commands: {
        'settings.update': async (patch) => {
          const settings = store.updateSettings(patch);
          bus.emit('settings.changed', settings);
          return ok(settings);
        },
        'approvals.decide': (input) => approvals.decide(input),
        'demo.open': () => switchWorkspace(() => demo.open()),
        'demo.close': () => switchWorkspace(() => demo.close()),
        ...aws.commands,
      },
    },
    log,
  );

  return {
    dispatch,
    subscribe: (listener) => bus.subscribe(listener),
    close: async () => {
      await demo.close();
    },
  };
}
