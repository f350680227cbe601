/**
 * Proof (DESIGN §8, issue 5): generated bad requests — wrong types, missing fields, oversized bodies and
 * fields, invalid JSON, bad cursors, unknown enum values, injection strings, invalid and expired tokens,
 * wrong content types — against every route of the route table: no 5xx, every answer problem+json,
 * and nothing stored. `npm test` sends BAD_REQUESTS (default 2,000); `npm run bench` sends 10,000.
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
let countBefore = 0;

async function countItems(): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await h.deps.doc.send(
      new ScanCommand({ TableName: h.deps.tableName, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    n += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return n;
}

beforeAll(async () => {
  h = await startHarness();
  routes = routeTable(h.app);
  tokens = [
    await h.token('admin', 'city'),
    await h.token('supervisor'),
    await h.token('inspector'),
    await h.token('reviewer'),
    await h.token('unit_officer', 'ds-a'),
    await h.token('viewer'),
  ];
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
    'badQuery',
    'badPath',
  ] as const;
  // A route without path parameters has no bad path to send; pick again among the others.
  const usable = kinds.filter(
    (k) =>
      (k !== 'badPath' || route.pathParams.length > 0) &&
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
      `bad-requests: ${TOTAL} tried, ${fiveXx} answered 5xx, ${failures.length} not a 4xx problem+json, ${seen.size} kinds, items stored ${itemsAfter - countBefore}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...seen.keys()].length).toBeGreaterThanOrEqual(12);
    expect(itemsAfter).toBe(countBefore);
  });
});
