export * from './accountability.js';
export * from './rank.js';
