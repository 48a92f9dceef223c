// Sign-in with the browser (the OAuth device flow), one at a time: ask the
// host for a user code, show it, poll in the background, then add the account
// (or give an existing one its new token). Every state change is announced;
// the token and the device code never leave this module except into the vault.
//
// GitHub App user tokens expire (8 hours by default) and come with a refresh
// token. Starboard does not refresh them: it stores the access token only, the
// account goes "needs token" when GitHub refuses it, and the account's row
// offers "Sign in again", which runs this flow with the remembered client id.
import { randomUUID } from 'node:crypto';
import type { DeviceFlow, GitHubAccountStatus, StartDeviceFlow } from '../../shared/github-accounts';
import type { GitHubAccount } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import {
  pollForToken,
  realDeviceFlowIo,
  requestDeviceCode,
  webBaseUrl,
  type DeviceCode,
  type DeviceFlowIo,
} from '../sources/github-auth/device-flow';
import type { GitHubAccounts } from './github-accounts';
import { browserModeRefusal } from './github-tokens';
import type { Logger } from './log';

export interface DeviceFlowDeps {
  accounts: GitHubAccounts;
  /** Adds a new account entry to the workspace; `taken` lists the ids in use. */
  addAccount: (
    add: (taken: ReadonlySet<string>, save: (account: GitHubAccount) => void) => Promise<Result<GitHubAccountStatus>>,
  ) => Promise<Result<GitHubAccountStatus>>;
  /** Replaces an existing entry in the workspace. */
  saveAccount: (account: GitHubAccount) => void;
  emit: (flow: DeviceFlow | null) => void;
  log: Logger;
  io?: Partial<DeviceFlowIo>;
}

const active = new Set<DeviceFlow['state']>(['requesting', 'waiting', 'adding']);

export class DeviceFlows {
  #flow: DeviceFlow | null = null;
  #abort: AbortController | undefined;
  readonly #io: DeviceFlowIo;

  constructor(private readonly deps: DeviceFlowDeps) {
    this.#io = { ...realDeviceFlowIo, ...deps.io };
  }

  get current(): DeviceFlow | null {
    return this.#flow;
  }

  /** Starts a flow (cancelling one in progress) and answers once the user code is known. */
  async start(input: StartDeviceFlow): Promise<Result<DeviceFlow>> {
    const { accounts } = this.deps;
    const account = input.accountKey === undefined ? undefined : accounts.find(input.accountKey);
    if (input.accountKey !== undefined && !account) {
      return fail('not-found', 'There is no GitHub account with that id in the workspace.');
    }
    const apiBaseUrl = accounts.apiBaseUrlFor(account?.host ?? input.host);
    if (!apiBaseUrl.ok) return apiBaseUrl;
    if (account) {
      const asked = accounts.apiBaseUrlFor(input.host);
      if (!asked.ok || asked.value !== apiBaseUrl.value) {
        return fail('invalid-input', `${account.label} lives on ${account.host}, not ${input.host}.`);
      }
    }
    // Refuse before the user types a code for a token that could not be kept (browser mode, no consent).
    const storable = await accounts.storageRefusal(input.allowWeakStorage === true);
    if (!storable.ok) {
      return storable.error.message === browserModeRefusal
        ? fail('conflict', 'Browser mode stores no tokens, so sign-in with the browser works in the desktop app only.')
        : storable;
    }

    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    const webBase = webBaseUrl(apiBaseUrl.value);
    const flowId = randomUUID();
    const host = account?.host ?? input.host;
    this.#set({ flowId, host, state: 'requesting' });
    const code = await requestDeviceCode(webBase, input.clientId, this.#io, abort.signal);
    if (abort.signal.aborted) return ok(this.#flow ?? { flowId, host, state: 'cancelled' });
    if (!code.ok) {
      this.#set({ flowId, host, state: 'failed', problem: code.error.message });
      return code;
    }
    const waiting = this.#set({
      flowId,
      host,
      state: 'waiting',
      userCode: code.value.userCode,
      verificationUri: code.value.verificationUri,
      expiresAt: new Date(code.value.expiresAt).toISOString(),
    });
    this.#poll(waiting, input, webBase, code.value, abort.signal).catch((error: unknown) => {
      this.deps.log.error('the GitHub sign-in stopped unexpectedly', error);
      this.#finish(waiting, { state: 'failed', problem: 'The sign-in stopped unexpectedly. Start again.' });
    });
    return ok(waiting);
  }

  /** Stops polling; the flow shows as cancelled. */
  cancel(): DeviceFlow | null {
    const flow = this.#flow;
    this.#abort?.abort();
    this.#abort = undefined;
    if (flow && active.has(flow.state)) return this.#set({ ...base(flow), state: 'cancelled' });
    return flow;
  }

  async #poll(
    waiting: DeviceFlow,
    input: StartDeviceFlow,
    webBase: string,
    code: DeviceCode,
    signal: AbortSignal,
  ): Promise<void> {
    const outcome = await pollForToken(webBase, input.clientId, code, this.#io, signal);
    if (signal.aborted || outcome.kind === 'cancelled') return;
    if (outcome.kind === 'expired') return this.#finish(waiting, { state: 'expired', problem: outcome.message });
    if (outcome.kind !== 'token') return this.#finish(waiting, { state: 'failed', problem: outcome.message });
    this.#finish(waiting, { state: 'adding' });
    if (outcome.expiresInSeconds !== undefined) {
      this.deps.log.info('GitHub issued an expiring user token; Starboard will ask to sign in again when it expires', {
        expiresInSeconds: outcome.expiresInSeconds,
      });
    }
    // Cancelling now is too late: the outcome (an account added or not) is what the user must see.
    const added = await this.#keep(input, outcome.token);
    this.#finish(
      waiting,
      added.ok ? { state: 'done', accountKey: added.value } : { state: 'failed', problem: added.error.message },
    );
  }

  /** Adds the account, or gives the named one its new token; answers the account's id. */
  async #keep(input: StartDeviceFlow, token: string): Promise<Result<string>> {
    const { accounts } = this.deps;
    const consent = { allowWeakStorage: input.allowWeakStorage === true, oauthClientId: input.clientId };
    if (input.accountKey !== undefined) {
      const account = accounts.find(input.accountKey);
      if (!account) return fail('not-found', 'The account was removed while you signed in.');
      const adopted = await accounts.adoptToken(account, { token, source: 'stored', ...consent }, (next) =>
        this.deps.saveAccount(next),
      );
      return adopted.ok ? ok(adopted.value.accountKey) : adopted;
    }
    const added = await this.deps.addAccount((taken, save) =>
      accounts.addSignedIn(
        { host: input.host, token, ...consent, ...(input.label ? { label: input.label } : {}) },
        taken,
        save,
      ),
    );
    return added.ok ? ok(added.value.accountKey) : added;
  }

  #finish(waiting: DeviceFlow, change: Partial<DeviceFlow>): void {
    // A newer flow took over: this one's outcome is no longer shown.
    if (this.#flow?.flowId !== waiting.flowId) return;
    this.#set({ ...waiting, ...change });
  }

  #set(flow: DeviceFlow): DeviceFlow {
    this.#flow = flow;
    this.deps.emit(flow);
    return flow;
  }
}

function base(flow: DeviceFlow): DeviceFlow {
  return { flowId: flow.flowId, host: flow.host, state: flow.state };
}
