// Discrete-event time for the world. Everything that happens later is an
// event at an absolute time; running the queue up to the clock in time
// order makes the world the same however often (or late) it is brought up to
// date: one advance of a day equals 1440 advances of a minute.
interface Scheduled {
  at: number;
  seq: number;
  run: () => void;
}

export class Scheduler {
  readonly #heap: Scheduled[] = [];
  #seq = 0;
  #now: number;

  constructor(start: number) {
    this.#now = start;
  }

  /** The world's current time: the time of the event running, or of the last catch-up. */
  now(): number {
    return this.#now;
  }

  at(time: number, run: () => void): void {
    this.#push({ at: Math.max(time, this.#now), seq: this.#seq++, run });
  }

  after(ms: number, run: () => void): void {
    this.at(this.#now + ms, run);
  }

  /** Runs every event due up to `time`, in order, then stands at `time`. */
  runUntil(time: number): void {
    for (let next = this.#heap[0]; next && next.at <= time; next = this.#heap[0]) {
      this.#pop();
      this.#now = next.at;
      next.run();
    }
    if (time > this.#now) this.#now = time;
  }

  get pending(): number {
    return this.#heap.length;
  }

  #before(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #push(item: Scheduled): void {
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Scheduled;
      if (!this.#before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && this.#before(heap[right] as Scheduled, heap[left] as Scheduled) ? right : left;
      if (!this.#before(heap[child] as Scheduled, last)) break;
      heap[i] = heap[child] as Scheduled;
      i = child;
    }
    heap[i] = last;
  }
}
