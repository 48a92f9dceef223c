// Asks the user for an MFA code through the caller's prompt (RELIABILITY A05):
// anything but six digits is refused here and asked again, without a call to
// STS; no answer (null) or an aborted signal cancels the whole operation.
// The code is handed to STS and nowhere else: not logged, not kept.
import type { Deadline } from './deadline';
import { CredentialsError } from './errors';

export interface MfaRequest {
  profile: string;
  /** The MFA device's serial number or ARN, so the user knows which device to read. */
  serial: string;
  /** Why the previous answer was not accepted, when it was not. */
  retryReason?: string;
  signal: AbortSignal;
}

/** Resolves with what the user typed, or null when they cancel. */
export type AskMfaCode = (request: MfaRequest) => Promise<string | null>;

const maxLocalRetries = 5;

export function mfaCodeProvider(
  ask: AskMfaCode | undefined,
  profile: string,
  signal: AbortSignal,
  deadline: Deadline,
  firstRetryReason: () => string | undefined,
): (serial: string) => Promise<string> {
  return async (serial) => {
    if (!ask) {
      throw new CredentialsError('cancelled', `Profile ${profile} needs an MFA code and nobody can be asked.`, profile);
    }
    let retryReason = firstRetryReason();
    for (let attempt = 0; attempt < maxLocalRetries; attempt += 1) {
      const resume = deadline.pause();
      let answer: string | null;
      try {
        answer = signal.aborted
          ? null
          : await ask({ profile, serial, signal, ...(retryReason ? { retryReason } : {}) });
      } finally {
        resume();
      }
      if (answer === null || signal.aborted) {
        throw new CredentialsError('cancelled', `Signing in with ${profile} was cancelled.`, profile);
      }
      const code = answer.trim();
      if (/^\d{6}$/.test(code)) return code;
      retryReason = 'An MFA code is six digits.';
    }
    throw new CredentialsError('mfa-failed', `No valid MFA code was entered for profile ${profile}.`, profile);
  };
}

/** STS's answer to a wrong or stale one-time code. */
export function isMfaRejection(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /MultiFactorAuthentication failed/i.test(message);
}
