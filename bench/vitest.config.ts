import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Only the pure helpers are tested; the bench itself is never run by `npm test` (no timed assertions).
  test: { include: ['src/**/*.test.ts'] },
});
