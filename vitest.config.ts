import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/devices/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration and fault tests start real host processes; two cores, so keep files sequential.
    fileParallelism: false,
  },
});
