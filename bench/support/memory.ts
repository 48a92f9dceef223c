// Figure 7: the heap after a full collection. The simulator runs in the same
// process, so the figure is the hub's heap plus the simulated account's (and
// vitest's); the bench also reports the heap before either starts.
export function heapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass may only free what finalizers release.
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export const gcAvailable = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';
