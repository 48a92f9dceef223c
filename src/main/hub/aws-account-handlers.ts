// The contract's aws.* and prompts.* messages: listing profiles, adding,
// checking and removing accounts, SSO sign-in, and answering MFA prompts.
import type { Workspace } from '../../shared/model';
import { fail, ok } from '../../shared/result';
import type { AwsAccounts } from './aws-accounts';
import type { CommandHandlers, QueryHandlers } from './dispatch';
import type { PromptBroker } from './prompts';

export interface AccountHandlerDeps {
  accounts: AwsAccounts;
  prompts: PromptBroker;
  /** Whether the demo is showing; the user's workspace cannot be edited then. */
  demoActive: () => boolean;
  workspace: () => Workspace;
  saveWorkspace: (workspace: Workspace) => void;
}

type Queries = Pick<QueryHandlers, 'aws.profiles' | 'aws.accounts' | 'prompts.pending'>;
type Commands = Pick<
  CommandHandlers,
  | 'aws.accounts.add'
  | 'aws.accounts.remove'
  | 'aws.accounts.check'
  | 'aws.accounts.signIn'
  | 'aws.accounts.cancelSignIn'
  | 'prompts.answer'
>;

const inDemo = () => fail('conflict', 'This is the demo workspace. Leave the demo to change your own accounts.');
const unknownAccount = () => fail('not-found', 'There is no AWS account with that id in the workspace.');

/** A workspace id from a label: lower-case, dashes, unique among `taken`. */
export function accountKeyFor(label: string, taken: ReadonlySet<string>, fallback = 'aws'): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

export function accountHandlers(deps: AccountHandlerDeps): { queries: Queries; commands: Commands } {
  const { accounts, prompts } = deps;
  return {
    queries: {
      'aws.profiles': async () => ok(await accounts.profiles()),
      'aws.accounts': async () => ok(accounts.list()),
      'prompts.pending': async () => ok(prompts.pending()),
    },
    commands: {
      'aws.accounts.add': async (input) => {
        if (deps.demoActive()) return inDemo();
        const workspace = deps.workspace();
        const id = accountKeyFor(input.label, new Set(workspace.awsAccounts.map((account) => account.id)));
        const account = { id, label: input.label, profile: input.profile, regions: input.regions };
        deps.saveWorkspace({ ...workspace, awsAccounts: [...workspace.awsAccounts, account] });
        return ok(await accounts.check(account));
      },
      'aws.accounts.remove': async ({ accountKey }) => {
        if (deps.demoActive()) return inDemo();
        const workspace = deps.workspace();
        if (!workspace.awsAccounts.some((account) => account.id === accountKey)) return unknownAccount();
        accounts.cancelSignIn(accountKey);
        deps.saveWorkspace({ ...workspace, awsAccounts: workspace.awsAccounts.filter((a) => a.id !== accountKey) });
        accounts.prune();
        return ok(accounts.list());
      },
      'aws.accounts.check': async ({ accountKey }) => {
        const account = accounts.find(accountKey);
        return account ? ok(await accounts.check(account)) : unknownAccount();
      },
      'aws.accounts.signIn': async ({ accountKey }) => {
        const account = accounts.find(accountKey);
        return account ? ok(await accounts.signIn(account)) : unknownAccount();
      },
      'aws.accounts.cancelSignIn': async ({ accountKey }) =>
        accounts.find(accountKey) ? ok(accounts.cancelSignIn(accountKey)) : unknownAccount(),
      'prompts.answer': async ({ promptId, code }) => ok({ accepted: prompts.answer(promptId, code) }),
    },
  };
}
