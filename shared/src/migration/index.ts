export * from './live-intake.js';
export * from './migration.js';
