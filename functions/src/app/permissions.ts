/**
 * Who may call what (DESIGN §1), in ONE table for every route: a route missing here is refused to
 * everyone (fail closed), and a test checks that every route of the OpenAPI document has an entry.
 * Jurisdiction (which records) is enforced by services/jurisdiction.ts; this table says which roles.
 * The domain core checks finer rules again (e.g. which workflow action a role may take).
 */
import type { Role } from '@jiandu/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth-middleware.js';
import { EdgeError } from './edge-error.js';
import type { RouteTable } from './route-table.js';

const ALL: readonly Role[] = ['inspector', 'supervisor', 'reviewer', 'unit_officer', 'viewer', 'admin'];
/** Petitions carry whistleblowers' identity (masked in every answer): only those who handle them (supervisors)
 * and inspectors, who see everything in their jurisdiction, read them; viewers see dashboards. */
const PETITION_READERS: readonly Role[] = ['supervisor', 'inspector'];

type Rule = readonly Role[] | ((params: Record<string, string>) => readonly Role[]);

export const ROUTE_ROLES: Record<string, Rule> = {
  'GET /api/v1/units': ALL,
  'POST /api/v1/units': ['admin'],
  'POST /api/v1/tenures': ['admin'],
  'GET /api/v1/units/{id}/tenures': ALL,
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users': ['admin'],
  'POST /api/v1/findings': ['inspector'],
  'POST /api/v1/findings/batch': ['inspector'],
  'GET /api/v1/findings': ALL,
  'POST /api/v1/rectifications': ['supervisor', 'inspector'],
  'GET /api/v1/rectifications': ALL,
  'GET /api/v1/rectifications/{id}': ALL,
  'POST /api/v1/rectifications/{id}/actions': ['unit_officer', 'reviewer', 'supervisor', 'inspector'],
  'POST /api/v1/petitions': ['supervisor'],
  'POST /api/v1/petitions/batch': ['supervisor'],
  'GET /api/v1/petitions': PETITION_READERS,
  'GET /api/v1/petitions/{id}': PETITION_READERS,
  'POST /api/v1/petitions/{id}/accept': ['supervisor'],
  'POST /api/v1/petitions/{id}/not-accept': ['supervisor'],
  'POST /api/v1/petitions/{id}/handle': ['supervisor'],
  'POST /api/v1/petitions/{id}/extend': ['supervisor'],
  'POST /api/v1/petitions/{id}/close': ['supervisor'],
  'POST /api/v1/petitions/{id}/reveal': ['supervisor'],
  'POST /api/v1/signals': ['supervisor'],
  'POST /api/v1/signals/batch': ['supervisor'],
  'GET /api/v1/signals': ALL,
  'GET /api/v1/signals/triage': ['supervisor', 'inspector', 'viewer'],
  'GET /api/v1/signals/{id}': ALL,
  'POST /api/v1/signals/{id}/assign': ['supervisor'],
  'POST /api/v1/indicators': ['supervisor'],
  'GET /api/v1/indicators': ALL,
  'PUT /api/v1/indicators/{id}': ['supervisor', 'unit_officer'],
  'GET /api/v1/indicators/{id}': ALL,
  'POST /api/v1/rankings/compute': ALL,
  'GET /api/v1/rankings/draft': ALL,
  'POST /api/v1/rankings/publish': ['supervisor'],
  'POST /api/v1/rankings/amend': ['supervisor'],
  'GET /api/v1/rankings/snapshots': ALL,
  'GET /api/v1/rankings/snapshots/{id}': ALL,
  'GET /api/v1/rankings/units/{id}/history': ALL,
  'GET /api/v1/cards': ALL,
  'GET /api/v1/cases': ['inspector', 'supervisor', 'viewer'],
  'GET /api/v1/cases/{id}': ['inspector', 'supervisor', 'viewer'],
  'POST /api/v1/cases/{id}/review': ['inspector'],
  'POST /api/v1/cases/{id}/decide': ['inspector'],
  'POST /api/v1/cases/{id}/dismiss': ['inspector'],
  'POST /api/v1/cases/{id}/close': ['inspector'],
  'GET /api/v1/alerts': ALL,
  'GET /api/v1/alerts/{id}': ALL,
  'POST /api/v1/alerts/{id}/acknowledge': ['supervisor'],
  'POST /api/v1/alerts/{id}/resolve': ['supervisor'],
  'GET /api/v1/schemes/current': ALL,
  'GET /api/v1/schemes': ALL,
  'POST /api/v1/schemes': ['admin'],
  'GET /api/v1/schemes/{version}': ALL,
  'GET /api/v1/bulletins/{month}': ALL,
  'GET /api/v1/job-runs': ['admin', 'supervisor'],
  'GET /api/v1/job-runs/schedules': ['admin', 'supervisor'],
  'GET /api/v1/inbox': ALL,
  'POST /api/v1/inbox/{id}/read': ALL,
  'GET /api/v1/notifications/subscriptions': ['admin'],
  'PUT /api/v1/notifications/subscriptions': ['admin'],
  'GET /api/v1/notifications/dead-letters': ['admin'],
  'POST /api/v1/notifications/dead-letters/{id}/retry': ['admin'],
  'GET /api/v1/bulletins': ALL,
  'POST /api/v1/bulletins/{month}/issue': ['supervisor'],
  'GET /api/v1/bulletins/issued/{id}': ALL,
  'GET /api/v1/bulletins/issued/{id}/reads': ['supervisor'],
  // Funds: the poverty office (supervisors) opens projects; a unit officer records its own unit's entries.
  'GET /api/v1/funds': ALL,
  'POST /api/v1/fund-projects': ['supervisor'],
  'POST /api/v1/fund-projects/batch': ['supervisor'],
  'GET /api/v1/fund-projects': ALL,
  'GET /api/v1/fund-projects/{id}': ALL,
  'POST /api/v1/fund-entries': ['supervisor', 'unit_officer'],
  'POST /api/v1/fund-entries/batch': ['supervisor', 'unit_officer'],
  // Evidence files: only unit officers add evidence (shared/rectification/guards.ts); a download is for
  // whoever can see the rectification (jurisdiction checked by reading it).
  'POST /api/v1/evidence/uploads': ['unit_officer'],
  'GET /api/v1/rectifications/{id}/evidence/{evidenceId}': ALL,
  'POST /api/v1/imports/rectification-ledger': ['inspector', 'supervisor'],
  'GET /api/v1/imports/{id}/annotated': ['inspector', 'supervisor'],
  // An export is a read of its list: whoever may read the list may export it.
  'GET /api/v1/exports/findings.xlsx': ALL,
  'GET /api/v1/exports/rectifications.xlsx': ALL,
  'GET /api/v1/exports/petitions.xlsx': PETITION_READERS,
  'GET /api/v1/exports/signals.xlsx': ALL,
  'GET /api/v1/exports/cases.xlsx': ['inspector', 'supervisor', 'viewer'],
  'GET /api/v1/exports/alerts.xlsx': ALL,
  'GET /api/v1/exports/ranking-snapshot.xlsx': ALL,
  'GET /api/v1/exports/bulletin.xlsx': ALL,
  'GET /api/v1/operation-log': ['admin', 'supervisor'],
  // The generic history and read routes take the roles of the collection they name.
  'GET /api/v1/{collection}/{id}/events': (p) => collectionReaders(p.collection),
  'GET /api/v1/{collection}/{id}': (p) => collectionReaders(p.collection),
};

function collectionReaders(collection: string | undefined): readonly Role[] {
  if (collection === 'petitions') return PETITION_READERS;
  if (collection === 'cases') return ['inspector', 'supervisor', 'viewer'];
  if (collection === 'users') return ['admin'];
  return ALL;
}

/** The roles allowed on a route (an empty list for a route the table does not know: fail closed). */
export function allowedRoles(
  method: string,
  template: string,
  params: Record<string, string>,
): readonly Role[] {
  const rule = ROUTE_ROLES[`${method} ${template}`];
  if (!rule) return [];
  return typeof rule === 'function' ? rule(params) : rule;
}

export function requireRole(routes: RouteTable): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The path the router matches (Hono decodes it: /%61pi/… routes as /api/…), never the raw URL's.
    const hit = routes.match(c.req.method, c.req.path);
    if (hit) {
      const allowed = allowedRoles(hit.route.method, hit.route.template, hit.params);
      const p = c.get('principal');
      if (!p.roles.some((r) => allowed.includes(r))) {
        throw new EdgeError('auth.forbidden', 'your role may not do this');
      }
    }
    await next();
  };
}
