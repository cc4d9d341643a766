import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the benchmark page (not part of the app) so Chromium runs the same production code paths. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'browser'),
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench'), __BUILD_ID__: JSON.stringify('bench') },
  build: {
    outDir: resolve(import.meta.dirname, '../.tmp/bench-build'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 0 },
});
