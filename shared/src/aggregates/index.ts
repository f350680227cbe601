export * from './aggregate.js';
export * from './apply.js';
export * from './contributions.js';
export * from './delta.js';
export * from './facts.js';
