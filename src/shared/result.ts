// How every answer crosses the boundary: as data, never as a thrown Error
// (Electron keeps only `message` of errors thrown through invoke).

export const errorCodes = [
  'invalid-input',
  'unknown-message',
  'payload-too-large',
  'not-found',
  'unknown-approval',
  'stale-approval',
  'credentials-expired',
  'access-denied',
  'throttled',
  'offline',
  'conflict',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for `invalid-input`: a path and what is wrong there. */
  issues?: { path: string; message: string }[];
  /** The IAM action or GitHub permission that was missing, for `access-denied`. */
  missingPermission?: string;
  /** When the caller may try again (ISO 8601), for `throttled`. */
  retryAt?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  extra: Omit<ContractError, 'code' | 'message'> = {},
): {
  ok: false;
  error: ContractError;
} {
  return { ok: false, error: { code, message, ...extra } };
}
