/**
 * Proof (DESIGN §1, §6; issue 5): every role against every route of the route table, inside and
 * outside its jurisdiction. A role the spec does not give an action gets 403; a role it does is never
 * refused for its role (401/403); a record of another county answers 404 like a missing one; and no
 * petitioner's name, phone or ID number appears unmasked in any body but the logged reveal.
 */
import { type Harness, startHarness } from '@jiandu/functions/testing';
import type { Role } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath, type RouteInfo, routeTable } from '../support/routes.js';

const ROLES: Role[] = [
  'inspector',
  'supervisor',
  'reviewer',
  'unit_officer',
  'viewer',
  'admin',
  'security_admin',
  'audit_admin',
];
const R = {
  i: 'inspector',
  s: 'supervisor',
  r: 'reviewer',
  u: 'unit_officer',
  v: 'viewer',
  a: 'admin',
  x: 'security_admin',
  y: 'audit_admin',
} as const;
const roles = (letters: string): Role[] =>
  letters === '**'
    ? ROLES
    : letters === '*'
      ? roles('isruva')
      : [...letters].map((l) => R[l as keyof typeof R]);

/**
 * The spec (DESIGN §1) restated route by route: who may call it. "*" = every role that works on the
 * programme's records (and the system administrator); "**" = every role, the security and audit
 * administrators too (the org chart, the scheme, one's own inbox). 三员分立: the security administrator
 * reads users, the audit administrator the operation log, and nothing else.
 */
const SPEC: Record<string, string> = {
  'GET /api/v1/units': '**',
  'POST /api/v1/units': 'a',
  'POST /api/v1/tenures': 'a',
  'PATCH /api/v1/tenures/{id}': 'a',
  'GET /api/v1/units/{id}/tenures': '**',
  'POST /api/v1/units/{id}/move': 'a',
  'POST /api/v1/units/merge': 'a',
  'POST /api/v1/users': 'a',
  'GET /api/v1/users': 'ax',
  'PUT /api/v1/users/{id}/roles': 'x',
  'PUT /api/v1/users/{id}/state': 'x',
  'POST /api/v1/users/{id}/unlock': 'x',
  'POST /api/v1/users/{id}/password-reset': 'x',
  'GET /api/v1/account-policy': 'x',
  'PUT /api/v1/account-policy': 'x',
  'POST /api/v1/sso-accounts': 'x',
  'PUT /api/v1/account/password': '**',
  'POST /api/v1/findings': 'i',
  'POST /api/v1/findings/batch': 'i',
  'GET /api/v1/findings': '*',
  'GET /api/v1/findings/{id}/photos/{photoId}': '*',
  'POST /api/v1/rectifications': 'si',
  'GET /api/v1/rectifications': '*',
  'GET /api/v1/rectifications/{id}': '*',
  'POST /api/v1/rectifications/{id}/actions': 'ursi',
  'POST /api/v1/petitions': 's',
  'POST /api/v1/petitions/batch': 's',
  'GET /api/v1/petitions': 'si',
  'GET /api/v1/petitions/{id}': 'si',
  'POST /api/v1/petitions/{id}/accept': 's',
  'POST /api/v1/petitions/{id}/not-accept': 's',
  'POST /api/v1/petitions/{id}/handle': 's',
  'POST /api/v1/petitions/{id}/extend': 's',
  'POST /api/v1/petitions/{id}/close': 's',
  'POST /api/v1/petitions/{id}/reveal': 's',
  'POST /api/v1/signals': 's',
  'POST /api/v1/signals/batch': 's',
  'GET /api/v1/signals': '*',
  'GET /api/v1/signals/triage': 'siv',
  'GET /api/v1/signals/{id}': '*',
  'POST /api/v1/signals/{id}/assign': 's',
  'POST /api/v1/indicators': 's',
  'GET /api/v1/indicators': '*',
  'PUT /api/v1/indicators/{id}': 'su',
  'GET /api/v1/indicators/{id}': '*',
  'POST /api/v1/rankings/compute': '*',
  'GET /api/v1/rankings/draft': '*',
  'POST /api/v1/rankings/publish': 's',
  'POST /api/v1/rankings/amend': 's',
  'GET /api/v1/rankings/snapshots': '*',
  'GET /api/v1/rankings/snapshots/{id}': '*',
  'GET /api/v1/rankings/units/{id}/history': '*',
  'GET /api/v1/cards': '*',
  'POST /api/v1/rankings/notices': 's',
  'GET /api/v1/rankings/notices': '*',
  'GET /api/v1/rankings/notices/{id}': '*',
  'POST /api/v1/rankings/notices/{id}/objections': 'uv',
  'GET /api/v1/objections': 'r',
  'GET /api/v1/objections/{id}': '*',
  'POST /api/v1/objections/{id}/decision': 'r',
  'GET /api/v1/objections/{id}/evidence/{evidenceId}': '*',
  'GET /api/v1/home': '*',
  'POST /api/v1/reminders': 's',
  'GET /api/v1/reminders': '*',
  'GET /api/v1/reminders/{id}': '*',
  'POST /api/v1/reminders/{id}/read': '*',
  'GET /api/v1/cases': 'isv',
  'GET /api/v1/cases/{id}': 'isv',
  'POST /api/v1/cases/{id}/review': 'i',
  'POST /api/v1/cases/{id}/decide': 'i',
  'POST /api/v1/cases/{id}/dismiss': 'i',
  'POST /api/v1/cases/{id}/close': 'i',
  'GET /api/v1/alerts': '*',
  'GET /api/v1/alerts/{id}': '*',
  'POST /api/v1/alerts/{id}/acknowledge': 's',
  'POST /api/v1/alerts/{id}/resolve': 's',
  'GET /api/v1/schemes/current': '**',
  'GET /api/v1/schemes': '**',
  'POST /api/v1/schemes': 'a',
  'POST /api/v1/schemes/preview': 'a',
  'GET /api/v1/schemes/{version}': '**',
  'GET /api/v1/bulletins/{month}': '*',
  'GET /api/v1/bulletins': '*',
  'POST /api/v1/bulletins/{month}/issue': 's',
  'GET /api/v1/issued-bulletins/{id}': '*',
  'GET /api/v1/issued-bulletins/{id}/reads': 's',
  'GET /api/v1/funds': '*',
  'POST /api/v1/fund-projects': 's',
  'POST /api/v1/fund-projects/batch': 's',
  'GET /api/v1/fund-projects': '*',
  'GET /api/v1/fund-projects/{id}': '*',
  'POST /api/v1/fund-entries': 'su',
  'POST /api/v1/fund-entries/batch': 'su',
  'GET /api/v1/job-runs': 'sa',
  'GET /api/v1/job-runs/schedules': 'sa',
  'GET /api/v1/inbox': '**',
  'POST /api/v1/inbox/{id}/read': '**',
  'GET /api/v1/notifications/subscriptions': 'a',
  'PUT /api/v1/notifications/subscriptions': 'a',
  'GET /api/v1/notifications/dead-letters': 'a',
  'POST /api/v1/notifications/dead-letters/{id}/retry': 'a',
  'POST /api/v1/imports/rectification-ledger': 'is',
  'POST /api/v1/imports/rectification-ledger/updates': 'u',
  'GET /api/v1/imports/{id}/annotated': 'is',
  'POST /api/v1/imports/organisation': 'a',
  'GET /api/v1/imports/organisation/{id}/annotated': 'a',
  'POST /api/v1/imports/past-records': 's',
  'GET /api/v1/imports/past-records/{id}/annotated': 's',
  'GET /api/v1/migrations': 'isa',
  'GET /api/v1/migrations/{id}/check': 'isa',
  'GET /api/v1/exports/findings.xlsx': '*',
  'GET /api/v1/exports/rectifications.xlsx': '*',
  'GET /api/v1/exports/petitions.xlsx': 'is',
  'GET /api/v1/exports/signals.xlsx': '*',
  'GET /api/v1/exports/cases.xlsx': 'isv',
  'GET /api/v1/exports/alerts.xlsx': '*',
  'GET /api/v1/exports/ranking-snapshot.xlsx': '*',
  'GET /api/v1/exports/bulletin.xlsx': '*',
  'GET /api/v1/operation-log': 'y',
  'POST /api/v1/evidence/uploads': 'uvi',
  'GET /api/v1/rectifications/{id}/evidence/{evidenceId}': '*',
  'GET /api/v1/{collection}/{id}/events': '*',
  'GET /api/v1/{collection}/{id}': '*',
};

const CLEAR = { name: '赵铁柱', phone: '13912345678', idNumber: '11010519491231002X' };
const CLEAR_FORMS = [CLEAR.name, CLEAR.phone, CLEAR.idNumber];

let h: Harness;
let routes: RouteInfo[];
const ids: Record<string, string> = {};
const home = (role: Role) =>
  role === 'unit_officer'
    ? 'ds-a'
    : ['admin', 'security_admin', 'audit_admin'].includes(role)
      ? 'city'
      : 'ds';

beforeAll(async () => {
  h = await startHarness();
  routes = (await routeTable(h.app)).filter((r) => !r.public);
  const inspector = await h.token('inspector');
  const sup = await h.token('supervisor');
  const f = await h.call('POST', '/api/v1/findings', {
    token: inspector,
    body: {
      unitId: 'ds-a',
      category: 'inaction',
      severity: 'general',
      source: 'inspection',
      description: '矩阵测试',
      discoveredOn: '2025-05-02',
    },
  });
  const finding = (await f.json()) as { id: string; rectificationId: string };
  ids.findings = finding.id;
  ids.rectifications = finding.rectificationId;
  const p = await h.call('POST', '/api/v1/petitions', {
    token: sup,
    body: {
      petitioner: CLEAR,
      channel: 'letter',
      levelReceived: 'county',
      unitId: 'ds-a',
      category: 'embezzling',
      matter: '反映扶贫资金问题',
      receivedAt: '2025-05-03T10:00:00+08:00',
    },
  });
  ids.petitions = ((await p.json()) as { id: string }).id;
  const fp = await h.call('POST', '/api/v1/fund-projects', {
    token: sup,
    body: { unitId: 'ds-a', name: '矩阵测试项目', plannedCompletion: '2025-03-31', allocatedFen: 100 },
  });
  ids['fund-projects'] = ((await fp.json()) as { id: string }).id;
  const issued = await h.call('POST', '/api/v1/bulletins/2025-04/issue', { token: sup, body: {} });
  ids.bulletins = ((await issued.json()) as { id: string }).id;
  ids['issued-bulletins'] = ids.bulletins;
});
afterAll(() => h.close());

const idFor = (route: RouteInfo, name: string): string => {
  if (name === 'collection') return 'findings';
  if (name === 'month') return '2025-05';
  if (name === 'version') return '1';
  const resource = route.path.split('/')[3] ?? '';
  if (route.path.startsWith('/api/v1/units/')) return 'ds-a';
  if (route.path.startsWith('/api/v1/rankings/units/')) return 'ds-a';
  if (route.path === '/api/v1/{collection}/{id}' || route.path === '/api/v1/{collection}/{id}/events')
    return ids.findings!;
  return ids[resource] ?? 'no-such-record';
};

describe('every role against every route', () => {
  it('has a spec entry for every route of the route table (no route forgotten)', () => {
    const missing = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((k) => !(k in SPEC));
    expect(missing).toEqual([]);
  });

  it('refuses exactly the roles the spec does not give the route, and never leaks petitioner identity', async () => {
    const wrong: string[] = [];
    const leaks: string[] = [];
    for (const route of routes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const spec = SPEC[key] ?? '';
      const allowed = roles(spec);
      for (const role of ROLES) {
        const token = await h.token(role, home(role));
        const url = fillPath(route.path, (n) => idFor(route, n));
        const res = await h.call(route.method.toUpperCase(), url, {
          token,
          ...(route.method === 'get' ? {} : { body: {} }),
        });
        const text = await res.text();
        const refused = res.status === 401 || res.status === 403;
        if (allowed.includes(role) === refused)
          wrong.push(`${role} ${key} → ${res.status} ${text.slice(0, 100)}`);
        if (res.status >= 500) wrong.push(`${role} ${key} → ${res.status}`);
        for (const form of CLEAR_FORMS) if (text.includes(form)) leaks.push(`${role} ${key} shows ${form}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('gives every spelling of a route the answer of its canonical path, and never more access', async () => {
    /** Spellings the router must take as the same route (percent-encoded letters, slashes, dot segments). */
    const same: [string, (url: string) => string][] = [
      ['encoded letter', (u) => u.replace('/api/', '/%61pi/')],
      ['encoded version', (u) => u.replace('/v1/', '/%76%31/')],
      ['doubled slashes', (u) => u.replace('/api/v1/', '//api//v1//')],
      ['trailing slash', (u) => `${u}/`],
      ['dot segments', (u) => u.replace('/api/v1/', '/api/v1/x/../')],
      ['encoded dot segments', (u) => u.replace('/api/v1/', '/api/v1/x/%2e%2e/')],
    ];
    /** Spellings that are another path: not found, or the same answer — never a success the canonical lacks. */
    const other: [string, (url: string) => string][] = [
      ['upper case', (u) => u.replace('/api/v1/', '/API/V1/')],
      ['encoded slash', (u) => u.replace('/api/v1/', '/api%2Fv1/')],
    ];
    const wrong: string[] = [];
    for (const route of routes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const allowed = roles(SPEC[key] ?? '');
      const pick = [ROLES.find((r) => !allowed.includes(r)), ROLES.find((r) => allowed.includes(r))];
      const url = fillPath(route.path, (n) => idFor(route, n));
      const method = route.method.toUpperCase();
      for (const role of pick.filter((r): r is Role => r !== undefined)) {
        const token = await h.token(role, home(role));
        const send = (u: string, m = method, headers: Record<string, string> = {}) =>
          h.call(m, u, { token, headers, ...(m === 'GET' || m === 'HEAD' ? {} : { body: {} }) });
        const canonical = (await send(url)).status;
        const tries: [string, Promise<Response>][] = same.map(([name, f]) => [name, send(f(url))]);
        tries.push([
          'method override',
          send(url, method, { 'x-http-method-override': 'DELETE', 'x-http-method': 'PUT' }),
        ]);
        if (method === 'GET') tries.push(['HEAD', send(url, 'HEAD')]);
        for (const [name, res] of tries) {
          const status = (await res).status;
          if (status !== canonical) wrong.push(`${role} ${key} ${name}: ${status}, canonical ${canonical}`);
        }
        for (const [name, f] of other) {
          const status = (await send(f(url))).status;
          if (status !== canonical && status !== 404)
            wrong.push(`${role} ${key} ${name}: ${status}, canonical ${canonical}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404 for a record of another county, the same as for a missing one', async () => {
    const reads = routes.filter((r) => r.method === 'get' && r.pathParams.includes('id'));
    expect(reads.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const route of reads) {
      const key = `GET ${route.path}`;
      const spec = SPEC[key] ?? '';
      const role: Role = roles(spec).includes('supervisor') ? 'supervisor' : (roles(spec)[0] ?? 'inspector');
      const url = fillPath(route.path, (n) => idFor(route, n));
      const inside = await h.call('GET', url, { token: await h.token(role, 'ds') });
      const outside = await h.call('GET', url, { token: await h.token(role, 'xs') });
      const missing = await h.call(
        'GET',
        fillPath(route.path, (n) => (n === 'id' ? 'no-such-record' : idFor(route, n))),
        {
          token: await h.token(role, 'ds'),
        },
      );
      const realRecord = inside.status === 200;
      if (realRecord && outside.status !== 404) wrong.push(`${key}: another county got ${outside.status}`);
      if (realRecord && missing.status !== 404) wrong.push(`${key}: a missing record got ${missing.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reveals the petitioner only to a supervisor of the jurisdiction, with a reason, and logs it', async () => {
    const url = `/api/v1/petitions/${ids.petitions}/reveal`;
    const sup = await h.token('supervisor');
    const noReason = await h.call('POST', url, { token: sup, body: {} });
    expect(noReason.status).toBe(400);
    const other = await h.call('POST', url, {
      token: await h.token('supervisor', 'xs'),
      body: { reason: '核查' },
    });
    expect(other.status).toBe(404);
    const ok = await h.call('POST', url, { token: sup, body: { reason: '核实信访人身份，回访' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(CLEAR.phone);
    const hist = await h.call('GET', `/api/v1/petitions/${ids.petitions}/events`, { token: sup });
    const text = await hist.text();
    expect(text).toContain('petition.reveal');
    for (const form of CLEAR_FORMS) expect(text).not.toContain(form);
  });
});
