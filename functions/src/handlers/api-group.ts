/**
 * A Lambda entry of the HTTP API: one route group (app/route-groups.ts) of the one Hono app, built by
 * composeApp on the first invocation and kept. Every group's function is the same but for its routes:
 * the origin check, the token verifier, the first administrators, the middleware. Its routes come from
 * the manifest made at build time beside its module (bundles.ts), so no route module loads before a
 * request for one of its routes. The `api` group's function also serves the whole API's OpenAPI
 * document, made at build time too (handlers/api.ts).
 */
import { readFile } from 'node:fs/promises';
import { composeApp } from '../app/compose.js';
import type { RouteGroup } from '../app/groups/group.js';
import type { RouteManifest } from '../app/route-manifest.js';
import { jwtVerifier } from '../aws/jwt-verifier.js';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { cachedSecret, originSecret, secretsManagerSource } from '../aws/secrets.js';
import { readAwsEnv } from '../env.js';
import { apiHandler } from './api-handler.js';
import { HANDLERS } from './registry.js';

/** The files made at build time beside a group's module (its `import.meta.url`): bundles.ts writes them. */
export interface BuiltFiles {
  /** Its routes' manifest (app/route-manifest.ts). */
  manifest: URL;
  /** The whole API's OpenAPI document, served by the function that has it (the `api` function). */
  document?: URL;
}

const readJson = async (file: URL): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

/** A group's function, serving the API's whole OpenAPI document if it has it, or its own routes'. */
export function apiGroupHandler(group: RouteGroup, files: BuiltFiles) {
  const env = readAwsEnv(HANDLERS[group.name].env);
  const obs = observability(group.name, env.LOG_LEVEL);
  const origin = env.ORIGIN_SECRET_ARN
    ? cachedSecret(secretsManagerSource(), env.ORIGIN_SECRET_ARN, originSecret, { raw: true })
    : undefined;
  return apiHandler(
    once(async () => {
      const deps = await lambdaDeps(env, { verify: jwtVerifier(env) });
      // Single sign-on: without the first administrators' accounts no one could get in to make others.
      // Two reads per cold start once they exist; idempotent under concurrent cold starts. The stack gives
      // the names to the `api` function only (the one serving sign-in and accounts).
      if (env.JIANDU_FIRST_ADMINS) {
        // Loaded here only: the other functions have no first administrators to make.
        const { ensureFirstSsoAdministrators } = await import('../services/accounts/first-administrators.js');
        const created = await ensureFirstSsoAdministrators(deps, env.JIANDU_FIRST_ADMINS);
        if (created.length > 0)
          obs.logger.info('first administrators created', { usernames: created.map((a) => a.username) });
      }
      const { document } = files;
      return composeApp(deps, [group], {
        log: (e) => obs.logger.error('unhandled error', e as Error),
        manifest: (await readJson(files.manifest)) as RouteManifest,
        ...(document ? { document: () => readJson(document) } : {}),
      });
    }),
    obs,
    origin ? { originSecret: origin } : {},
  );
}
