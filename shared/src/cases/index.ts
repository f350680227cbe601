export * from './alerts.js';
export * from './leaders.js';
export * from './workflow.js';
