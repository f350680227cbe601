export * from './draft.js';
export * from './inputs.js';
export * from './objections.js';
export * from './period.js';
