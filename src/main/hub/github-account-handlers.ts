// The contract's github.accounts* and github.deviceFlow* messages: listing,
// adding (token checked with GET /user before anything is saved), signing in
// with the browser, replacing a token, checking and removing GitHub accounts.
// The user's workspace cannot be changed while the demo shows.
import type { DeviceFlow } from '../../shared/github-accounts';
import type { GitHubAccount, Workspace } from '../../shared/model';
import { fail, ok } from '../../shared/result';
import type { DeviceFlowIo } from '../sources/github-auth/device-flow';
import type { CommandHandlers, QueryHandlers } from './dispatch';
import type { GitHubAccounts } from './github-accounts';
import { DeviceFlows } from './github-device-flow';
import { silentLogger, type Logger } from './log';

export interface GitHubAccountHandlerDeps {
  accounts: GitHubAccounts;
  demoActive: () => boolean;
  workspace: () => Workspace;
  saveWorkspace: (workspace: Workspace) => void;
  /** Announces the device flow's state (github.deviceFlow.changed). */
  deviceFlowChanged?: (flow: DeviceFlow | null) => void;
  /** Clock, timers and fetch of the device flow, for tests. */
  deviceFlowIo?: Partial<DeviceFlowIo>;
  log?: Logger;
}

type Queries = Pick<QueryHandlers, 'github.accounts' | 'github.deviceFlow'>;
type Commands = Pick<
  CommandHandlers,
  | 'github.accounts.add'
  | 'github.accounts.remove'
  | 'github.accounts.check'
  | 'github.accounts.replaceToken'
  | 'github.deviceFlow.start'
  | 'github.deviceFlow.cancel'
>;

/** As workspaceSchema allows. */
const maxGitHubAccounts = 20;

const inDemo = () => fail('conflict', 'This is the demo workspace. Leave the demo to change your own accounts.');
const tooMany = () => fail('conflict', `A workspace holds at most ${maxGitHubAccounts} GitHub accounts.`);
const unknownAccount = () => fail('not-found', 'There is no GitHub account with that id in the workspace.');

export function githubAccountHandlers(deps: GitHubAccountHandlerDeps): {
  queries: Queries;
  commands: Commands;
  /** Stops a device sign-in still waiting (the hub closes). */
  close: () => void;
} {
  const { accounts } = deps;
  const replaceEntry = (account: GitHubAccount) => {
    const current = deps.workspace();
    deps.saveWorkspace({
      ...current,
      githubAccounts: current.githubAccounts.map((entry) => (entry.id === account.id ? account : entry)),
    });
  };
  const deviceFlows = new DeviceFlows({
    accounts,
    addAccount: async (add) => {
      // The demo may have opened while the user was signing in.
      if (deps.demoActive()) return inDemo();
      const workspace = deps.workspace();
      if (workspace.githubAccounts.length >= maxGitHubAccounts) return tooMany();
      return add(takenIds(workspace), (account) => {
        const current = deps.workspace();
        deps.saveWorkspace({ ...current, githubAccounts: [...current.githubAccounts, account] });
      });
    },
    saveAccount: (account) => {
      if (deps.demoActive()) throw new Error('the demo opened while signing in');
      replaceEntry(account);
    },
    emit: (flow) => deps.deviceFlowChanged?.(flow),
    log: deps.log ?? silentLogger,
    ...(deps.deviceFlowIo ? { io: deps.deviceFlowIo } : {}),
  });
  return {
    close: () => {
      deviceFlows.cancel();
    },
    queries: {
      'github.accounts': async () => ok(await accounts.view()),
      'github.deviceFlow': async () => ok(deviceFlows.current),
    },
    commands: {
      'github.accounts.add': async (input) => {
        if (deps.demoActive()) return inDemo();
        const workspace = deps.workspace();
        if (workspace.githubAccounts.length >= maxGitHubAccounts) return tooMany();
        return accounts.add(input, takenIds(workspace), (account) => {
          const current = deps.workspace();
          deps.saveWorkspace({ ...current, githubAccounts: [...current.githubAccounts, account] });
        });
      },
      'github.accounts.remove': async ({ accountKey }) => {
        if (deps.demoActive()) return inDemo();
        if (!accounts.find(accountKey)) return unknownAccount();
        await accounts.forget(accountKey);
        const workspace = deps.workspace();
        deps.saveWorkspace({
          ...workspace,
          githubAccounts: workspace.githubAccounts.filter((account) => account.id !== accountKey),
        });
        accounts.prune();
        const view = await accounts.view();
        accounts.announce();
        return ok(view);
      },
      'github.accounts.replaceToken': async (input) => {
        if (deps.demoActive()) return inDemo();
        if (!accounts.find(input.accountKey)) return unknownAccount();
        return accounts.replaceToken(input, replaceEntry);
      },
      'github.deviceFlow.start': async (input) => {
        if (deps.demoActive()) return inDemo();
        if (input.accountKey === undefined && deps.workspace().githubAccounts.length >= maxGitHubAccounts) {
          return tooMany();
        }
        return deviceFlows.start(input);
      },
      'github.deviceFlow.cancel': async () => ok(deviceFlows.cancel()),
      'github.accounts.check': async ({ accountKey }) => {
        const account = accounts.find(accountKey);
        return account ? ok(await accounts.check(account)) : unknownAccount();
      },
    },
  };
}

/** One id space for both providers: `refresh.now` names an account by id alone. */
function takenIds(workspace: Workspace): Set<string> {
  return new Set([...workspace.awsAccounts, ...workspace.githubAccounts].map((account) => account.id));
}
