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
