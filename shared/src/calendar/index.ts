export * from './china-holidays.js';
export * from './local-date.js';
export * from './quarter.js';
export * from './time-zone.js';
export * from './working-days.js';
