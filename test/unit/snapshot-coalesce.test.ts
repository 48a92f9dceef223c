import { describe, expect, it } from 'vitest';
import { CoalescedWriter } from '../../src/main/hub/snapshot/coalesce';
import { fakeTimers } from '../support/snapshot-builders';

/** A write that records the version it took and finishes when the test says so. */
function recordingWrite() {
  const written: number[] = [];
  let version = 0;
  let release: (() => void) | undefined;
  const write = () => {
    written.push(version);
    return new Promise<void>((resolve) => (release = resolve));
  };
  return {
    written,
    write,
    change: () => (version += 1),
    finish: async () => {
      release?.();
      // Let the writer's own then/finally callbacks run.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    },
  };
}

describe('the coalescing writer (fake clock)', () => {
  it('writes the first change at once, then at most once per interval', async () => {
    const timers = fakeTimers();
    const w = recordingWrite();
    const writer = new CoalescedWriter(w.write, 5_000, timers, () => {});
    w.change();
    writer.markDirty();
    timers.advance(0);
    expect(w.written).toEqual([1]);
    await w.finish();
    for (let i = 0; i < 10; i += 1) {
      w.change();
      writer.markDirty();
      timers.advance(400);
    }
    expect(w.written).toEqual([1]);
    timers.advance(1_000);
    expect(w.written).toEqual([1, 11]);
    await w.finish();
  });

  it('writes again after a write that a change overtook, and never two at once', async () => {
    const timers = fakeTimers();
    const w = recordingWrite();
    const writer = new CoalescedWriter(w.write, 1_000, timers, () => {});
    w.change();
    writer.markDirty();
    timers.advance(0);
    w.change();
    writer.markDirty();
    timers.advance(5_000);
    expect(w.written).toEqual([1]);
    await w.finish();
    timers.advance(0);
    expect(w.written).toEqual([1, 2]);
    await w.finish();
  });

  it('flush writes what is pending without waiting for the interval; close stops further writes', async () => {
    const timers = fakeTimers();
    const w = recordingWrite();
    const writer = new CoalescedWriter(w.write, 60_000, timers, () => {});
    w.change();
    writer.markDirty();
    const flushed = writer.flush();
    await w.finish();
    await flushed;
    expect(w.written).toEqual([1]);
    const closed = writer.close();
    await closed;
    writer.markDirty();
    timers.advance(120_000);
    expect(w.written).toEqual([1]);
    expect(timers.waiting).toBe(0);
  });
});
