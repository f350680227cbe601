export * from './moves.js';
export * from './unit-tree.js';
