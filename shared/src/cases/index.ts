export * from './alerts.js';
export * from './workflow.js';
