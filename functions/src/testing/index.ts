export { ingestFindings } from '../services/findings.js';
export { type Harness, startHarness, TEST_UNITS } from './harness.js';
