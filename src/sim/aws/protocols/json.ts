// AWS JSON 1.1 (and the JSON bodies of REST-JSON): Dates become epoch
// seconds, errors carry `__type` and the x-amzn-ErrorType header.
import type { AwsError } from '../errors';
import type { WireResponse } from '../service';

export const jsonContentType = 'application/x-amz-json-1.1';

/** JSON.stringify with AWS's timestamp format for JSON protocols. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // JSON.stringify has already called Date#toJSON on `v`; the holder still has the Date.
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : v;
  });
}

export function jsonResult(output: unknown, requestId: string, contentType = jsonContentType): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
    body: toJson(output ?? {}),
  };
}

export function jsonError(error: AwsError, requestId: string, contentType = jsonContentType): WireResponse {
  return {
    status: error.status,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, message: error.message, ...error.details }),
  };
}

/** Parses a JSON request body; an empty body is an empty input. */
export function parseJsonBody(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
