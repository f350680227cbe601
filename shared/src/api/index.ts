/**
 * `@jiandu/shared/api`: every route's request and response schemas, one file per resource. The
 * functions build their routes and the OpenAPI document from these; the SPA imports its types from here.
 */

export * from './accounts.js';
export * from './alerts.js';
export * from './auth.js';
export * from './bulletins.js';
export * from './cases.js';
export * from './common.js';
export * from './evidence.js';
export * from './exports.js';
export * from './findings.js';
export * from './funds.js';
export * from './home.js';
export * from './imports.js';
export * from './inbox.js';
export * from './indicators.js';
export * from './jobs.js';
export * from './migrations.js';
export * from './notices.js';
export * from './notifications.js';
export * from './operation-log.js';
export * from './org.js';
export * from './org-import.js';
export * from './petitions.js';
export * from './rankings.js';
export * from './records.js';
export * from './records-import.js';
export * from './rectifications.js';
export * from './reminders.js';
export * from './schemes.js';
export * from './signals.js';
