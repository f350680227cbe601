export type { Rational } from './rational.js';
export * from './score.js';
export * from './task.js';
