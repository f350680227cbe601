import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The Lambda bundles, built once for the run into a folder of its own (the stack's assets).
    globalSetup: ['src/testing/global-setup.ts'],
    // One process for every file, one after another: aws-cdk-lib's first synth in a process is most of
    // the cost (loading and warming its modules), so the files after the first synthesize in seconds.
    isolate: false,
    fileParallelism: false,
    // Synthesizing the stack with cdk-nag takes seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
