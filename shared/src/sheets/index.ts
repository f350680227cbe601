export * from './amount.js';
export * from './date.js';
export * from './formula.js';
export * from './headers.js';
export * from './org-headers.js';
export * from './org-words.js';
export * from './status.js';
