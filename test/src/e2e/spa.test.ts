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
 * Known serious axe-core findings in the SPA, reported to its engineer (admin/ is not ours to edit):
 * the antd theme's link blue and grey secondary text (placeholders, counters, hints) are below 4.5:1,
 * links in the home page's lists are told apart by colour alone, and the language switch's aria-label (切换语言) does not contain its visible text (EN / 中文). They
 * are written to test/screenshots/axe-known.json; anything else fails the test.
 */
const KNOWN: { id: string; target: RegExp }[] = [
  { id: 'color-contrast', target: /./ },
  { id: 'link-in-text-block', target: /^li > a/ },
  { id: 'label-content-name-mismatch', target: /切换语言|Switch language/ },
];
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
});
