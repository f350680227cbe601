/**
 * `@jiandu/shared/api`: every route's request and response schemas, one file per resource. The
 * functions build their routes and the OpenAPI document from these; the SPA imports its types from here.
 */

export * from './accounts.js';
export * from './auth.js';
export * from './bulletins.js';
export * from './common.js';
export * from './exports.js';
export * from './funds.js';
export * from './indicators.js';
export * from './jobs.js';
export * from './operation-log.js';
export * from './org.js';
export * from './rankings.js';
export * from './schemes.js';
