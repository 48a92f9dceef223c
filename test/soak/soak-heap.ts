// Heap figures for the soak: heapUsed after a full collection, sampled each
// simulated hour. Without --expose-gc the collector is exposed at run time
// (V8 flag), so the short soak in `npm test` measures the same way.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapFigures {
  /** MB at the baseline hour (the first sample at or after it). */
  baseline: number;
  baselineHour: number;
  peak: number;
  final: number;
}

function collector(): () => void {
  const exposed = globalThis.gc;
  // Called without options, the collection is synchronous.
  if (typeof exposed === 'function') return () => exposed();
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function heapSampler(baselineHour: number) {
  const gc = collector();
  let baseline: number | undefined;
  let peak = 0;
  let final = 0;
  return {
    sample(hour: number): void {
      gc();
      gc();
      const used = mb(process.memoryUsage().heapUsed);
      if (baseline === undefined && hour >= baselineHour) baseline = used;
      peak = Math.max(peak, used);
      final = used;
    },
    figures(): HeapFigures {
      return { baseline: baseline ?? final, baselineHour, peak, final };
    },
  };
}
