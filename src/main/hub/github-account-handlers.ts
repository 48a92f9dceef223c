// The contract's github.accounts* messages: listing, adding (token checked
// with GET /user before anything is saved), checking and removing GitHub
// accounts. The user's workspace cannot be changed while the demo shows.
import type { Workspace } from '../../shared/model';
import { fail, ok } from '../../shared/result';
import type { CommandHandlers, QueryHandlers } from './dispatch';
import type { GitHubAccounts } from './github-accounts';

export interface GitHubAccountHandlerDeps {
  accounts: GitHubAccounts;
  demoActive: () => boolean;
  workspace: () => Workspace;
  saveWorkspace: (workspace: Workspace) => void;
}

type Queries = Pick<QueryHandlers, 'github.accounts'>;
type Commands = Pick<CommandHandlers, 'github.accounts.add' | 'github.accounts.remove' | 'github.accounts.check'>;

/** As workspaceSchema allows. */
const maxGitHubAccounts = 20;

const inDemo = () => fail('conflict', 'This is the demo workspace. Leave the demo to change your own accounts.');
const unknownAccount = () => fail('not-found', 'There is no GitHub account with that id in the workspace.');

export function githubAccountHandlers(deps: GitHubAccountHandlerDeps): { queries: Queries; commands: Commands } {
  const { accounts } = deps;
  return {
    queries: {
      'github.accounts': async () => ok(await accounts.view()),
    },
    commands: {
      'github.accounts.add': async (input) => {
        if (deps.demoActive()) return inDemo();
        const workspace = deps.workspace();
        if (workspace.githubAccounts.length >= maxGitHubAccounts) {
          return fail('conflict', `A workspace holds at most ${maxGitHubAccounts} GitHub accounts.`);
        }
        // One id space for both providers: `refresh.now` names an account by id alone.
        const taken = new Set([...workspace.awsAccounts, ...workspace.githubAccounts].map((account) => account.id));
        return accounts.add(input, taken, (account) => {
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
      'github.accounts.check': async ({ accountKey }) => {
        const account = accounts.find(accountKey);
        return account ? ok(await accounts.check(account)) : unknownAccount();
      },
    },
  };
}
