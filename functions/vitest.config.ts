import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One DynamoDB Local for the run; suites make their own tables in it.
    globalSetup: ['src/testing/global-setup.ts'],
    // Files share a worker's modules: each builds its own harness (its own table, deps and clock) and no
    // file mocks a module or changes the environment, so isolation bought nothing but re-importing the
    // app and re-compiling the contract's validators per file — 104 s of a 1,234 s run; 441 s without.
    isolate: false,
    // Suites start a real DynamoDB Local (a JVM) and seed tables: seconds, not milliseconds, and at load ≈ 15
    // (npm test runs every workspace at once on 2 cores) a minute for a harness's setup is not unheard of.
    // These only bound a hang: tests wait on conditions, never on these clocks.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
