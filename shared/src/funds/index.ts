export * from './idle.js';
export * from './summary.js';
