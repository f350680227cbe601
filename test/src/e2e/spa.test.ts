/**
 * The admin SPA in a real browser (Debian's Chromium through playwright-core) against the real local
 * stack: DynamoDB Local, the API and the built SPA on one port. Each test is a person's daily work;
 * the API prepares data where the UI path is not the point. Every screen visited is saved under
 * test/screenshots/ and checked by axe-core (no serious or critical violation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@jiandu/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeViolation,
  collectErrors,
  launchBrowser,
  newContext,
  PHONE,
  SCREENSHOTS,
  scrollWidth,
  visit,
} from '../support/browser.js';
import { type BrowserStack, PASSWORD, type SignedIn, startBrowserStack } from '../support/stack.js';

let stack: BrowserStack;
let browser: Browser;

/**
 * Known serious axe-core findings in the SPA, reported to its engineer (admin/ is not ours to edit): in
 * English, the header's language switch (中文 · Switch language) is below 4.5:1 contrast. Known ones are
 * written to test/screenshots/axe-known.json; any other serious or critical violation fails the test.
 */
const KNOWN: { id: string; target: RegExp }[] = [{ id: 'color-contrast', target: /Switch language/ }];
const known: Record<string, string[]> = {};

function unknownViolations(name: string, all: AxeViolation[]): AxeViolation[] {
  const left: AxeViolation[] = [];
  for (const v of all) {
    const nodes = v.nodes.filter((n) => {
      const t = n.target.map(String).join(' ');
      const k = KNOWN.some((x) => x.id === v.id && x.target.test(t));
      if (k) {
        known[name] ??= [];
        known[name].push(`${v.id} ${t}`);
      }
      return !k;
    });
    if (nodes.length) left.push({ ...v, nodes });
  }
  return left;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startBrowserStack(), launchBrowser()]);
});
afterAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'axe-known.json'), `${JSON.stringify(known, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
});

/** Screenshot + axe on the screen; violations are collected and asserted per test. */
async function look(page: Page, name: string) {
  const v = unknownViolations(name, await visit(page, name));
  expect(v, `axe on ${name}`).toEqual([]);
}

async function signInThroughForm(page: Page, username: string) {
  await page.goto(`${stack.base}/signin`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 60_000 });
}

async function createFinding(who: SignedIn, unitId: string, description: string) {
  const r = await stack.api<{ id: string; rectificationId: string }>(who, 'POST', '/api/v1/findings', {
    unitId,
    category: 'inaction',
    severity: 'general',
    source: 'inspection',
    description,
    discoveredOn: '2025-05-01',
  });
  expect(r.status).toBe(201);
  return r.body;
}

/** A fresh context signed in as `who` (the session the SPA keeps), on `path`. */
async function openAs(who: SignedIn, path: string, o: { viewport?: { width: number; height: number } } = {}) {
  const ctx = await newContext(browser, { session: who, ...o });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(`${stack.base}${path}`);
  return { ctx, page, errors };
}

interface RectView {
  id: string;
  state: string;
  version: number;
  deadline: string;
  extensions: { decision: string; requestedDeadline: string }[];
}

async function rectOf(who: SignedIn, id: string): Promise<RectView> {
  const r = await stack.api<RectView>(who, 'GET', `/api/v1/rectifications/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

/** Polls the API until the rectification is in `state` (the UI's action went through). */
async function untilState(who: SignedIn, id: string, state: string) {
  await expect
    .poll(async () => (await rectOf(who, id)).state, { timeout: 60_000, interval: 500 })
    .toBe(state);
}

async function actApi(who: SignedIn, id: string, action: object) {
  const { version } = await rectOf(who, id);
  const r = await stack.api(who, 'POST', `/api/v1/rectifications/${id}/actions`, {
    action,
    expectedVersion: version,
  });
  expect(r.status).toBe(200);
}

describe('the admin SPA in a browser', () => {
  it('shows every role only its own jurisdiction after signing in', async () => {
    const ds = (await stack.user('inspector', 'ds')).session;
    const xs = (await stack.user('inspector', 'xs')).session;
    await createFinding(ds, 'ds-a', '东山县青松镇：惠民资金未按时发放');
    await createFinding(xs, 'xs-a', '西川县龙门镇：项目验收资料缺失');
    const cases: [Role, string, 'ds' | 'xs'][] = [
      ['inspector', 'xs', 'xs'],
      ['supervisor', 'ds', 'ds'],
      ['viewer', 'xs', 'xs'],
      ['reviewer', 'ds', 'ds'],
      ['unit_officer', 'ds-a', 'ds'],
      ['admin', 'xs', 'xs'],
    ];
    for (const [role, unitId, county] of cases) {
      const { username } = await stack.user(role, unitId);
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      const errors = collectErrors(page);
      await signInThroughForm(page, username);
      await expect.poll(() => page.getByTestId('current-user').isVisible(), { timeout: 30_000 }).toBe(true);
      await look(page, `home-${role}-${unitId}`);
      await page.goto(`${stack.base}/findings`);
      const own = county === 'ds' ? '惠民资金未按时发放' : '项目验收资料缺失';
      const other = county === 'ds' ? '项目验收资料缺失' : '惠民资金未按时发放';
      const main = page.locator('main');
      // Every role may list findings: it sees its own county's and never the other county's.
      await main.getByText(own).first().waitFor({ timeout: 30_000 });
      await look(page, `findings-${role}-${unitId}`);
      expect(await main.getByText(other).count(), `${role}@${unitId}`).toBe(0);
      expect(errors, `${role}@${unitId}`).toEqual([]);
      await ctx.close();
    }
  });

  it('logs a finding on a 375 px phone and finds it in the list', async () => {
    const { username } = await stack.user('inspector', 'ds');
    const ctx = await newContext(browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await signInThroughForm(page, username);
    await page.goto(`${stack.base}/findings/new`);
    await page.getByTestId('finding-form').waitFor();
    await look(page, 'finding-new-phone');
    await page.getByTestId('finding-unit').click();
    await page.keyboard.type('白石');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '白石乡' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('finding-category').click();
    await page.keyboard.type('不作为');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '不作为' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('finding-description').fill('白石乡：手机现场记录的问题');
    await page.getByTestId('finding-amount').fill('1234.5');
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('finding-detail').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByText('白石乡：手机现场记录的问题').count()).toBeGreaterThan(0);
    await look(page, 'finding-phone');
    const width = await scrollWidth(page);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${stack.base}/findings`);
    await page.getByText('白石乡：手机现场记录的问题').first().waitFor({ timeout: 30_000 });
    await look(page, 'findings-phone');
    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('walks a rectification from assigned to closed: the officer starts and submits, two reviewers approve', async () => {
    const inspector = (await stack.user('inspector', 'ds')).session;
    const officer = (await stack.user('unit_officer', 'ds-a')).session;
    const reviewer1 = (await stack.user('reviewer', 'ds')).session;
    const reviewer2 = (await stack.user('reviewer', 'city')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：危房改造补助发放滞后');
    const path = `/rectifications/${id}`;

    const o = await openAs(officer, path);
    await o.page.getByTestId('action-start').click();
    await untilState(officer, id, 'in_progress');
    await o.page.getByTestId('action-submit').click();
    await untilState(officer, id, 'submitted');
    await o.page.getByTestId('action-submit').waitFor({ state: 'detached' });
    await look(o.page, 'rectification-officer-submitted');
    expect(o.errors).toEqual([]);
    await o.ctx.close();

    const r1 = await openAs(reviewer1, path);
    await r1.page.getByTestId('rect-actions').waitFor();
    await look(r1.page, 'rectification-reviewer-submitted');
    await r1.page.getByTestId('action-approve').click();
    await r1.page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await untilState(reviewer1, id, 'first_approved');
    // The first reviewer may not approve a second time: the button is gone.
    await r1.page.getByTestId('action-approve').waitFor({ state: 'detached' });
    await look(r1.page, 'rectification-first-approved');
    await r1.ctx.close();

    const r2 = await openAs(reviewer2, path);
    await r2.page.getByTestId('action-approve').click();
    await r2.page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await untilState(reviewer2, id, 'closed');
    await r2.page.getByTestId('action-approve').waitFor({ state: 'detached' });
    // The timeline shows every step: created, start, submit, approve, approve.
    await expect
      .poll(() => r2.page.getByTestId('event').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5);
    await look(r2.page, 'rectification-closed');
    expect(r2.errors).toEqual([]);
    await r2.ctx.close();
  });

  it('sends a submitted rectification back with a reason on the reject path', async () => {
    const inspector = (await stack.user('inspector', 'ds')).session;
    const officer = (await stack.user('unit_officer', 'ds-a')).session;
    const reviewer = (await stack.user('reviewer', 'ds')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：整改材料不完整');
    await actApi(officer, id, { type: 'start' });
    await actApi(officer, id, { type: 'submit' });

    const r = await openAs(reviewer, `/rectifications/${id}`);
    await r.page.getByTestId('action-reject').click();
    await r.page.getByTestId('reject-modal-reason').waitFor();
    await r.page.getByTestId('reject-modal-reason').fill('佐证材料缺少发放签字表');
    await look(r.page, 'rectification-reject-dialog');
    await r.page.getByTestId('reject-modal-ok').click();
    await untilState(reviewer, id, 'in_progress');
    await r.page.getByText('佐证材料缺少发放签字表').first().waitFor({ timeout: 30_000 });
    await look(r.page, 'rectification-rejected');
    expect(r.errors).toEqual([]);
    await r.ctx.close();
  });

  it('requests an extension as the unit officer and approves it as the supervisor', async () => {
    const inspector = (await stack.user('inspector', 'ds')).session;
    const officer = (await stack.user('unit_officer', 'ds-a')).session;
    const supervisor = (await stack.user('supervisor', 'ds')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：道路修复工期延误');
    await actApi(officer, id, { type: 'start' });
    const { deadline } = await rectOf(officer, id);
    const wanted = new Date(Date.parse(`${deadline}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

    const o = await openAs(officer, `/rectifications/${id}`);
    await o.page.getByTestId('action-requestExtension').click();
    await o.page.getByTestId('extension-deadline').fill(wanted);
    await o.page.getByTestId('extension-reason').fill('汛期无法施工');
    await look(o.page, 'rectification-extension-request');
    await o.page.getByTestId('extension-modal-ok').click();
    await expect
      .poll(async () => (await rectOf(officer, id)).extensions.map((x) => x.decision), { timeout: 60_000 })
      .toEqual(['pending']);
    await o.ctx.close();

    const s = await openAs(supervisor, `/rectifications/${id}`);
    await s.page.getByTestId('action-decideExtension').click();
    await s.page.getByTestId('decide-extension-modal-ok').click();
    await expect.poll(async () => (await rectOf(supervisor, id)).deadline, { timeout: 60_000 }).toBe(wanted);
    await s.page.getByTestId('action-decideExtension').waitFor({ state: 'detached' });
    await look(s.page, 'rectification-extension-approved');
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });
  it('switches the whole screen to English and back to Chinese', async () => {
    const supervisor = (await stack.user('supervisor', 'ds')).session;
    const { ctx, page, errors } = await openAs(supervisor, '/findings');
    await page.getByTestId('nav-findings').waitFor();
    expect(await page.getByTestId('nav-findings').textContent()).toContain('督查发现');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-findings').textContent()).toContain('Findings');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
    await look(page, 'findings-en');
    // The choice is kept on the device: a reload stays in English.
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-rectifications').textContent()).toContain('Rectifications');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-findings').textContent()).toContain('督查发现');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('keeps a finding drafted offline on the phone and stores it exactly once when the network returns', async () => {
    const inspector = (await stack.user('inspector', 'ds')).session;
    const text = '红岭镇：断网时现场记录的问题';
    const { ctx, page, errors } = await openAs(inspector, '/findings/new', { viewport: PHONE });
    await page.getByTestId('finding-form').waitFor();
    // The unit directory loads while online (it is cached); then the connection drops.
    await page.getByTestId('finding-unit').click();
    await page.keyboard.type('红岭');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '红岭镇' }).waitFor();
    await page.keyboard.press('Enter');
    await ctx.setOffline(true);
    await page.getByTestId('finding-category').click();
    await page.keyboard.type('不作为');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '不作为' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('finding-description').fill(text);
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('finding-queued').waitFor();
    await page.getByTestId('finding-queued').scrollIntoViewIfNeeded();
    await look(page, 'finding-queued-offline');
    const stored = async () => {
      const r = await stack.api<{ items: { description: string }[] }>(
        inspector,
        'GET',
        '/api/v1/findings?limit=100',
      );
      return r.body.items.filter((f) => f.description === text).length;
    };
    expect(await stored()).toBe(0);
    // The connection returns: the outbox sends the draft with its Idempotency-Key.
    await ctx.setOffline(false);
    await expect.poll(stored, { timeout: 60_000, interval: 500 }).toBe(1);
    // A reload flushes the outbox again on start: still exactly one.
    await page.goto(`${stack.base}/findings`);
    await page.getByText(text).first().waitFor();
    await look(page, 'findings-after-offline');
    await page.reload();
    await page.getByText(text).first().waitFor();
    expect(await stored()).toBe(1);
    expect(await page.getByTestId('outbox-item').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('reveals a petitioner with a reason and shows the reveal in the history', async () => {
    const supervisor = (await stack.user('supervisor', 'ds')).session;
    const created = await stack.api<{ id: string }>(supervisor, 'POST', '/api/v1/petitions', {
      petitioner: { name: '林小溪', phone: '13800001234' },
      channel: 'letter',
      levelReceived: 'county',
      unitId: 'ds-b',
      category: 'inaction',
      matter: '白石乡：低保资格认定不公开',
      receivedAt: new Date(stack.h.deps.clock()).toISOString(),
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const { ctx, page, errors } = await openAs(supervisor, `/petitions/${id}`);
    await page.getByTestId('petitioner').waitFor();
    // Masked until revealed.
    expect(await page.getByTestId('petitioner').textContent()).not.toContain('林小溪');
    await look(page, 'petition-masked');
    await page.getByTestId('action-reveal').click();
    await page.getByTestId('reveal-modal-reason').fill('核实信访人诉求需电话回访');
    await page.getByTestId('reveal-modal-ok').click();
    await expect
      .poll(() => page.getByTestId('petitioner').textContent(), { timeout: 60_000 })
      .toContain('林小溪');
    const history = await stack.api<{ items: { action?: string; type?: string; reason?: string | null }[] }>(
      supervisor,
      'GET',
      `/api/v1/petitions/${id}/events`,
    );
    expect(history.status).toBe(200);
    const reveals = history.body.items.filter((e) => JSON.stringify(e).includes('petition.reveal'));
    expect(reveals).toHaveLength(1);
    expect(JSON.stringify(reveals[0])).toContain('核实信访人诉求需电话回访');
    // The timeline on the screen shows it too.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('event-timeline').textContent(), { timeout: 60_000 })
      .toContain('petition.reveal');
    await look(page, 'petition-revealed-history');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
