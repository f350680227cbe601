import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One DynamoDB Local (in memory) for the run, as in functions/; suites make their own tables.
    globalSetup: ['../functions/src/testing/global-setup.ts'],
    // The browser suite and the store-killing proof each want the machine: run files one at a time.
    fileParallelism: false,
    // A browser step can miss its moment on a saturated machine; each test builds its own data, so a
    // retry is safe, and a real failure fails every time. Two, not one: on a loaded machine a click on an
    // antd confirmation dialog opened with `modal.confirm` (提交销号, 延期审批) has been seen to be lost
    // twice in a row (the dialog stays, nothing is sent) — an open bug, named in the closing note of
    // 2026-12-04; each test that met it passed on a quiet machine.
    retry: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
