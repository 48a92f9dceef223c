// Turns many "the data changed" signals into few writes: at most one write
// per interval while changes keep coming, one write at a time, and a flush
// that writes what is pending now (on close, or when a caller must know the
// data is on disk). The clock and timers are injected so tests do not wait.

export interface Timers {
  /** Milliseconds, as Date.now(). */
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending snapshot write must not keep a test or a closing app alive: close() flushes.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CoalescedWriter {
  #dirty = false;
  #closed = false;
  #timer: unknown;
  #inFlight: Promise<void> | undefined;
  #lastStart = Number.NEGATIVE_INFINITY;

  /**
   * `write` must take what it writes synchronously, before its first await:
   * a change made while the write runs marks the data dirty again.
   */
  constructor(
    private readonly write: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly timers: Timers,
    private readonly onError: (error: unknown) => void,
  ) {}

  get pending(): boolean {
    return this.#dirty;
  }

  markDirty(): void {
    if (this.#closed) return;
    this.#dirty = true;
    this.#schedule();
  }

  /** Writes what is pending now and waits for it; never rejects (failures go to onError). */
  async flush(): Promise<void> {
    this.#cancelTimer();
    if (this.#inFlight) await this.#inFlight;
    this.#cancelTimer();
    if (this.#dirty) await this.#run();
  }

  /** Flushes, then ignores further changes. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    this.#cancelTimer();
  }

  #schedule(): void {
    // A write in flight reschedules when it ends.
    if (this.#timer !== undefined || this.#inFlight || this.#closed) return;
    const wait = Math.max(0, this.#lastStart + this.intervalMs - this.timers.now());
    this.#timer = this.timers.setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, wait);
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    this.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #run(): Promise<void> {
    if (!this.#dirty || this.#inFlight) return this.#inFlight;
    this.#dirty = false;
    this.#lastStart = this.timers.now();
    const run = this.write()
      .catch((error: unknown) => {
        // Kept dirty: the next interval tries again.
        this.#dirty = true;
        this.onError(error);
      })
      .finally(() => {
        this.#inFlight = undefined;
        if (this.#dirty) this.#schedule();
      });
    this.#inFlight = run;
    return run;
  }
}
