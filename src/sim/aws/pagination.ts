// nextToken pagination as the services do it: an opaque token that only the
// same listing accepts, keyed on the last item returned so that items added
// at the front (new builds) do not shift later pages.
import { AwsError } from './errors';

export interface PageRequest {
  nextToken?: string | undefined;
  maxResults?: number | undefined;
}

export interface PageOptions<T> {
  /** Identifies the listing (operation + filters); a token from another listing is invalid. */
  scope: string;
  key: (item: T) => string;
  defaultSize: number;
  maxSize: number;
  /** The service's own error for a token it did not issue. */
  invalidToken: () => AwsError;
  /** The service's own error for maxResults out of range. */
  invalidMax?: () => AwsError;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(all: readonly T[], request: PageRequest, options: PageOptions<T>): Page<T> {
  const size = request.maxResults ?? options.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > options.maxSize) {
    throw (
      options.invalidMax?.() ??
      new AwsError('ValidationException', `maxResults must be between 1 and ${options.maxSize}`)
    );
  }
  let start = 0;
  if (request.nextToken !== undefined && request.nextToken !== '') {
    const after = decode(request.nextToken, options.scope);
    const index = after === undefined ? -1 : all.findIndex((item) => options.key(item) === after);
    if (index < 0) throw options.invalidToken();
    start = index + 1;
  }
  const items = all.slice(start, start + size);
  const last = items.at(-1);
  if (start + size < all.length && last !== undefined) {
    return { items, nextToken: encode(options.scope, options.key(last)) };
  }
  return { items };
}

function encode(scope: string, after: string): string {
  return Buffer.from(JSON.stringify({ s: scope, a: after })).toString('base64');
}

function decode(token: string, scope: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { s, a } = parsed as { s?: unknown; a?: unknown };
    return s === scope && typeof a === 'string' ? a : undefined;
  } catch {
    return undefined;
  }
}
