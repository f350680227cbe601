export * from './idle.js';
export * from './ledger.js';
export * from './summary.js';
export * from './view.js';
