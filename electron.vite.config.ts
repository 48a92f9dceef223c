import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The desktop app, and browser mode's server (plain Node, no Electron).
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web/cli.ts'),
          sim: resolve('src/sim/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages: bundle everything it uses.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset URLs: the bundle is served at app://bundle/ and at /<token>/ in browser mode.
    base: './',
    plugins: [react()],
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
