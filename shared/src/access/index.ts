export * from './capabilities.js';
export * from './passwords.js';
export * from './roles.js';
