// The browser tests run a job as its schedule would (the overdue sweep before the alert list).
export { runJob } from '../jobs/index.js';
export { ingestFindings } from '../services/findings/findings.js';
export {
  type Answer,
  assertContract,
  type Contract,
  ContractError,
  contractOf,
  type OpenApiDocument,
} from './contract.js';
export { apiContract, BACKDATING_SCHEME, type Harness, startHarness, TEST_UNITS } from './harness.js';
