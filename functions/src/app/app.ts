/**
 * The one Hono app: served by @hono/node-server locally and hono/aws-lambda in AWS. Public routes are
 * sign-in, JWKS, health and the OpenAPI document; everything under /api/v1 needs a verified token.
 */
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { isLocalEvidence } from '../evidence/local-evidence.js';
import { accountRoutes } from '../routes/accounts.js';
import { alertRoutes } from '../routes/alerts.js';
import { authRoutes } from '../routes/auth.js';
import { bulletinRoutes } from '../routes/bulletins.js';
import { caseRoutes } from '../routes/cases.js';
import { evidenceRoutes } from '../routes/evidence.js';
import { exportRoutes } from '../routes/exports.js';
import { findingRoutes } from '../routes/findings.js';
import { fundRoutes } from '../routes/funds.js';
import { importRoutes, UPLOAD_PREFIX } from '../routes/imports.js';
import { inboxRoutes } from '../routes/inbox.js';
import { indicatorRoutes } from '../routes/indicators.js';
import { jobRunRoutes } from '../routes/job-runs.js';
import { migrationRoutes } from '../routes/migrations.js';
import { noticeRoutes } from '../routes/notices.js';
import { notificationRoutes } from '../routes/notifications.js';
import { operationLogRoutes } from '../routes/operation-log.js';
import { orgRoutes } from '../routes/org.js';
import { orgImportRoutes } from '../routes/org-import.js';
import { petitionRoutes } from '../routes/petitions.js';
import { rankingRoutes } from '../routes/rankings.js';
import { recordRoutes } from '../routes/records.js';
import { recordsImportRoutes } from '../routes/records-import.js';
import { rectificationRoutes } from '../routes/rectifications.js';
import { reminderRoutes } from '../routes/reminders.js';
import { schemeRoutes } from '../routes/schemes.js';
import { signalRoutes } from '../routes/signals.js';
import { unitRoutes } from '../routes/units.js';
import { requireAuth } from './auth-middleware.js';
import { assertEveryRouteDeclared } from './authorize.js';
import type { Deps } from './deps.js';
import { onError, problemResponse } from './errors.js';
import { problem } from './problem.js';
import { queryGuard } from './query-guard.js';
import { RouteTable } from './route-table.js';
import { type ApiApp, canonicalPath, newRouter } from './router.js';
import { TAGS } from './tags.js';

export type { ApiApp };
export { newRouter };

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(deps: Deps, opts: { log?: (e: unknown) => void } = {}): ApiApp {
  const log = opts.log ?? ((e: unknown) => console.error(e));
  const app = newRouter({ getPath: canonicalPath });
  app.use('*', secureHeaders());
  // No API answer is kept by a browser or a proxy (a petitioner's identity, tokens, exports …): no-store,
  // errors included. A route that sets its own Cache-Control keeps it (the docs' renderer script).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problemResponse(c, problem('request.tooLarge', `the body exceeds ${MAX_BODY_BYTES} bytes`)),
  });
  // Spreadsheet uploads (routes/imports.ts) have their own size cap and content types.
  app.use('/api/*', (c, next) => (c.req.path.startsWith(UPLOAD_PREFIX) ? next() : jsonLimit(c, next)));
  // JSON bodies only: a write with another content type is refused before anything is parsed.
  app.use('/api/v1/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !c.req.path.startsWith(UPLOAD_PREFIX)) {
      const ct = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(ct)) {
        return problemResponse(
          c,
          problem('request.unsupportedMediaType', 'send the body as application/json', {
            field: 'content-type',
          }),
        );
      }
    }
    await next();
  });
  const routes = new RouteTable(app);
  app.use('/api/v1/*', queryGuard(routes));
  app.get('/api/health', (c) => c.json({ ok: true }));
  // Locally the evidence bytes go through the app itself, on URLs it signed (S3 takes them in AWS).
  if (isLocalEvidence(deps.evidence)) app.route('/', deps.evidence.routes(deps.clock));
  app.route('/', authRoutes(deps));
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/auth/')) return next();
    return requireAuth(deps)(c, next);
  });
  app.route('/', accountRoutes(deps));
  app.route('/', unitRoutes(deps));
  app.route('/', orgRoutes(deps));
  app.route('/', findingRoutes(deps));
  app.route('/', rectificationRoutes(deps));
  app.route('/', petitionRoutes(deps));
  app.route('/', signalRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  app.route('/', rankingRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', caseRoutes(deps));
  app.route('/', alertRoutes(deps));
  app.route('/', reminderRoutes(deps));
  app.route('/', schemeRoutes(deps));
  app.route('/', bulletinRoutes(deps));
  app.route('/', fundRoutes(deps));
  app.route('/', evidenceRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', orgImportRoutes(deps));
  app.route('/', recordsImportRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', operationLogRoutes(deps));
  app.route('/', migrationRoutes(deps));
  app.route('/', jobRunRoutes(deps));
  app.route('/', inboxRoutes(deps));
  app.route('/', notificationRoutes(deps));
  app.route('/', recordRoutes(deps));
  // Each route checks its own declared access rule (app/authorize.ts); none may be missing.
  assertEveryRouteDeclared(app.openAPIRegistry.definitions);
  // SPDX's form for a licence without an SPDX id: OpenAPI 3.1's `identifier`, which the typings (3.0's
  // LicenseObject) do not know yet — so it is given as a value, not a literal.
  const LICENSE = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/', description: 'This deployment (the API is served under /api)' }],
    tags: [...TAGS],
    info: {
      title: 'Jiandu (监督) API',
      license: LICENSE,
      contact: { name: 'Jiandu maintainers (the README says where to report a problem)' },
      version: '1.0.0',
      description: 'Supervision and accountability: findings, petitions, opinion, rectifications, rankings.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.notFound((c) =>
    problemResponse(c, problem('route.notFound', `no route ${c.req.method} ${c.req.path}`)),
  );
  app.onError(onError(log));
  return app;
}
