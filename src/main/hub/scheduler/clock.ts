// The scheduler's only view of time. Everything it decides is a function of
// `now()` and the timers it sets, so tests and the bench drive it on virtual
// time (VirtualClock) and the app on the system clock.

/** An opaque timer id, as `setTimeout` returns in the browser. */
export type TimerId = number;

export interface SchedulerClock {
  /** Milliseconds since the epoch. A jump forward larger than a timer's delay reads as a sleep/resume. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerId;
  clearTimeout(id: TimerId): void;
}

/** Node's timers accept at most 2^31-1 ms; a longer delay would fire at once. */
const maxDelayMs = 2 ** 31 - 1;

/**
 * The wall clock and Node's timers. Date.now (not a monotonic clock) on
 * purpose: it jumps across a laptop's sleep, which is how the scheduler
 * notices a resume even when the shell's power event is missed.
 */
export function systemClock(): SchedulerClock {
  const timers = new Map<TimerId, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimeout(callback, delayMs) {
      const id = nextId++;
      const timer = setTimeout(
        () => {
          timers.delete(id);
          callback();
        },
        // Rounded up: Node counts whole milliseconds, and firing a fraction early only means a wasted wake-up.
        Math.min(Math.max(0, Math.ceil(delayMs)), maxDelayMs),
      );
      // The scheduler never keeps the process alive on its own: the app's lifecycle owns that.
      timer.unref();
      timers.set(id, timer);
      return id;
    },
    clearTimeout(id) {
      const timer = timers.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      timers.delete(id);
    },
  };
}
