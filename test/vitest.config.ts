import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One DynamoDB Local (in memory) for the run, as in functions/; suites make their own tables.
    globalSetup: ['../functions/src/testing/global-setup.ts'],
    // The browser suite and the store-killing proof each want the machine: run files one at a time.
    fileParallelism: false,
    // A browser step can miss its moment on a saturated machine; each test builds its own data, so a
    // retry is safe, and a real failure fails every time.
    retry: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
