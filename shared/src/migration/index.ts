export * from './migration.js';
