// The bench's own vitest run: only bench/**/*.bench-run.ts (the normal
// `vitest run` never sees them), one file at a time so timings do not share
// the two cores, and node with --expose-gc so heap figures are taken after a
// full collection.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.bench-run.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
