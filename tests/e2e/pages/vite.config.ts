import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the core test page (not part of the app): src/core running in Chromium, driven by tests. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'core'),
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../../.tmp/e2e-core'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
});
