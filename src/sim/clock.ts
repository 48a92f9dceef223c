// The simulator's clock. Scenarios are functions of this clock, so a test can
// advance time by hand (ManualClock) while `npm run sim` and the demo follow
// real time and can still be fast-forwarded (RealtimeClock).
export interface SimClock {
  /** Milliseconds since the epoch, in simulated time. */
  now(): number;
  /** Moves simulated time forward; listeners run after the move. */
  advance(ms: number): void;
  /** Called after every advance with the new time; returns the remover. */
  onAdvance(listener: (now: number) => void): () => void;
}

abstract class ClockBase implements SimClock {
  readonly #listeners = new Set<(now: number) => void>();
  abstract now(): number;
  protected abstract move(ms: number): void;

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`cannot advance the clock by ${ms} ms`);
    this.move(ms);
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
  }

  onAdvance(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Time stands still until a test advances it. */
export class ManualClock extends ClockBase {
  #now: number;
  constructor(start: number = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    super();
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  protected move(ms: number): void {
    this.#now += ms;
  }
}

/** Real time plus whatever has been fast-forwarded. */
export class RealtimeClock extends ClockBase {
  #offset = 0;
  constructor(private readonly realNow: () => number = Date.now) {
    super();
  }
  now(): number {
    return this.realNow() + this.#offset;
  }
  protected move(ms: number): void {
    this.#offset += ms;
  }
}
