/**
 * One headless Debian Chromium per test file (playwright-core, never a downloaded browser), a fresh
 * context per test, and an axe-core check that finds no serious or critical violation on every screen
 * visited. A screen axe fails on is saved under test/screenshots/ (git-ignored); E2E_SCREENSHOTS=1 saves
 * every one (nothing compares them, so by default they are not paid for on each of ~150 visits).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SignedIn } from './stack.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 860 };
/** Whether every screen visited is saved, not only those axe fails on. */
const EVERY_SCREENSHOT = process.env.E2E_SCREENSHOTS === '1';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    timeout: 120_000,
  });
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  /**
   * Signed in already: the HttpOnly session cookie a sign-in sets (the stack serves 127.0.0.1; cookies
   * are not per port), and the profile the SPA keeps in localStorage (no token).
   */
  session?: SignedIn;
  lang?: 'zh-CN' | 'en';
}

export async function newContext(browser: Browser, o: ContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: o.viewport ?? DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The user has asked the system for less motion, so the SPA opens dialogs without antd's zoom. With
    // the zoom, a click sent in the dialog's first frames on a loaded machine was lost now and then: the
    // mouse went down on the OK button at its final place, the zoom then began from a fifth of its size,
    // the mouse came up outside it, and no click reached the button (the dialog stayed, nothing was
    // sent). No person clicks a button within a frame of it appearing; a test does.
    reducedMotion: 'reduce',
  });
  ctx.setDefaultTimeout(60_000);
  ctx.setDefaultNavigationTimeout(60_000);
  if (o.session) {
    await ctx.addCookies([
      {
        name: 'jiandu_session',
        value: o.session.token,
        url: 'http://127.0.0.1',
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
  }
  if (o.session || o.lang) {
    const profile = o.session ? { expiresAt: o.session.expiresAt, user: o.session.user } : null;
    // Only on the first load of this context: a sign-out or a switch of language in the test stays.
    const sets = [
      profile ? `localStorage.setItem('jiandu.session', ${JSON.stringify(JSON.stringify(profile))});` : '',
      o.lang ? `localStorage.setItem('jiandu.lang', ${JSON.stringify(o.lang)});` : '',
    ].join('');
    await ctx.addInitScript(
      `if (!sessionStorage.getItem('e2e.init')) { sessionStorage.setItem('e2e.init', '1'); ${sets} }`,
    );
  }
  return ctx;
}

/** Errors the page threw (uncaught) — a screen that crashes fails its test. */
/**
 * What went wrong on a page: uncaught errors, and whatever the page logged as an error — a screen whose
 * render threw is caught by the router and only logged (it never reaches `pageerror`), and a CSP refusal
 * is logged too. The browser's own line for an HTTP error answer ("Failed to load resource: … 409") is
 * not the page's fault: the tests that provoke refusals assert on what the screen says instead.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The page's width in CSS pixels, scrolled content included (nothing may overflow a phone). */
export const scrollWidth = (page: Page): Promise<number> =>
  page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

/**
 * Waits until `expression` is true in the page, or `timeoutMs` passes (then goes on). Polled with
 * page.evaluate (the DevTools protocol), not page.waitForFunction: that one builds its predicate with
 * `new Function` inside the page, which the page's CSP (no 'unsafe-eval') refuses.
 */
async function settle(page: Page, expression: string, timeoutMs: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(expression), { timeout: timeoutMs })
    .toBe(true)
    .catch(() => {});
}

/**
 * Returns axe-core's serious and critical violations on the screen; saves a screenshot of it when there
 * are any (to see what failed) or when E2E_SCREENSHOTS=1.
 */
export async function visit(page: Page, name: string): Promise<AxeViolation[]> {
  // Let the lazy screen settle: no spinner left …
  await settle(page, '!document.querySelector(\'.ant-spin-spinning, [aria-busy="true"]\')', 15_000);
  // …and let dialogs and menus finish their motion: mid-fade colours are not what a person reads.
  await settle(page, "document.getAnimations().every((a) => a.playState !== 'running')", 5_000);
  // Evaluated through the DevTools protocol, not added as a <script>: the page's CSP (script-src 'self',
  // as in AWS) refuses inline scripts, and the SPA is tested under it.
  if (!(await page.evaluate("'axe' in window"))) {
    axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
    await page.evaluate(axeSource);
  }
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: AxeViolation[];
  };
  const violations = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  if (EVERY_SCREENSHOT || violations.length > 0) {
    const path = join(SCREENSHOTS, `${name}.png`);
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path });
  }
  return violations;
}
