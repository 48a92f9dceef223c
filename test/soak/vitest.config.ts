// The long soak (`npm run soak`): its own files (*.soak.ts, which `npm test`
// does not pick up), one at a time, with the collector exposed so the heap
// figures are taken after a full collection.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    environment: 'node',
    include: ['test/soak/**/*.soak.ts'],
    execArgv: ['--expose-gc'],
    // A simulated day takes minutes of real time; the bound only stops a hung run.
    testTimeout: 3 * 60 * 60 * 1000,
    hookTimeout: 60_000,
  },
});
