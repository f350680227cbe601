export * from './canonical-url.js';
export * from './dedup.js';
export * from './major.js';
export * from './normalize-text.js';
