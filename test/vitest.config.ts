import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One DynamoDB Local (in memory) for the run, as in functions/; suites make their own tables.
    globalSetup: ['../functions/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
