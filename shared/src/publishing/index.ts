export * from './effective.js';
export * from './snapshot.js';
