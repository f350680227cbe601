/**
 * Accounts in a real browser (issue 12): the session is an HttpOnly cookie no page script can read,
 * a password set by an administrator must be changed at first sign-in, and a user the security
 * administrator disables is signed out of the page they have open on its next request.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, newContext, PHONE, scrollWidth } from '../support/browser.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();
const FIRST = 'amber-orchard-compass-71';
const CHOSEN = 'quiet-river-lantern-58';
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

async function signInWith(page: Page, username: string, password: string) {
  await page.goto(`${e.stack.base}/signin`);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** Everything a page script can read: document.cookie and every localStorage value. */
const scriptReadable = (page: Page) =>
  page.evaluate(
    '({ cookie: document.cookie, storage: Object.keys(localStorage).map((k) => k + "=" + localStorage.getItem(k)) })',
  ) as Promise<{ cookie: string; storage: string[] }>;

describe('accounts in the SPA', () => {
  it('keeps the token in an HttpOnly SameSite=Strict cookie, out of page scripts, and forces a first password change on a 375 px phone', async () => {
    const { session: admin } = await e.stack.user('admin', 'city');
    const created = await e.stack.api(admin, 'POST', '/api/v1/users', {
      username: 'first-timer',
      name: '首次登录',
      roles: ['viewer'],
      unitId: 'ds',
      password: FIRST,
    });
    expect(created.status).toBe(201);
    const ctx = await newContext(e.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await signInWith(page, 'first-timer', FIRST);
    // A password the administrator chose signs in once: the only screen is the change of it.
    await page.waitForURL((u) => u.pathname === '/account/password');
    await page.getByTestId('must-change').waitFor();
    await look(page, 'account-password-forced-phone');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const cookies = await ctx.cookies();
    const session = cookies.find((c) => c.name === 'jiandu_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(session?.value).toMatch(JWT);
    const readable = await scriptReadable(page);
    expect(readable.cookie).not.toContain('jiandu_session');
    expect(readable.cookie).not.toMatch(JWT);
    expect(readable.storage.join('\n')).not.toMatch(JWT);
    expect(readable.storage.join('\n')).not.toContain('"token"');
    // A weak one is refused beside its field, in Chinese.
    await page.getByTestId('current-password').fill(FIRST);
    await page.getByTestId('new-password').fill('password1234');
    await page.getByTestId('confirm-password').fill('password1234');
    await page.getByTestId('change-password-submit').click();
    await page.getByText('这是常见密码，请换一个').waitFor();
    await page.getByTestId('new-password').fill(CHOSEN);
    await page.getByTestId('confirm-password').fill(CHOSEN);
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('current-user').waitFor();
    const after = await scriptReadable(page);
    expect(`${after.cookie}\n${after.storage.join('\n')}`).not.toMatch(JWT);
    // The old password is gone; the new one signs in.
    const old = await e.stack.h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'first-timer', password: FIRST },
    });
    expect(old.status).toBe(401);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('signs out the open page of a user the security administrator disables', async () => {
    const { username, session: victim } = await e.stack.user('viewer', 'xs');
    const open = await e.openAs(victim, '/');
    await open.page.getByTestId('current-user').waitFor();
    const { session: security } = await e.stack.user('security_admin', 'city');
    const admin = await e.openAs(security, '/admin/users', { viewport: PHONE });
    const row = admin.page.getByTestId(`user-${username}`);
    await row.waitFor();
    await look(admin.page, 'accounts-phone');
    expect(await scrollWidth(admin.page)).toBeLessThanOrEqual(PHONE.width);
    await row.getByTestId('user-disable').click();
    await admin.page.getByTestId('confirm-disable').click();
    await expect.poll(() => row.getByTestId('user-state').textContent(), { timeout: 30_000 }).toBe('已停用');
    // The open page's next request finds its session ended, and the SPA goes to the sign-in screen.
    await open.page.getByTestId('nav-inbox').click();
    await open.page.waitForURL((u) => u.pathname.startsWith('/signin'), { timeout: 30_000 });
    const refused = await e.stack.api(victim, 'GET', '/api/v1/units');
    expect(refused.status).toBe(401);
    expect(admin.errors).toEqual([]);
    await open.ctx.close();
    await admin.ctx.close();
  });

  it('shows the users to the system administrator and the account events to the audit administrator on a phone', async () => {
    const { session: admin } = await e.stack.user('admin', 'city');
    const users = await e.openAs(admin, '/admin/users', { viewport: PHONE });
    await users.page.getByTestId('users').waitFor();
    await users.page.locator('[data-testid^="user-"]').first().waitFor();
    await look(users.page, 'admin-users-phone');
    expect(await scrollWidth(users.page)).toBeLessThanOrEqual(PHONE.width);
    await users.ctx.close();
    const { session: auditor } = await e.stack.user('audit_admin', 'city');
    const log = await e.openAs(auditor, '/operation-log', { viewport: PHONE });
    await log.page.getByTestId('operation-log').getByText('登录').first().waitFor();
    await look(log.page, 'operation-log-accounts-phone');
    expect(await scrollWidth(log.page)).toBeLessThanOrEqual(PHONE.width);
    expect(log.errors).toEqual([]);
    await log.ctx.close();
  });
});
