import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-scenario runs take seconds, not milliseconds; timing itself is measured in bench/.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
