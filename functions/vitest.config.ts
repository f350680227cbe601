import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One DynamoDB Local for the run; suites make their own tables in it.
    globalSetup: ['src/testing/global-setup.ts'],
    // Suites start a real DynamoDB Local (a JVM): seconds, not milliseconds, on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
