export { type Harness, startHarness, TEST_UNITS } from './harness.js';
