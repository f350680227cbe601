export * from './capabilities.js';
export * from './roles.js';
