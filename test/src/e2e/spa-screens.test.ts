/**
 * Every screen, as a person who uses it, on a desktop (1280 px) and on a phone (375 px): the menu of each
 * role is read from the page itself (so a screen added to the menu is visited the day it appears), plus
 * the screens reached from lists (details, new forms, the printable bulletin, the admin sections). Each is
 * checked by axe-core (no serious or critical violation) at both widths in Chinese, must not scroll
 * sideways on the phone, and must log no error to the console. In English each must show every string
 * translated; axe is not run a second time there: the language changes the words, not the elements,
 * roles, labels' presence or colours axe checks, and it was a third of this file's time (≈ 2 s a screen).
 */

import type { Role } from '@jiandu/shared';
import * as shared from '@jiandu/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, newContext, PHONE, scrollWidth, visit } from '../support/browser.js';
import type { SignedIn } from '../support/stack.js';
import { e2eSuite, prepareCardedCounty } from './helpers.js';

const e = e2eSuite();

/** Every code of the core's labelled enums that could only be a key when shown (it has an underscore). */
const CODES = (Object.values(shared) as unknown[])
  .flatMap((v) =>
    typeof v === 'object' && v !== null && 'labels' in v && Array.isArray((v as { codes?: unknown }).codes)
      ? (v as unknown as { codes: string[] }).codes
      : [],
  )
  .filter((c) => c.includes('_'));

interface Screen {
  name: string;
  path: string;
  who: SignedIn;
}

/** A page kept per person and viewport, with what it logged since the last screen. */
interface Tab {
  ctx: BrowserContext;
  page: Page;
  problems: string[];
}

async function tabOf(
  who: SignedIn,
  viewport: { width: number; height: number },
  lang: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Tab> {
  const ctx = await newContext(e.browser, { session: who, viewport, lang });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (x) => problems.push(`pageerror: ${x.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  return { ctx, page, problems };
}

async function menuOf(tab: Tab): Promise<string[]> {
  await tab.page.goto(`${e.stack.base}/`);
  await tab.page.locator('nav a[data-testid^="nav-"]').first().waitFor();
  return tab.page
    .locator('nav a[data-testid^="nav-"]')
    .evaluateAll((as) =>
      as.map((a) => (a as { getAttribute(n: string): string | null }).getAttribute('href') ?? ''),
    );
}

/** The screens to visit, each with who visits it; built once for the file. */
async function screensToVisit(): Promise<Screen[]> {
  const { stack } = e;
  const nh = await prepareCardedCounty(e);
  const published = await stack.api<{ proposedCaseIds: string[] }>(
    nh.supervisor,
    'POST',
    '/api/v1/rankings/publish',
    { quarter: nh.second, groupKey: nh.groupKey },
  );
  expect(published.status).toBe(201);
  const caseId = published.body.proposedCaseIds[0] ?? '';
  const finding = await e.createFinding(nh.inspector, nh.c, '云岭镇：易地搬迁安置点配套设施未完工');
  const petition = await stack.api<{ id: string }>(nh.supervisor, 'POST', '/api/v1/petitions', {
    petitioner: { name: '陈小禾', phone: '13900002345' },
    channel: 'visit',
    levelReceived: 'county',
    unitId: nh.c,
    category: 'inaction',
    matter: '云岭镇：搬迁补助迟迟未到位',
    receivedAt: new Date(stack.h.deps.clock()).toISOString(),
  });
  expect(petition.status).toBe(201);
  const signal = await stack.api(nh.supervisor, 'POST', '/api/v1/signals', {
    platform: '本地论坛',
    url: `https://forum.example.org/t/${nh.county}`,
    title: '云岭镇安置点停水三天无人管',
    publishedAt: new Date(stack.h.deps.clock() - 3_600_000).toISOString(),
    reach: { reads: 5200, reposts: 86, comments: 40 },
    polarity: 'negative',
    severity: 'major',
    unitId: nh.c,
  });
  expect(signal.status).toBe(201);
  const year = Number(nh.second.slice(0, 4));
  const indicator = await stack.api(nh.supervisor, 'POST', '/api/v1/indicators', {
    unitId: nh.c,
    year,
    name: '易地搬迁入住率',
    measure: '%',
    target: 100,
    actuals: [20, 45, null, null],
  });
  expect(indicator.status).toBe(201);

  const people: [Role, string][] = [
    ['supervisor', nh.county],
    ['inspector', nh.county],
    ['unit_officer', nh.c],
    ['reviewer', nh.county],
    ['viewer', nh.county],
    ['admin', 'city'],
    ['security_admin', 'city'],
    ['audit_admin', nh.county],
  ];
  const sessions = new Map<Role, SignedIn>();
  for (const [role, unitId] of people) sessions.set(role, (await stack.user(role, unitId)).session);
  const as = (role: Role) => sessions.get(role) as SignedIn;

  // The menu of each role, read from the page: the first role that has a screen visits it; home for all.
  const screens: Screen[] = [];
  const seen = new Set<string>();
  for (const [role] of people) {
    const tab = await tabOf(as(role), DESKTOP);
    for (const href of await menuOf(tab)) {
      if (href === '/') screens.push({ name: `home-${role}`, path: '/', who: as(role) });
      else if (!seen.has(href)) {
        seen.add(href);
        screens.push({ name: href.slice(1).replaceAll('/', '-'), path: href, who: as(role) });
      }
    }
    await tab.ctx.close();
  }
  expect(seen.size, [...seen].join(' ')).toBeGreaterThanOrEqual(10);
  const month = new Date(stack.h.deps.clock() + 8 * 3_600_000).toISOString().slice(0, 7);
  screens.push(
    { name: 'finding-new', path: '/findings/new', who: as('inspector') },
    { name: 'finding', path: `/findings/${finding.id}`, who: as('inspector') },
    { name: 'rectification', path: `/rectifications/${finding.rectificationId}`, who: as('unit_officer') },
    { name: 'petition-new', path: '/petitions/new', who: as('supervisor') },
    { name: 'petition', path: `/petitions/${petition.body.id}`, who: as('supervisor') },
    { name: 'case', path: `/cases/${caseId}`, who: as('inspector') },
    { name: 'ranking-history', path: `/rankings/units/${nh.c}`, who: as('unit_officer') },
    {
      name: 'rankings-published',
      path: `/rankings?quarter=${nh.second}&group=${encodeURIComponent(nh.groupKey)}&mode=published`,
      who: as('supervisor'),
    },
    { name: 'indicators-officer', path: `/indicators?quarter=${nh.second}`, who: as('unit_officer') },
    {
      name: 'bulletin-print',
      path: `/bulletins/print?month=${month}&unitId=${nh.county}`,
      who: as('viewer'),
    },
    { name: 'admin-users', path: '/admin/users', who: as('admin') },
    { name: 'admin-schemes', path: '/admin/schemes', who: as('admin') },
  );
  return screens;
}

/**
 * Visits every screen as its person at each viewport, in a language; answers what went wrong. `axe: false`
 * skips the accessibility check (the English pass: the same DOM as the Chinese one, other words).
 */
async function visitAll(
  screens: Screen[],
  viewports: { width: number; height: number }[],
  lang: 'zh-CN' | 'en',
  o: { axe: boolean } = { axe: true },
) {
  const failures: string[] = [];
  for (const viewport of viewports) {
    const tabs = new Map<SignedIn, Tab>();
    for (const s of screens) {
      let tab = tabs.get(s.who);
      if (!tab) {
        tab = await tabOf(s.who, viewport, lang);
        tabs.set(s.who, tab);
      }
      tab.problems.length = 0;
      const name = `screens/${s.name}-${lang === 'en' ? 'en-' : ''}${viewport.width}`;
      await open(tab.page, s.path);
      // Ready when the screen's heading is there and nothing is loading — conditions, not the clock of
      // 'networkidle' (500 ms without a request, waited out on every one of ~90 visits, and given up
      // silently on a busy machine).
      await tab.page.locator('h1:not([data-e2e-left])').first().waitFor({ timeout: 30_000 });
      await expect
        .poll(() => tab.page.evaluate(LOADING), { timeout: 60_000, message: `${name} still loading` })
        .toBe(false);
      const violations = o.axe ? await visit(tab.page, name) : [];
      for (const v of violations)
        failures.push(`${name}: axe ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      if (viewport === PHONE) {
        const width = await scrollWidth(tab.page);
        if (width > PHONE.width) failures.push(`${name}: ${width} px wide`);
      }
      // A message key shown as text means a string missing from the catalogue (event actions excepted).
      const keys = (await tab.page.evaluate(UNTRANSLATED)) as string[];
      for (const k of keys) failures.push(`${name}: untranslated ${k}`);
      // No raw id or internal key where a person reads a name (both languages).
      for (const r of (await tab.page.evaluate(RAW)) as string[]) failures.push(`${name}: raw ${r}`);
      for (const p of tab.problems) failures.push(`${name}: ${p}`);
    }
    for (const tab of tabs.values()) await tab.ctx.close();
  }
  return failures;
}

/**
 * Opens a screen as a person moves between screens of a SPA: the first one by loading the app, the next
 * ones by the router (history.pushState + popstate, what a menu link does), so the app, its session and
 * axe are loaded once per person, not on each of ~90 visits. The heading of the screen left is marked,
 * so the wait above is for the new screen's own heading. A screen of the same section as the one shown
 * (/admin/users → /admin/schemes, /findings → /findings/:id) is loaded afresh: the router may render it
 * with the same component, keeping the heading element.
 */
async function open(page: Page, path: string): Promise<void> {
  const url = new URL(`${e.stack.base}${path}`);
  const here = page.url().startsWith(e.stack.base) ? new URL(page.url()) : null;
  const section = (u: URL) => u.pathname.split('/')[1];
  if (!here || section(here) === section(url)) {
    await page.goto(url.href);
    return;
  }
  await page.evaluate(`(() => {
    for (const h of document.querySelectorAll('h1')) h.setAttribute('data-e2e-left', '');
    history.pushState(null, '', ${JSON.stringify(path)});
    dispatchEvent(new PopStateEvent('popstate'));
  })()`);
}

/**
 * Raw ids and internal keys in the visible text (issue 17: names, not ids): a 26-character ULID, a UUID, an
 * enum code with an underscore (`rectification_overdue`) — every code of the core's labelled enums, so a
 * label missing from a screen is found — or a peer group's key (`county-townships@…`). Text in `code`
 * (a hash, a username shown as such) and hidden text are not read.
 */
const RAW = `(() => {
  const codes = new Set(${JSON.stringify(CODES)});
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('code, script, style, [hidden], [aria-hidden="true"]')) continue;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
    const t = n.textContent;
    const hits = [
      ...(t.match(/\\b[0-9A-HJKMNP-TV-Z]{26}\\b/g) ?? []),
      ...(t.match(/\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b/gi) ?? []),
      ...(t.match(/\\b[a-z]+-[a-z]+@[a-z0-9-]+\\b(?!\\.)/g) ?? []),
      // (a username such as unit_officer-ds-a is a name the admin typed, not a key)
      ...(t.match(/\\b[a-z]+(?:_[a-z]+)+\\b(?!-)/g) ?? []).filter((w) => codes.has(w)),
    ];
    for (const h of hits) out.push(h + ' in “' + t.trim().slice(0, 60) + '”');
  }
  return [...new Set(out)];
})()`;

/** Whether the screen still shows a loading state (a spinner, or a region marked busy). */
const LOADING = `!!document.querySelector('.ant-spin-spinning, [aria-busy="true"]')`;

/** Text that looks like a catalogue key (`rank.title`), outside the event timelines, which show actions. */
const UNTRANSLATED = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent.trim();
    if (/^[a-z][a-zA-Z]*(\\.[a-zA-Z][a-zA-Z0-9_]*)+$/.test(t) && !n.parentElement.closest('[data-testid=event-timeline], code, a[href^="http"]'))
      out.push(t);
  }
  return [...new Set(out)];
})()`;

describe('every screen in the browser', () => {
  let screens: Screen[] = [];
  // About 30 screens × 2 viewports, each with axe: minutes on a busy machine.
  beforeAll(async () => {
    screens = await screensToVisit();
  }, 600_000);

  it('opens every screen of every role’s menu at 1280 and 375 px in Chinese with no axe finding, no sideways scroll and no console error', async () => {
    expect(await visitAll(screens, [DESKTOP, PHONE], 'zh-CN')).toEqual([]);
  }, 600_000);

  it('opens every screen in English at 1280 px with every string translated', async () => {
    expect(await visitAll(screens, [DESKTOP], 'en', { axe: false })).toEqual([]);
  }, 600_000);
});
