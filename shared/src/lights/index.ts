export * from './lights.js';
