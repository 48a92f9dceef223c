// Turns whatever an AWS call threw into a SourceProblem the UI can act on:
// missing IAM action named, throttling with a retry time, expired
// credentials, offline, or the service's own message.
import type { SourceProblem } from '../../../shared/sources';

const throttlingNames = new Set([
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
]);
const expiredNames = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'TokenProviderError',
  'UnauthorizedException',
]);
/** What AWS says when the request's signing time is too far from its own clock (RELIABILITY A11). */
const clockSkewNames = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
const clockSkewMessage =
  /signature expired|signature not yet current|request time and the current time is too large|time too skewed/i;
const accessDeniedNames = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const offlineCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * `action` is the IAM action the call needed (e.g. codebuild:BatchGetBuilds);
 * it is named in an access-denied problem when AWS's message does not say.
 */
export function awsProblem(
  error: unknown,
  action: string,
  resource?: string,
  now: () => Date = () => new Date(),
): SourceProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : '';
  const at = resource ? { resource } : {};

  if (accessDeniedNames.has(name) || /not authorized to perform/i.test(message)) {
    const missing = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(message)?.[1] ?? action;
    return {
      code: 'access-denied',
      message: `Missing permission ${missing}${resource ? ` on ${resource}` : ''}.`,
      missingPermission: missing,
      ...at,
    };
  }
  if (throttlingNames.has(name) || /rate exceeded/i.test(message)) {
    return {
      code: 'throttled',
      message: 'AWS is slowing Starboard down (throttling); it will try again shortly.',
      retryAt: new Date(now().getTime() + 30_000).toISOString(),
      ...at,
    };
  }
  // Before the expired check: "Signature expired" is about this computer's clock, not the
  // credentials, and a new sign-in would not help (the SDK has already corrected what it could).
  if (clockSkewNames.has(name) || clockSkewMessage.test(message)) {
    return {
      code: 'internal',
      message: `AWS refused the request because this computer's clock is off. Check its date, time and time zone, then try again. (${message})`,
      ...at,
    };
  }
  if (expiredNames.has(name) || /expired|security token included in the request is invalid/i.test(message)) {
    return { code: 'credentials-expired', message: `The AWS credentials need a new sign-in: ${message}`, ...at };
  }
  if (offlineCodes.has(code) || offlineCodes.has(name) || name === 'TimeoutError') {
    return { code: 'offline', message: 'AWS cannot be reached. Starboard will retry when the network is back.', ...at };
  }
  return { code: 'internal', message: `${name || 'Error'}: ${message}`, ...at };
}
