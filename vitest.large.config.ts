import { defineConfig } from 'vitest/config';

/** Tests too large for every run (a 4 GiB Zip64 bundle): `npm run test:large`. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/large/**/*.test.ts'],
    testTimeout: 30 * 60_000,
  },
});
