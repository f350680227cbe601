export * from './actions.js';
export * from './create.js';
export * from './guards.js';
export * from './horizon.js';
export * from './overdue.js';
export * from './workflow.js';
