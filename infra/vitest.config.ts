import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The Lambda bundles, built once for the run into a folder of its own (the stack's assets).
    globalSetup: ['src/testing/global-setup.ts'],
    // Synthesizing the stack with cdk-nag takes seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
