// How many requests one token has in flight: GitHub asks clients to avoid
// concurrent requests per token, so a small fixed number at a time, and
// writes one at a time with a pause between them (RELIABILITY G05).

export class RequestGate {
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  #writes: Promise<void> = Promise.resolve();
  #lastWriteEnd = 0;

  constructor(
    private readonly maxInFlight: number,
    private readonly writeSpacingMs: number,
  ) {}

  /** Runs `task` once one of the `maxInFlight` slots is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.maxInFlight) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so #active stays as it is.
      if (next) next();
      else this.#active -= 1;
    }
  }

  /** Runs a write after every earlier write has ended and `writeSpacingMs` has passed since. */
  write<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.#writes.then(async () => {
      const wait = this.#lastWriteEnd + this.writeSpacingMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await this.run(task);
      } finally {
        this.#lastWriteEnd = Date.now();
      }
    });
    this.#writes = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Requests running now (for tests and diagnostics). */
  get inFlight(): number {
    return this.#active;
  }
}
