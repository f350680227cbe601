export * from './unit-tree.js';
