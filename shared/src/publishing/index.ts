export * from './effective.js';
export * from './schedule.js';
export * from './snapshot.js';
