// The ETag cache behind conditional requests: per (token identity, URL) the
// last ETag with the body and Link header it came with, so a 304, which costs
// nothing of the primary limit, can be answered from memory. GitHub ties an
// ETag to the token, so a new token starts with an empty cache. The token is
// kept only as a hash.
import { createHash } from 'node:crypto';

export interface CachedAnswer {
  etag: string;
  data: unknown;
  /** The Link header of the answer, for pagination when a 304 carries none. */
  link?: string;
}

/** A short, stable, one-way name for a token: the cache key and nothing else. */
export function tokenIdentity(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export class ConditionalCache {
  /** Insertion order is recency order: a hit is moved to the end, the first entry is evicted first. */
  readonly #entries = new Map<string, CachedAnswer>();

  constructor(private readonly maxEntries = 5000) {}

  get(identity: string, url: string): CachedAnswer | undefined {
    const key = `${identity} ${url}`;
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(identity: string, url: string, entry: CachedAnswer): void {
    const key = `${identity} ${url}`;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(identity: string, url: string): void {
    this.#entries.delete(`${identity} ${url}`);
  }

  get size(): number {
    return this.#entries.size;
  }
}
