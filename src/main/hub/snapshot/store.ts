// The snapshot cache (snapshot.json in the data folder). Opening it reads the
// last snapshot at once, so the window shows data before any source answers,
// offline too. Changes are written atomically and coalesced; only fields the
// schema names reach the disk (RELIABILITY C04). A file that cannot be used is
// kept aside and reported; a resource that fails its schema is dropped alone.
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/model';
import { emptySnapshot, type Snapshot } from '../../../shared/snapshot';
import { parseSnapshot } from '../../../shared/snapshot-schema';
import { silentLogger, type Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from './atomic-file';
import { boundSnapshot, defaultSnapshotLimits, type SnapshotLimits } from './bounds';
import { CoalescedWriter, systemTimers, type Timers } from './coalesce';

export const snapshotFileName = 'snapshot.json';

export interface SnapshotStoreOptions {
  /** The data folder. */
  dir: string;
  timers?: Timers;
  /** At most one write per this many milliseconds while changes keep coming. */
  writeIntervalMs?: number;
  limits?: SnapshotLimits;
  /** A larger file is not read (kept aside instead): the cap on the lists keeps a real one far smaller. */
  maxFileBytes?: number;
  log?: Logger;
}

export interface SnapshotLoad {
  /** True when the snapshot came from the file (the UI shows it as "last known"). */
  fromDisk: boolean;
  /** The file, when it could not be used and was kept aside. */
  notices: StoreNotice[];
  /** Resources and sources left out because they failed their schema. */
  dropped: string[];
}

export interface SnapshotChange {
  previous: Snapshot;
  current: Snapshot;
}

export class SnapshotStore {
  #current: Snapshot;
  readonly #writer: CoalescedWriter;

  private constructor(
    readonly path: string,
    initial: Snapshot,
    readonly loaded: SnapshotLoad,
    private readonly timers: Timers,
    private readonly limits: SnapshotLimits,
    private readonly log: Logger,
    writeIntervalMs: number,
  ) {
    this.#current = initial;
    this.#writer = new CoalescedWriter(
      () => this.#write(),
      writeIntervalMs,
      timers,
      (error) => log.error('could not write the snapshot', error),
    );
  }

  /** Reads the last snapshot synchronously; never throws on a bad file. */
  static open(options: SnapshotStoreOptions): SnapshotStore {
    const timers = options.timers ?? systemTimers;
    const log = options.log ?? silentLogger;
    const path = join(options.dir, snapshotFileName);
    removeStaleTemps(path);
    const now = new Date(timers.now());
    const { snapshot, load } = loadSnapshot(path, options.maxFileBytes ?? 64 * 1024 * 1024, now);
    if (load.notices.length > 0)
      log.warn('the snapshot file could not be used and was kept aside', { ...load.notices[0] });
    if (load.dropped.length > 0)
      log.warn('snapshot entries failed their schema and were dropped', { count: load.dropped.length });
    const limits = options.limits ?? defaultSnapshotLimits;
    return new SnapshotStore(
      path,
      // A file from a build with larger caps is cut to this build's.
      snapshot ? boundSnapshot(snapshot, limits) : emptySnapshot(now),
      load,
      timers,
      limits,
      log,
      options.writeIntervalMs ?? 5_000,
    );
  }

  get current(): Snapshot {
    return this.#current;
  }

  /** True while a change waits to be written. */
  get pendingWrite(): boolean {
    return this.#writer.pending;
  }

  /**
   * Applies a change: the result is bounded, stamped and scheduled for
   * writing. Returns both sides so the caller can diff them into events.
   */
  update(change: (current: Snapshot) => Snapshot): SnapshotChange {
    const previous = this.#current;
    const changed = change(previous);
    // Returning the snapshot as it was means "nothing changed": nothing to write.
    if (changed === previous) return { previous, current: previous };
    const next = boundSnapshot(changed, this.limits);
    this.#current = { ...next, updatedAt: new Date(this.timers.now()).toISOString() };
    this.#writer.markDirty();
    return { previous, current: this.#current };
  }

  /** Writes a pending change now. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /** Flushes and stops writing (app quit). */
  close(): Promise<void> {
    return this.#writer.close();
  }

  #write(): Promise<void> {
    // Serialized now, before any await: later changes mark the store dirty again.
    const parsed = parseSnapshot(this.#current);
    if ('error' in parsed) return Promise.reject(new Error(`the snapshot in memory ${parsed.error}`));
    if (parsed.dropped.length > 0) {
      this.log.warn('snapshot entries failed their schema and were not written', { count: parsed.dropped.length });
    }
    return writeFileAtomic(this.path, JSON.stringify(parsed.snapshot));
  }
}

function loadSnapshot(
  path: string,
  maxBytes: number,
  now: Date,
): { snapshot: Snapshot | undefined; load: SnapshotLoad } {
  const { value, notice } = loadJsonFile(path, maxBytes, now, (json) => {
    const parsed = parseSnapshot(json);
    return 'error' in parsed ? { ok: false, error: parsed.error } : { ok: true, value: parsed };
  });
  return {
    snapshot: value?.snapshot,
    load: { fromDisk: value !== undefined, notices: notice ? [notice] : [], dropped: value?.dropped ?? [] },
  };
}
