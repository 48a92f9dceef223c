// The credential layer as the hub uses it: profile listing, one memoised
// provider per workspace account, the identity check, SSO sign-in and
// forgetting an account's credentials. Shaped to the hub's
// AwsCredentialsBackend without importing it (sources sit below the hub).
import type { AwsAccount } from '../../../../shared/model';
import type { SourceProblem } from '../../../../shared/sources';
import type { AwsAccountTarget } from '../client-config';
import { awsProblem } from '../problems';
import { CredentialsError } from './errors';
import { checkIdentity, checkRegion } from './identity';
import type { AskMfaCode } from './mfa';
import { listProfiles, type ProfileListing } from './profiles';
import { type AccountCredentialProvider, credentialsFor } from './provider';
import { startSsoLogin } from './sso/login';
import { ssoTargetOf } from './sso/target';

export interface CredentialsBackendOptions {
  askMfaCode: AskMfaCode;
  /** Opens a URL in the browser through the shell's allow-list. */
  openUrl: (url: string) => void | Promise<void>;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export type IdentityCheck = { ok: true; accountId: string; arn: string } | { ok: false; problem: SourceProblem };

export interface CredentialsBackend {
  listProfiles(): Promise<ProfileListing>;
  /** Client settings for one region of an account (the region is checked first). */
  target(account: AwsAccount, region: string): AwsAccountTarget;
  checkIdentity(account: AwsAccount): Promise<IdentityCheck>;
  usesSso(account: AwsAccount): Promise<boolean>;
  signIn(
    account: AwsAccount,
    onCode: (code: { verificationUri: string; userCode: string; expiresAt: string }) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** Drops cached credentials (e.g. after ExpiredTokenException) so the next call resolves again. */
  forget(account: AwsAccount): void;
}

/**
 * An account with no profile whose endpoint is an emulator on this machine
 * (the demo's simulator, LocalStack) signs with fixed placeholder keys, as
 * emulators expect, rather than with the user's real credentials.
 */
export function isEmulatorAccount(account: AwsAccount): boolean {
  if (account.profile !== null || !account.endpointUrl) return false;
  const { protocol, hostname } = new URL(account.endpointUrl);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

const emulatorCredentials: AccountCredentialProvider = Object.assign(
  () => Promise.resolve({ accessKeyId: 'AKIAEMULATOR0000000', secretAccessKey: 'emulator' }),
  { markStale: () => {} },
);

export function createCredentialsBackend(options: CredentialsBackendOptions): CredentialsBackend {
  const env = options.env ?? process.env;
  const providers = new Map<string, { profile: string | null; provider: AccountCredentialProvider }>();
  const providerFor = (account: AwsAccount): AccountCredentialProvider => {
    if (isEmulatorAccount(account)) return emulatorCredentials;
    const known = providers.get(account.id);
    if (known?.profile === account.profile) return known.provider;
    known?.provider.markStale();
    const provider = credentialsFor(account, {
      askMfaCode: options.askMfaCode,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    providers.set(account.id, { profile: account.profile, provider });
    return provider;
  };
  const target = (account: AwsAccount, region: string): AwsAccountTarget => ({
    accountKey: account.id,
    region: checkRegion(region),
    credentials: providerFor(account),
    ...(account.endpointUrl ? { endpointUrl: account.endpointUrl } : {}),
  });
  return {
    listProfiles: () => listProfiles(env),
    target,
    async checkIdentity(account) {
      try {
        const region = account.regions[0];
        if (!region) throw new CredentialsError('invalid-region', `Account ${account.label} has no region.`);
        const identity = await checkIdentity(target(account, region));
        return { ok: true, accountId: identity.accountId, arn: identity.arn };
      } catch (error) {
        return { ok: false, problem: credentialsProblem(error) };
      }
    },
    async usesSso(account) {
      if (account.profile === null) return false;
      return ssoTargetOf({ profile: account.profile }, env).then(
        () => true,
        () => false,
      );
    },
    async signIn(account, onCode, signal) {
      if (account.profile === null) {
        throw new CredentialsError('not-sso', 'The default credential chain has no IAM Identity Center sign-in.');
      }
      await startSsoLogin(
        { profile: account.profile },
        {
          openUrl: options.openUrl,
          onCode: (code) =>
            onCode({
              verificationUri: code.verificationUriComplete ?? code.verificationUri,
              userCode: code.userCode,
              expiresAt: code.expiresAt,
            }),
          signal,
          env,
        },
      );
      providers.get(account.id)?.provider.markStale();
    },
    forget(account) {
      providers.get(account.id)?.provider.markStale();
      providers.delete(account.id);
    },
  };
}

/** A CredentialsError as the UI's problem codes; anything else through awsProblem(). */
export function credentialsProblem(error: unknown): SourceProblem {
  if (error instanceof CredentialsError) {
    const code =
      error.code === 'sso-sign-in-required' || error.code === 'sso-expired' ? 'credentials-expired' : 'internal';
    return { code, message: error.message };
  }
  return awsProblem(error, 'sts:GetCallerIdentity');
}
