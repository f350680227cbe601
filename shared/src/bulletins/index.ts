export * from './content.js';
export * from './month.js';
export * from './reminders.js';
export * from './rows.js';
