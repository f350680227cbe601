export * from './default-scheme.js';
export * from './scheme.js';
