// The ways resolving AWS credentials can fail that the UI must tell apart:
// the user cancelled, something took too long, a region is not a region, or
// an IAM Identity Center sign-in is needed, was denied or ran out of time.
export type CredentialsErrorCode =
  | 'cancelled'
  | 'timeout'
  | 'mfa-failed'
  | 'invalid-region'
  | 'not-sso'
  | 'sso-sign-in-required'
  | 'sso-denied'
  | 'sso-expired';

export class CredentialsError extends Error {
  constructor(
    readonly code: CredentialsErrorCode,
    message: string,
    /** The profile concerned (null: the default chain), for messages and the UI. */
    readonly profile?: string | null,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

export function isCredentialsError(error: unknown, code?: CredentialsErrorCode): error is CredentialsError {
  return error instanceof CredentialsError && (code === undefined || error.code === code);
}

export function profileLabel(profile: string | null | undefined): string {
  return profile ? `profile ${profile}` : 'the default credential chain';
}

/** The SDK's message for an SSO login that must be redone (missing, expired or unrefreshable token). */
export function needsSsoLogin(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /aws sso login|SSO session|Session token not found or invalid/i.test(message);
}
