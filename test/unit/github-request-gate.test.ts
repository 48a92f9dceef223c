// Requests per token: at most N in flight, the rest wait their turn in
// order; writes one at a time with a pause between them.
import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/main/sources/github/request-gate';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RequestGate', () => {
  it('runs at most maxInFlight tasks at once, in arrival order', async () => {
    const gate = new RequestGate(2, 0);
    const started: number[] = [];
    const blockers = Array.from({ length: 5 }, deferred);
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.inFlight).toBe(2);
    blockers[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(gate.inFlight).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const gate = new RequestGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('runs writes one after another, spaced apart, even when one fails', async () => {
    const gate = new RequestGate(4, 60);
    const spans: [number, number][] = [];
    const write = (fail: boolean) =>
      gate.write(async () => {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        spans.push([start, performance.now()]);
        if (fail) throw new Error('lost');
      });
    const outcomes = await Promise.allSettled([write(true), write(false), write(false)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    for (let i = 1; i < spans.length; i++) {
      const [start] = spans[i] ?? [0];
      const [, previousEnd] = spans[i - 1] ?? [0, 0];
      expect(start - previousEnd).toBeGreaterThanOrEqual(55);
    }
  });
});
