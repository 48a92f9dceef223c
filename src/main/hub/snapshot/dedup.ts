// The ids of events already delivered (delivered-events.json in the data
// folder), so an event is delivered at most once, across restarts too. The
// set is bounded by size and age; it is written atomically before the events
// are handed out, so a crash right after can lose a notification but never
// repeat one.
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreNotice } from '../../../shared/model';
import { silentLogger, type Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from './atomic-file';
import { CoalescedWriter, systemTimers, type Timers } from './coalesce';

export const deliveredFileName = 'delivered-events.json';

export interface DedupLimits {
  /** The most ids kept; the oldest go first. */
  maxIds: number;
  /** Ids older than this are forgotten (ms). Longer than an approval can wait (7 days by default). */
  maxAgeMs: number;
}

export const defaultDedupLimits: DedupLimits = { maxIds: 20_000, maxAgeMs: 30 * 24 * 60 * 60 * 1000 };

export interface DeliveredEventsOptions {
  dir: string;
  timers?: Timers;
  limits?: DedupLimits;
  log?: Logger;
}

const fileSchema = z.object({ version: z.literal(1), delivered: z.array(z.unknown()) });
const entrySchema = z.tuple([z.string().min(1).max(4096), z.number()]);

export class DeliveredEvents {
  /** Id to delivery time (ms), in delivery order: Map keeps insertion order, so the oldest come first. */
  readonly #delivered: Map<string, number>;
  readonly #writer: CoalescedWriter;

  private constructor(
    readonly path: string,
    delivered: Map<string, number>,
    readonly notices: readonly StoreNotice[],
    private readonly timers: Timers,
    private readonly limits: DedupLimits,
    log: Logger,
  ) {
    this.#delivered = delivered;
    // Interval 0: a claim writes at once; concurrent claims still write one at a time.
    this.#writer = new CoalescedWriter(
      () => this.#write(),
      0,
      timers,
      (error) => log.error('could not write the delivered events', error),
    );
  }

  static open(options: DeliveredEventsOptions): DeliveredEvents {
    const timers = options.timers ?? systemTimers;
    const log = options.log ?? silentLogger;
    const path = join(options.dir, deliveredFileName);
    removeStaleTemps(path);
    const { value, notice } = loadJsonFile(path, 16 * 1024 * 1024, new Date(timers.now()), parseDelivered);
    const store = new DeliveredEvents(
      path,
      value ?? new Map<string, number>(),
      notice ? [notice] : [],
      timers,
      options.limits ?? defaultDedupLimits,
      log,
    );
    if (notice) log.warn('the delivered-events file could not be used and was kept aside', { ...notice });
    store.#prune();
    return store;
  }

  has(id: string): boolean {
    return this.#delivered.has(id);
  }

  get size(): number {
    return this.#delivered.size;
  }

  /**
   * The events not delivered before (each id once, first occurrence kept),
   * recorded as delivered and written to disk before this resolves. A failed
   * write is logged and the events are still returned: missing a duplicate
   * after a later crash is better than never notifying.
   */
  async claim<E extends { id: string }>(events: readonly E[]): Promise<E[]> {
    const now = this.timers.now();
    const fresh: E[] = [];
    for (const event of events) {
      if (this.#delivered.has(event.id)) continue;
      this.#delivered.set(event.id, now);
      fresh.push(event);
    }
    if (fresh.length === 0) return fresh;
    this.#prune();
    this.#writer.markDirty();
    await this.#writer.flush();
    return fresh;
  }

  close(): Promise<void> {
    return this.#writer.close();
  }

  #prune(): void {
    const oldest = this.timers.now() - this.limits.maxAgeMs;
    for (const [id, at] of this.#delivered) {
      if (at >= oldest && this.#delivered.size <= this.limits.maxIds) break;
      this.#delivered.delete(id);
    }
  }

  #write(): Promise<void> {
    const text = JSON.stringify({ version: 1, delivered: [...this.#delivered] });
    return writeFileAtomic(this.path, text);
  }
}

/** Lenient: a malformed entry is dropped, the rest kept; entries are re-sorted by time (oldest first). */
function parseDelivered(value: unknown): { ok: true; value: Map<string, number> } | { ok: false; error: string } {
  const file = fileSchema.safeParse(value);
  if (!file.success) return { ok: false, error: 'does not match the delivered-events schema' };
  const entries = file.data.delivered
    .map((entry) => entrySchema.safeParse(entry))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => a[1] - b[1]);
  return { ok: true, value: new Map(entries) };
}
