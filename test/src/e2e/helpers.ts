/**
 * What every browser test file shares: one stack and one Chromium per file, signing in through the form or
 * by the kept session, a screen's screenshot + axe check, and API shortcuts that prepare data where the UI
 * path is not the point.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { collectErrors, launchBrowser, newContext, visit } from '../support/browser.js';
import { type BrowserStack, PASSWORD, type SignedIn, startBrowserStack } from '../support/stack.js';

export interface E2E {
  readonly stack: BrowserStack;
  readonly browser: Browser;
  signIn(page: Page, username: string): Promise<void>;
  openAs(
    who: SignedIn,
    path: string,
    o?: { viewport?: { width: number; height: number } },
  ): ReturnType<typeof openAs>;
  createFinding(
    who: SignedIn,
    unitId: string,
    description: string,
    more?: Record<string, unknown>,
  ): ReturnType<typeof createFinding>;
  rectOf(who: SignedIn, id: string): Promise<RectView>;
  untilState(who: SignedIn, id: string, state: string): Promise<void>;
  act(who: SignedIn, id: string, action: object): Promise<void>;
}

/** Starts the stack and the browser before the file's tests, stops them after. */
export function e2eSuite(): E2E {
  let stack: BrowserStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBrowserStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const e: E2E = {
    get stack() {
      if (!stack) throw new Error('the stack is not started');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started');
      return browser;
    },
    signIn: (page, username) => signInThroughForm(e, page, username),
    openAs: (who, path, o = {}) => openAs(e, who, path, o),
    createFinding: (who, unitId, description, more = {}) => createFinding(e, who, unitId, description, more),
    rectOf: (who, id) => rectOf(e, who, id),
    untilState: (who, id, state) => untilState(e, who, id, state),
    act: (who, id, action) => actApi(e, who, id, action),
  };
  return e;
}

/** Screenshot + axe on the screen: no serious or critical violation, none exempted. */
export async function look(page: Page, name: string) {
  expect(await visit(page, name), `axe on ${name}`).toEqual([]);
}

export async function signInThroughForm(e: E2E, page: Page, username: string) {
  await page.goto(`${e.stack.base}/signin`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** A fresh context signed in as `who` (the session the SPA keeps), on `path`. */
export async function openAs(
  e: E2E,
  who: SignedIn,
  path: string,
  o: { viewport?: { width: number; height: number } } = {},
) {
  const ctx = await newContext(e.browser, { session: who, ...o });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(`${e.stack.base}${path}`);
  return { ctx, page, errors };
}

export async function createFinding(
  e: E2E,
  who: SignedIn,
  unitId: string,
  description: string,
  more: Record<string, unknown> = {},
) {
  const r = await e.stack.api<{ id: string; rectificationId: string }>(who, 'POST', '/api/v1/findings', {
    unitId,
    category: 'inaction',
    severity: 'general',
    source: 'inspection',
    description,
    // Today in the scheme's zone: live intake takes what happens now (older findings are imported).
    discoveredOn: new Date(e.stack.h.deps.clock() + 8 * 3_600_000).toISOString().slice(0, 10),
    ...more,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export interface RectView {
  id: string;
  state: string;
  version: number;
  deadline: string;
  extensions: { decision: string; requestedDeadline: string }[];
  evidence: { id: string; fileName: string; sha256: string; size: number }[];
}

export async function rectOf(e: E2E, who: SignedIn, id: string): Promise<RectView> {
  const r = await e.stack.api<RectView>(who, 'GET', `/api/v1/rectifications/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

/** Polls the API until the rectification is in `state` (the UI's action went through). */
export async function untilState(e: E2E, who: SignedIn, id: string, state: string) {
  await expect
    .poll(async () => (await rectOf(e, who, id)).state, { timeout: 60_000, interval: 500 })
    .toBe(state);
}

export async function actApi(e: E2E, who: SignedIn, id: string, action: object) {
  const { version } = await rectOf(e, who, id);
  const r = await e.stack.api(who, 'POST', `/api/v1/rectifications/${id}/actions`, {
    action,
    expectedVersion: version,
  });
  expect(r.status).toBe(200);
}

/** The quarter `back` quarters before the one holding `ms` (in Asia/Shanghai), e.g. 2026Q3. */
export function quarterBefore(ms: number, back: number): string {
  const local = new Date(ms + 8 * 3_600_000);
  let index = local.getUTCFullYear() * 4 + Math.floor(local.getUTCMonth() / 3) - back;
  const year = Math.floor(index / 4);
  index -= year * 4;
  return `${year}Q${index + 1}`;
}

/** A day in the middle of quarter `q` (its second month, the 12th). */
export const midQuarter = (q: string): string =>
  `${q.slice(0, 4)}-${String((Number(q.slice(5)) - 1) * 3 + 2).padStart(2, '0')}-12`;

/**
 * A county of its own (南湖县, fresh ids per call) with three townships, where 云岭镇 (`c`) has one grave
 * finding in each of the two quarters before now and leaders in post; the first of those quarters is
 * published already (云岭镇 carded), so publishing the second proposes an accountability case.
 */
export async function prepareCardedCounty(e: E2E) {
  const { stack } = e;
  // Fresh ids per attempt: a retried test must not meet the units or the snapshots of the first try.
  const county = `nh${Date.now().toString(36)}`;
  const [a, b, c] = [`${county}-a`, `${county}-b`, `${county}-c`];
  const admin = (await stack.user('admin', 'city')).session;
  for (const [id, name, kind, parentId] of [
    [county, '南湖县', 'county', 'city'],
    [a, '桃溪镇', 'township', county],
    [b, '石桥乡', 'township', county],
    [c, '云岭镇', 'township', county],
  ] as const) {
    const r = await stack.api(admin, 'POST', '/api/v1/units', {
      id,
      name,
      kind,
      parentId,
      code: id.toUpperCase(),
      aliases: [],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  const now = stack.h.deps.clock();
  const first = quarterBefore(now, 2);
  const second = quarterBefore(now, 1);
  // 云岭镇's leaders: the principal all along, the deputy in charge from the first quarter's middle.
  for (const [person, personName, post, from] of [
    [`${county}-p1`, '周明远', 'principal', `${first.slice(0, 4)}-01-01`],
    [`${county}-p2`, '吴晓芳', 'deputy_in_charge', midQuarter(first)],
  ] as const) {
    const r = await stack.api(admin, 'POST', '/api/v1/tenures', {
      tenure: { id: `${person}-t`, personId: person, unitId: c, post, from, to: null },
      personName,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  // One grave finding against 云岭镇 in each quarter makes it the last of three, twice in a row.
  const inspector = (await stack.user('inspector', county)).session;
  const supervisor = (await stack.user('supervisor', county)).session;
  // Findings of past quarters are history: live intake refuses them, the past-records import takes them.
  const csv = [
    '发现日期,单位,问题类别,严重程度,问题描述,来源,整改时限',
    ...[first, second].map(
      (q) =>
        `${midQuarter(q)},云岭镇,挪用,严重,云岭镇：${q} 产业扶贫项目资金挪用,督查巡查,${Number(q.slice(0, 4)) + 2}-12-31`,
    ),
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new File([csv], '南湖县历史问题.csv'));
  const imported = await stack.h.app.request('/api/v1/imports/past-records?dryRun=false', {
    method: 'POST',
    headers: { authorization: `Bearer ${supervisor.token}` },
    body: form,
  });
  const report = (await imported.json()) as { sheets: { counts: { created: number } }[] };
  expect(imported.status, JSON.stringify(report)).toBe(200);
  expect(report.sheets[0]?.counts.created).toBe(2);
  const groupKey = `county-townships@${county}`;
  const earlier = await stack.api<{ cards: { unitId: string }[] }>(
    supervisor,
    'POST',
    '/api/v1/rankings/publish',
    {
      quarter: first,
      groupKey,
    },
  );
  expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
  expect(earlier.body.cards.map((x) => x.unitId)).toEqual([c]);

  return { county, a, b, c, first, second, groupKey, supervisor, inspector, admin };
}
