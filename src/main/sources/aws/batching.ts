// How AWS listings and batch reads are walked by every service module: ids
// split into the batch size the API allows, a listing restarted once when
// its continuation token is refused, and a bounded number of calls in flight
// per service (RELIABILITY A13, issue 4 "bounded concurrency").

/** Splits `items` into runs of at most `size` (AWS batch reads take ≤100 ids). */
export function chunks<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const tokenErrorNames = new Set([
  'InvalidContinuationTokenException',
  'InvalidNextTokenException',
  'PaginationTokenExpiredException',
]);
/** Services that reuse a generic validation error for a bad token say so in the message. */
const genericValidationNames = new Set(['InvalidInputException', 'InvalidParameterException', 'ValidationException']);

export function isInvalidToken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name !== 'string') return false;
  if (tokenErrorNames.has(name)) return true;
  return genericValidationNames.has(name) && typeof message === 'string' && /token/i.test(message);
}

export interface CollectOptions<P> {
  /** Continue an earlier walk from here instead of the first page. */
  startingToken?: string;
  /** Stop once this says enough has been read (checked after every page). */
  enough?: (pages: readonly P[]) => boolean;
  /** Pages read before the walk is given up as endless (default `maxListingPages`). */
  maxPages?: number;
}

/**
 * The SDK's paginators follow a token for as long as one comes back, even the
 * same token again (`stopOnSameToken` is off by default), so an endpoint that
 * never ends its listing would keep a refresh busy forever (RELIABILITY A13).
 */
export const maxListingPages = 1000;

/**
 * Reads pages from `open(startingToken)` (an SDK paginateX call). A refused
 * token (expired, or from a listing that changed) restarts the listing from
 * the first page, once; a second refusal is thrown to the caller, and so is
 * a listing longer than `maxPages`.
 */
export async function collectPages<P>(
  open: (startingToken: string | undefined) => AsyncIterable<P>,
  options: CollectOptions<P> = {},
): Promise<P[]> {
  let token = options.startingToken;
  const maxPages = options.maxPages ?? maxListingPages;
  for (let attempt = 0; ; attempt += 1) {
    const pages: P[] = [];
    try {
      for await (const page of open(token)) {
        if (pages.length === maxPages) {
          throw new Error(`The listing did not end after ${maxPages} pages; Starboard stopped reading it.`);
        }
        pages.push(page);
        if (options.enough?.(pages)) break;
      }
      return pages;
    } catch (error) {
      if (attempt > 0 || !isInvalidToken(error)) throw error;
      token = undefined;
    }
  }
}
