export * from './codes.js';
export * from './domain-error.js';
export * from './edge-codes.js';
