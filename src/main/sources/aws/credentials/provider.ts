// One credential provider per workspace account: a named profile resolves
// exactly as the AWS CLI resolves it (fromIni: static keys, assume-role
// chains with MFA, credential_process, SSO), no profile means the default
// chain. Around the SDK: a time bound (A07), the MFA prompt with re-asking
// after a refused code (A05), one resolution in flight at a time, reuse
// until five minutes before expiry, and markStale() after an
// ExpiredTokenException (A06) so the next call resolves afresh.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { withDeadline } from './deadline';
import { CredentialsError, needsSsoLogin, profileLabel } from './errors';
import { type AskMfaCode, isMfaRejection, mfaCodeProvider } from './mfa';

export interface CredentialOptions {
  askMfaCode?: AskMfaCode;
  /** Bound on one resolution, not counting time spent waiting for the user. Default 30 s. */
  timeoutMs?: number;
  /** How often a code STS refused is asked for again before giving up. Default 3. */
  mfaAttempts?: number;
  /** Milliseconds since the epoch; the SDK's own expiry checks use Date.now too. */
  now?: () => number;
}

export interface AccountCredentialProvider extends AwsCredentialIdentityProvider {
  /** Drops the cached credentials (and cancels a pending prompt); the next call resolves again. */
  markStale(): void;
}

const refreshWindowMs = 5 * 60 * 1000;

export function credentialsFor(
  account: { profile: string | null },
  options: CredentialOptions = {},
): AccountCredentialProvider {
  const { profile } = account;
  const now = options.now ?? Date.now;
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  let controller = new AbortController();

  const resolveOnce = async (signal: AbortSignal): Promise<AwsCredentialIdentity> => {
    let refusedBefore = false;
    const attempts = options.mfaAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await withDeadline(
          options.timeoutMs ?? 30_000,
          `Resolving credentials for ${profileLabel(profile)}`,
          profile,
          (deadline) => {
            const mfa = mfaCodeProvider(options.askMfaCode, profile ?? 'default', signal, deadline, () =>
              refusedBefore ? 'AWS refused that code. Wait for the next one and try again.' : undefined,
            );
            // A fresh SDK provider each time: after a refused code or markStale() nothing may be reused.
            const sdk = profile
              ? fromIni({ profile, mfaCodeProvider: mfa, ignoreCache: true })
              : fromNodeProviderChain({ mfaCodeProvider: mfa, ignoreCache: true });
            return sdk();
          },
        );
      } catch (error) {
        if (isMfaRejection(error) && attempt < attempts && !signal.aborted) {
          refusedBefore = true;
          continue;
        }
        throw explain(error, profile);
      }
    }
  };

  const provider = (async () => {
    if (cached && (cached.expiration === undefined || cached.expiration.getTime() - now() > refreshWindowMs)) {
      return cached;
    }
    if (!inFlight) {
      const signal = controller.signal;
      inFlight = resolveOnce(signal)
        .then((credentials) => {
          if (!signal.aborted) cached = credentials;
          return credentials;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  }) as AccountCredentialProvider;
  provider.markStale = () => {
    cached = undefined;
    inFlight = undefined;
    controller.abort();
    controller = new AbortController();
  };
  return provider;
}

/** The SDK's errors, with the profile named and an SSO sign-in need made recognisable. */
function explain(error: unknown, profile: string | null): Error {
  if (error instanceof CredentialsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (needsSsoLogin(error)) {
    return new CredentialsError(
      'sso-sign-in-required',
      `Sign in again for ${profileLabel(profile)}: ${message}`,
      profile,
    );
  }
  if (error instanceof Error && profile !== null && message.includes(profile)) return error;
  const wrapped = new Error(`Credentials for ${profileLabel(profile)}: ${message}`, { cause: error });
  // The name carries the AWS error code (AccessDenied, ...), which awsProblem() maps.
  wrapped.name = error instanceof Error ? error.name : 'Error';
  return wrapped;
}
