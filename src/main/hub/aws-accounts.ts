// The AWS accounts of the active workspace and their sign-in state. Checking
// an account asks STS who it is; an expired or revoked login marks that
// account "needs sign-in" and leaves the others alone. The credential work
// itself is the backend's (src/main/sources/aws); this module keeps state.
import type { AwsAccountStatus, AwsProfiles, SignInProgress } from '../../shared/aws-accounts';
import type { AwsAccount, Workspace } from '../../shared/model';
import type { SourceProblem } from '../../shared/sources';
import type { AwsAccountTarget } from '../sources/aws/client-config';

export interface SsoCode {
  verificationUri: string;
  userCode: string;
  expiresAt: string;
}

/** What the hub needs from the AWS credential layer. */
export interface AwsCredentialsBackend {
  listProfiles(): Promise<AwsProfiles>;
  /** How the sources reach one account region: its credential provider and endpoint. */
  target(account: AwsAccount, region: string): AwsAccountTarget;
  /** STS GetCallerIdentity with the account's credentials; resolves or returns the problem. */
  checkIdentity(
    account: AwsAccount,
  ): Promise<{ ok: true; accountId: string; arn: string } | { ok: false; problem: SourceProblem }>;
  /** Whether the account's profile signs in with IAM Identity Center (SSO). */
  usesSso(account: AwsAccount): Promise<boolean>;
  /** Runs the SSO device sign-in; `onCode` gets the code to show. Rejects with a readable error. */
  signIn(account: AwsAccount, onCode: (code: SsoCode) => void, signal: AbortSignal): Promise<void>;
  /** Drops cached credentials so the next call resolves them again. */
  forget(account: AwsAccount): void;
}

export class AwsAccounts {
  readonly #status = new Map<string, AwsAccountStatus>();
  readonly #signIns = new Map<string, AbortController>();

  constructor(
    private readonly backend: AwsCredentialsBackend,
    private readonly workspace: () => Workspace,
    private readonly onChange: (statuses: AwsAccountStatus[]) => void,
    private readonly onSignIn: (progress: SignInProgress) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  profiles(): Promise<AwsProfiles> {
    return this.backend.listProfiles();
  }

  list(): AwsAccountStatus[] {
    return this.workspace().awsAccounts.map((account) => this.#statusOf(account));
  }

  find(accountKey: string): AwsAccount | undefined {
    return this.workspace().awsAccounts.find((account) => account.id === accountKey);
  }

  async check(account: AwsAccount): Promise<AwsAccountStatus> {
    this.#update(account, { state: 'checking' });
    const result = await this.backend.checkIdentity(account);
    const checkedAt = this.now().toISOString();
    if (result.ok) {
      return this.#update(account, {
        state: 'ok',
        identity: { accountId: result.accountId, arn: result.arn },
        checkedAt,
        problem: undefined,
      });
    }
    const state = result.problem.code === 'credentials-expired' ? 'needs-sign-in' : 'error';
    return this.#update(account, { state, problem: result.problem.message, checkedAt });
  }

  /** Marks an account as needing sign-in after a call failed with expired credentials. */
  markNeedsSignIn(account: AwsAccount, problem: string): void {
    this.backend.forget(account);
    this.#update(account, { state: 'needs-sign-in', problem });
  }

  async signIn(account: AwsAccount): Promise<SignInProgress> {
    if (!(await this.backend.usesSso(account))) {
      const progress: SignInProgress = {
        accountKey: account.id,
        state: 'failed',
        message: `Profile ${account.profile ?? '(default)'} does not sign in with IAM Identity Center. Renew its credentials, then check the account again.`,
      };
      this.onSignIn(progress);
      return progress;
    }
    this.#signIns.get(account.id)?.abort();
    const controller = new AbortController();
    this.#signIns.set(account.id, controller);
    const started: SignInProgress = { accountKey: account.id, state: 'starting' };
    this.onSignIn(started);
    void this.backend
      .signIn(
        account,
        (code) => this.onSignIn({ accountKey: account.id, state: 'waiting-for-user', ...code }),
        controller.signal,
      )
      .then(async () => {
        this.backend.forget(account);
        this.onSignIn({ accountKey: account.id, state: 'succeeded' });
        await this.check(account);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const state = controller.signal.aborted ? 'cancelled' : /expired/i.test(message) ? 'expired' : 'failed';
        this.onSignIn({ accountKey: account.id, state, message });
      })
      .finally(() => {
        if (this.#signIns.get(account.id) === controller) this.#signIns.delete(account.id);
      });
    return started;
  }

  cancelSignIn(accountKey: string): SignInProgress {
    this.#signIns.get(accountKey)?.abort();
    return { accountKey, state: 'cancelled' };
  }

  /** Forgets state of accounts that left the workspace. */
  prune(): void {
    const keys = new Set(this.workspace().awsAccounts.map((account) => account.id));
    for (const key of this.#status.keys()) if (!keys.has(key)) this.#status.delete(key);
  }

  #statusOf(account: AwsAccount): AwsAccountStatus {
    const known = this.#status.get(account.id);
    const base = { accountKey: account.id, label: account.label, profile: account.profile, regions: account.regions };
    return known ? { ...known, ...base } : { ...base, state: 'unchecked' };
  }

  #update(account: AwsAccount, change: Partial<AwsAccountStatus>): AwsAccountStatus {
    // Drop cleared fields (e.g. a problem that went away) rather than keep them as undefined.
    const next = Object.fromEntries(
      Object.entries({ ...this.#statusOf(account), ...change } as Record<string, unknown>).filter(
        ([, value]) => value !== undefined,
      ),
    ) as AwsAccountStatus;
    this.#status.set(account.id, next);
    this.onChange(this.list());
    return next;
  }
}
