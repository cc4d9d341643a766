import { defineConfig } from 'vitest/config';

/** Unit and property tests: Node only, IndexedDB from fake-indexeddb. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
  },
});
