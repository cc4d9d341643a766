import { defineConfig } from 'vitest/config';

/** Browser tests: Node drives a real Chromium (playwright-core) against production builds. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One Chromium at a time: the machine has two cores and service workers are per origin.
    fileParallelism: false,
  },
});
