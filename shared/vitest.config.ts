import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests run thousands of cases; on a busy 2-core machine 5 s is not enough.
    testTimeout: 60_000,
    // The core is pure (no module state a file could leave behind), so files share a worker's modules
    // instead of re-importing zod and the schemas for each of ~50 files.
    isolate: false,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/index.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
