/**
 * Proof (DESIGN §8, issue 5): generated bad requests — wrong types, missing fields, oversized bodies and
 * fields, invalid JSON, bad cursors, unknown enum values, injection strings, invalid and expired tokens,
 * wrong content types, and real cursors sent where they do not belong (another list's, another caller's,
 * under another filter, forged or truncated; issue 12) — against every route of the route table: no
 * 5xx, every answer problem+json, and nothing stored. `npm test` sends BAD_REQUESTS (default 2,000); `npm run bench` sends 10,000.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Harness, startHarness } from '@jiandu/functions/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Seeded, seeded } from '../support/random.js';
import { fillPath, type RouteInfo, routeTable } from '../support/routes.js';

const TOTAL = Number(process.env.BAD_REQUESTS ?? 2000);

const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE jiandu; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style injection string, on purpose
  '${jndi:ldap://127.0.0.1/a}',
  '../../../../etc/passwd',
  '{"$ne": null}',
  'attribute_not_exists(pk)',
  '#pk = :pk',
  '\u0000\u0001\u0002',
  '😀'.repeat(50),
  'A'.repeat(100_000),
  '2025-02-30',
  '2025-13-01T00:00:00+08:00',
  '-1',
  '1e309',
  '__proto__',
];

let h: Harness;
let routes: RouteInfo[];
let tokens: string[];
/** The unit officer of 青松镇 (ds-a): a unitId=ds-a filter is no filter for them. */
let officerAtDsA: string;
let countBefore = 0;
/** Real cursors each token was given: a page of one finding and of one rectification. */
let cursorsOf: Map<string, { path: string; cursor: string }[]>;

/**
 * The items of the table — but for what a well-formed sign-in with wrong credentials must leave (ASVS
 * V2.2.1, V7.1): the sign-in guard's counters (SIGNIN#…) and the operation log's failed sign-ins and
 * lockouts. A bad request stores nothing else.
 */
async function countItems(): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await h.deps.doc.send(
      new ScanCommand({
        TableName: h.deps.tableName,
        Select: 'COUNT',
        ExclusiveStartKey: start,
        FilterExpression: 'NOT begins_with(pk, :guard) AND NOT (#action IN (:f, :l, :ef, :el))',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: {
          ':guard': 'SIGNIN#',
          ':f': 'sign-in-failed',
          ':l': 'lockout',
          ':ef': 'oplog.sign-in-failed',
          ':el': 'oplog.lockout',
        },
      }),
    );
    n += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return n;
}

beforeAll(async () => {
  h = await startHarness();
  // Sign-out takes no input to get wrong: with a token and `{}` it is a good request (it ends the
  // session); its bad inputs are in functions/src/routes/accounts.test.ts.
  routes = (await routeTable(h.app)).filter((r) => r.path !== '/api/v1/auth/sign-out');
  tokens = [
    await h.token('admin', 'city'),
    await h.token('supervisor'),
    await h.token('inspector'),
    await h.token('reviewer'),
    await h.token('unit_officer', 'ds-a'),
    await h.token('viewer'),
  ];
  officerAtDsA = tokens[4] as string;
  // Records to page through, so each caller holds real cursors of two lists (stored before counting).
  const inspector = await h.token('inspector');
  for (let i = 0; i < 3; i++) {
    const res = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: {
        unitId: 'ds-a',
        category: 'formalism',
        severity: 'serious',
        source: 'inspection',
        description: `台账流于形式 ${i}`,
        amountFen: 0,
        discoveredOn: '2025-05-10',
      },
    });
    expect(res.status).toBe(201);
  }
  cursorsOf = new Map();
  for (const token of tokens) {
    const held: { path: string; cursor: string }[] = [];
    for (const path of ['/api/v1/findings', '/api/v1/rectifications']) {
      const res = await h.call('GET', `${path}?limit=1`, { token });
      const { cursor } = (await res.json()) as { cursor?: string | null };
      if (cursor) held.push({ path, cursor });
    }
    cursorsOf.set(token, held);
  }
  expect([...cursorsOf.values()].flat().length).toBeGreaterThanOrEqual(tokens.length * 2 - 2);
  countBefore = await countItems();
});
afterAll(() => h.close());

type Bad = { route: RouteInfo; url: string; init: RequestInit; kind: string };

function badRequest(route: RouteInfo, rnd: Seeded, token: string): Bad {
  const pick = <T>(xs: readonly T[]): T => xs[rnd.nextInt(0, xs.length - 1)]!;
  const id = () => pick(['nope', ...INJECTIONS.slice(0, 9), 'x'.repeat(80), '01ABCDEF']);
  const kinds = [
    'noToken',
    'badToken',
    'wrongTypes',
    'unknownField',
    'missingFields',
    'injection',
    'bigField',
    'badJson',
    'contentType',
    'badCursor',
    'crossListCursor',
    'otherCallerCursor',
    'otherFilterCursor',
    'forgedCursor',
    'badQuery',
    'badPath',
  ] as const;
  const own = cursorsOf.get(token) ?? [];
  const others = tokens.filter((t) => t !== token).flatMap((t) => cursorsOf.get(t) ?? []);
  const needsOwn = ['crossListCursor', 'otherFilterCursor', 'forgedCursor'];
  // A route without path parameters has no bad path to send, a public one (the issuer's key set) no token
  // to get wrong; pick again among the others.
  const usable = kinds.filter(
    (k) =>
      (k !== 'badPath' || route.pathParams.length > 0) &&
      (!route.public || (k !== 'noToken' && k !== 'badToken')) &&
      (!needsOwn.includes(k) || own.length > 0) &&
      (k !== 'otherCallerCursor' || others.length > 0) &&
      (route.method !== 'get' ||
        ![
          'wrongTypes',
          'unknownField',
          'missingFields',
          'injection',
          'bigField',
          'badJson',
          'contentType',
        ].includes(k)),
  );
  const kind = pick(usable);
  const url0 = fillPath(route.path, () => (kind === 'badPath' ? id() : 'missing-record-id'));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  const props = Object.keys(route.bodyProps);
  const wrong = () => pick<unknown>([123, -1.5, true, null, [], {}, 'text', '', 1e308, [1, 2], { a: 1 }]);
  let body: string | undefined = route.method === 'get' ? undefined : '{}';
  let url = url0;
  switch (kind) {
    case 'noToken':
      delete headers.authorization;
      break;
    case 'badToken':
      headers.authorization = pick([
        'Bearer abc',
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
        `Bearer ${token.slice(0, -4)}AAAA`,
        'Basic dXNlcjpwYXNz',
        `Bearer ${token}x`,
        '',
      ]);
      break;
    case 'wrongTypes':
      body = JSON.stringify(Object.fromEntries(props.map((p) => [p, wrong()])));
      break;
    case 'unknownField':
      body = JSON.stringify({
        ...Object.fromEntries(props.map((p) => [p, wrong()])),
        unexpected: 1,
        __proto__x: 2,
      });
      break;
    case 'missingFields':
      body = JSON.stringify(pick([{}, [], null, 0, '']));
      break;
    case 'injection':
      body = JSON.stringify(Object.fromEntries(props.map((p) => [p, pick(INJECTIONS)])));
      break;
    case 'bigField':
      body = JSON.stringify(Object.fromEntries(props.map((p) => [p, 'Z'.repeat(pick([5000, 70_000]))])));
      break;
    case 'badJson':
      body = pick(['{', '{"a":', 'nul', '[1,2', '{"a":1}}', '\u0000', "{'a':1}"]);
      break;
    case 'contentType':
      headers['content-type'] = pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ]);
      body = body ?? 'a=1';
      break;
    case 'badCursor':
      url = `${url0}?cursor=${encodeURIComponent(pick(['!!!', 'eyJwayI6MX0', Buffer.from('{"pk":"x","evil":"y"}').toString('base64url'), 'A'.repeat(3000), 'e30']))}`;
      break;
    case 'crossListCursor': {
      // A real cursor of this caller, from a list other than this route (a list's own cursor is good there).
      const foreign = own.filter((c) => c.path !== route.path);
      const c = pick(foreign.length > 0 ? foreign : own);
      url = `${url0}?cursor=${encodeURIComponent(c.cursor)}${c.path === route.path ? '&state=open' : ''}`;
      break;
    }
    case 'otherCallerCursor':
      url = `${url0}?cursor=${encodeURIComponent(pick(others).cursor)}`;
      break;
    case 'otherFilterCursor': {
      const c = pick(own);
      // `unitId=ds-a` names the whole jurisdiction of the officer at ds-a: the same list as without it,
      // on which the cursor is good (answered 200), so it is another filter only for the other callers.
      const filter = pick([
        'state=open',
        ...(token === officerAtDsA ? [] : ['unitId=ds-a']),
        'from=2025-01-01',
        'severity=serious',
        'to=2025-12-31',
      ]);
      url = `${url0}?${filter}&cursor=${encodeURIComponent(c.cursor)}`;
      break;
    }
    case 'forgedCursor': {
      const [v, payload, mac] = pick(own).cursor.split('.') as [string, string, string];
      const forgedKey = Buffer.from(
        JSON.stringify(
          pick([
            { pk: 'finding#x', sk: 'state' },
            { gsi1pk: 'list#user', gsi1sk: 'a', pk: 'user#a', sk: 'state' },
          ]),
        ),
      ).toString('base64url');
      const flip = (x: string) => `${x.slice(0, 5)}${x[5] === 'A' ? 'B' : 'A'}${x.slice(6)}`;
      const forged = pick([
        `${v}.${forgedKey}.${mac}`,
        `${v}.${flip(payload)}.${mac}`,
        `${v}.${payload}.${flip(mac)}`,
        `${v}.${payload}.${mac}`.slice(0, -pick([1, 7, 43])),
        `${v}.${payload}`,
        Buffer.from(Buffer.from(payload, 'base64url').toString('utf8')).toString('base64url'),
      ]);
      url = `${url0}?cursor=${encodeURIComponent(forged)}`;
      break;
    }
    case 'badQuery':
      url = `${url0}?${pick(['limit=-5', 'limit=abc', 'limit=100000', 'state=%27%20OR', 'from=2025-02-30', 'unknownParam=1', 'unitId=../../x', 'quarter=2025Q9'])}`;
      break;
    case 'badPath':
      break;
  }
  if (route.method === 'get') body = undefined;
  return {
    route,
    url,
    kind,
    init: { method: route.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) },
  };
}

describe('generated bad requests against every route', () => {
  it('are all answered with a 4xx problem+json and store nothing', async () => {
    expect(routes.length).toBeGreaterThan(10);
    const rnd = seeded(20251123);
    const seen = new Map<string, number>();
    const failures: string[] = [];
    // A few oversized bodies (over the 2 MB limit) — each is large, so not thousands of them.
    const big = JSON.stringify({ description: 'X'.repeat(3 * 1024 * 1024) });
    for (let i = 0; i < TOTAL; i++) {
      const route = routes[i % routes.length]!;
      const token = tokens[rnd.nextInt(0, tokens.length - 1)]!;
      const bad =
        i % 500 === 499 && route.method !== 'get'
          ? {
              route,
              url: fillPath(route.path, () => 'x'),
              kind: 'oversized',
              init: {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: big,
              },
            }
          : badRequest(route, rnd, token);
      const res = await h.app.request(bad.url, bad.init);
      const text = await res.text();
      seen.set(bad.kind, (seen.get(bad.kind) ?? 0) + 1);
      const ok =
        res.status >= 400 &&
        res.status < 500 &&
        (res.headers.get('content-type') ?? '').includes('application/problem+json') &&
        !/\bat .+\.(ts|js):\d+/.test(text);
      // A batch answers item by item: a 200 whose every item is rejected is the right answer to bad items.
      const batchAllRejected =
        res.status === 200 &&
        bad.route.path.endsWith('/batch') &&
        (() => {
          try {
            const items = (JSON.parse(text) as { items: { status: string }[] }).items;
            return items.length > 0 && items.every((x) => x.status === 'rejected');
          } catch {
            return false;
          }
        })();
      if (!ok && !batchAllRejected)
        failures.push(
          `${bad.kind} ${bad.init.method} ${bad.url.slice(0, 120)} → ${res.status} ${text.slice(0, 160)}`,
        );
    }
    const itemsAfter = await countItems();
    const fiveXx = failures.filter((f) => / → 5\d\d /.test(f)).length;
    console.info(
      `bad-requests: ${TOTAL} tried, ${fiveXx} answered 5xx, ${failures.length} not a 4xx problem+json, ${seen.size} kinds (${[...seen].map(([k, n]) => `${k} ${n}`).join(', ')}), items stored ${itemsAfter - countBefore}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...seen.keys()].length).toBeGreaterThanOrEqual(16);
    for (const k of ['crossListCursor', 'otherCallerCursor', 'otherFilterCursor', 'forgedCursor'])
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    expect(itemsAfter).toBe(countBefore);
  });
});
