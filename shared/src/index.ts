export * from './calendar/index.js';
export * from './errors/index.js';
export * from './scheme/index.js';
