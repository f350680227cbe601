import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Vitest's 5 s default is a clock, not a condition: on a busy 2-core machine (npm test runs every
    // workspace at once) a happy-dom start alone can take seconds. Tests wait on conditions; this only
    // bounds a hang.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
