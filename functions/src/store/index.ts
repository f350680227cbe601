export { StoreError, type StoreErrorCode } from './errors.js';
export {
  type IndexDefinition,
  type KeyAttribute,
  localTable,
  TABLE,
  type TableDefinition,
  tableNamed,
} from './table.js';
export { createTableInput, deleteTable, ensureTable, type WaitOptions } from './table-bootstrap.js';
export { tableDifferences } from './table-diff.js';
