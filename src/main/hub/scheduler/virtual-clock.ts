// A SchedulerClock on virtual time for tests and the bench: time moves only
// when told to, timers fire in due order, and the promise callbacks each timer
// sets off settle before the next timer fires, so a whole scenario of async
// refreshes runs deterministically in a few milliseconds of real time.
import type { SchedulerClock, TimerId } from './clock';

interface VirtualTimer {
  id: TimerId;
  at: number;
  callback: () => void;
}

/** Lets every pending promise callback run: one macrotask turn drains the microtask queue. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock implements SchedulerClock {
  #now: number;
  #nextId = 1;
  /** Kept in firing order: by due time, then by creation. */
  #timers: VirtualTimer[] = [];

  constructor(start: number = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerId {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, delayMs), callback };
    const index = this.#timers.findIndex((t) => t.at > timer.at);
    if (index === -1) this.#timers.push(timer);
    else this.#timers.splice(index, 0, timer);
    return timer.id;
  }

  clearTimeout(id: TimerId): void {
    this.#timers = this.#timers.filter((t) => t.id !== id);
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing each timer at its own due time, in order. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`cannot advance the clock by ${ms} ms`);
    const target = this.#now + ms;
    await settle();
    for (let next = this.#timers[0]; next !== undefined && next.at <= target; next = this.#timers[0]) {
      this.#timers.shift();
      // After a jump, overdue timers fire late, at the time already reached.
      this.#now = Math.max(this.#now, next.at);
      next.callback();
      await settle();
    }
    this.#now = target;
  }

  /**
   * A laptop's sleep: time jumps by `ms` with nothing firing on the way, then
   * every overdue timer fires late, at the new time.
   */
  async jump(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`cannot jump the clock by ${ms} ms`);
    this.#now += ms;
    await this.advance(0);
  }
}
