/**
 * Every Lambda entry point (one file each in this folder) and the environment names it needs beyond
 * AWS_REQUIRED. The bundler makes one bundle per entry and the CDK stack one function per entry, from
 * this list; infra's tests check each function's environment against it.
 */
import type { Env } from '../env.js';

export interface HandlerSpec {
  /** Names this function needs besides AWS_REQUIRED. */
  readonly env: readonly (keyof Env)[];
  /**
   * How it is invoked: by the HTTP API, on a schedule (asynchronously, with a dead-letter queue), or by
   * the table's stream (batches, with a dead-letter queue for the ones that fail every retry).
   */
  readonly kind: 'http' | 'scheduled' | 'stream';
}

export const HANDLERS = {
  // The HTTP API, one function per route group (app/route-groups.ts; the names are the groups').
  api: { kind: 'http', env: ['EVIDENCE_BUCKET'] },
  'api-records': { kind: 'http', env: ['EVIDENCE_BUCKET'] },
  'api-rankings': { kind: 'http', env: ['EVIDENCE_BUCKET'] },
  'api-sheets': { kind: 'http', env: ['EVIDENCE_BUCKET'] },
  'api-home': { kind: 'http', env: ['EVIDENCE_BUCKET'] },
  'overdue-sweep': { kind: 'scheduled', env: [] },
  'advance-horizon': { kind: 'scheduled', env: [] },
  'publish-quarter': { kind: 'scheduled', env: [] },
  'verify-digest': { kind: 'scheduled', env: ['DIGEST_BUCKET'] },
  'outbox-dispatcher': { kind: 'scheduled', env: [] },
  scheduler: { kind: 'scheduled', env: [] },
  'change-feed': { kind: 'stream', env: [] },
} as const satisfies Record<string, HandlerSpec>;

export type HandlerName = keyof typeof HANDLERS;

/** The whole API's OpenAPI document, made at build time into the `api` bundle's folder (bundles.ts). */
export const API_DOCUMENT_FILE = 'openapi.json';

/** Each HTTP function's route manifest (app/route-manifest.ts), made at build time into its folder. */
export const ROUTE_MANIFEST_FILE = 'routes.json';

export const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];

/** The functions run on a schedule. */
export type ScheduledName = {
  [K in HandlerName]: (typeof HANDLERS)[K]['kind'] extends 'scheduled' ? K : never;
}[HandlerName];
