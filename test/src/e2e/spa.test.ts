/**
 * The admin SPA in a real browser (Debian's Chromium through playwright-core) against the real local
 * stack: DynamoDB Local, the API and the built SPA on one port. Each test is a person's daily work;
 * the API prepares data where the UI path is not the point. Every screen visited is checked by axe-core:
 * any serious or critical violation fails the test (and saves the screen under test/screenshots/).
 */
import { readFile } from 'node:fs/promises';
import type { Role } from '@jiandu/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, newContext, PHONE, scrollWidth } from '../support/browser.js';
import type { SignedIn } from '../support/stack.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();
/** A 1×1 PNG, as a phone camera's photo stands in for. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EVIDENCE = {
  name: '危房改造补助发放签字表.txt',
  bytes: Buffer.from('青松镇 危房改造补助 发放签字表\n户数 12\n'),
};
const {
  createFinding,
  openAs,
  rectOf,
  untilState,
  signIn: signInThroughForm,
} = {
  createFinding: (who: SignedIn, unitId: string, description: string) =>
    e.createFinding(who, unitId, description),
  openAs: (who: SignedIn, path: string, o: { viewport?: { width: number; height: number } } = {}) =>
    e.openAs(who, path, o),
  rectOf: (who: SignedIn, id: string) => e.rectOf(who, id),
  untilState: (who: SignedIn, id: string, state: string) => e.untilState(who, id, state),
  signIn: (page: Page, username: string) => e.signIn(page, username),
};

describe('the admin SPA in a browser', () => {
  it('shows every role only its own jurisdiction after signing in', async () => {
    const ds = (await e.stack.user('inspector', 'ds')).session;
    const xs = (await e.stack.user('inspector', 'xs')).session;
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
    for (const [i, [role, unitId, county]] of cases.entries()) {
      const { username, session } = await e.stack.user(role, unitId);
      // The first signs in through the form; the rest bring the session a sign-in sets (the form is the
      // same for every role, and what differs by role — the jurisdiction — is what is checked below).
      const ctx = await newContext(e.browser, i === 0 ? {} : { session });
      const page = await ctx.newPage();
      const errors = collectErrors(page);
      if (i === 0) await signInThroughForm(page, username);
      else await page.goto(`${e.stack.base}/`);
      await expect.poll(() => page.getByTestId('current-user').isVisible(), { timeout: 30_000 }).toBe(true);
      // What is checked here is the jurisdiction; each role's home and the findings list are axe-checked
      // at both widths by the every-screen test (spa-screens), so not a second time here.
      await page.goto(`${e.stack.base}/findings`);
      const own = county === 'ds' ? '惠民资金未按时发放' : '项目验收资料缺失';
      const other = county === 'ds' ? '项目验收资料缺失' : '惠民资金未按时发放';
      const main = page.locator('main');
      // Every role may list findings: it sees its own county's and never the other county's.
      await main.getByText(own).first().waitFor({ timeout: 30_000 });
      expect(await main.getByText(other).count(), `${role}@${unitId}`).toBe(0);
      expect(errors, `${role}@${unitId}`).toEqual([]);
      await ctx.close();
    }
  });

  it('logs a finding on a 375 px phone and finds it in the list', async () => {
    const { username } = await e.stack.user('inspector', 'ds');
    const ctx = await newContext(e.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await signInThroughForm(page, username);
    await page.goto(`${e.stack.base}/findings/new`);
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
    // Typed in 万元 as the ledgers speak; the exact 元 shows beside it before sending.
    await page.getByTestId('finding-amount').fill('12.3456');
    await expect.poll(() => page.getByTestId('finding-amount-yuan').textContent()).toContain('123,456.00');
    // A photo from the phone's camera goes up as soon as it is chosen, and is logged with the finding.
    await page.getByTestId('finding-photo-input').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await page.getByTestId('finding-photo').filter({ hasText: '现场照片.png' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('finding-detail').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('amount').textContent()).toContain('12.3456 万元');
    // 预览: the photo opens in place in a new tab — the image itself, not a download.
    const photos = page.getByTestId('finding-photos');
    await photos.getByText('现场照片.png').waitFor();
    const [shown] = await Promise.all([
      ctx.waitForEvent('page', { timeout: 60_000 }),
      photos.locator('[data-testid^="evidence-preview-"]').click(),
    ]);
    await expect.poll(() => shown.url(), { timeout: 60_000 }).toContain('disp=inline');
    await shown.waitForLoadState();
    expect(await shown.evaluate('document.contentType')).toBe('image/png');
    await shown.close();
    await expect.poll(() => page.getByText('白石乡：手机现场记录的问题').count()).toBeGreaterThan(0);
    await look(page, 'finding-phone');
    const width = await scrollWidth(page);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${e.stack.base}/findings`);
    await page.getByText('白石乡：手机现场记录的问题').first().waitFor({ timeout: 30_000 });
    await look(page, 'findings-phone');
    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('walks a rectification from assigned to closed: the officer starts, attaches evidence and submits; the reviewer downloads it; two reviewers approve', async () => {
    const inspector = (await e.stack.user('inspector', 'ds')).session;
    const officer = (await e.stack.user('unit_officer', 'ds-a')).session;
    const reviewer1 = (await e.stack.user('reviewer', 'ds')).session;
    const reviewer2 = (await e.stack.user('reviewer', 'city')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：危房改造补助发放滞后');
    const path = `/rectifications/${id}`;

    const o = await openAs(officer, path);
    await o.page.getByTestId('action-start').click();
    await untilState(officer, id, 'in_progress');
    // The officer attaches evidence: the SPA puts the bytes to a signed URL, then records the file.
    await o.page.getByTestId('evidence-file').setInputFiles({
      name: EVIDENCE.name,
      mimeType: 'text/plain',
      buffer: EVIDENCE.bytes,
    });
    await expect
      .poll(async () => (await rectOf(officer, id)).evidence.map((x) => x.fileName), { timeout: 60_000 })
      .toEqual([EVIDENCE.name]);
    const [evidence] = (await rectOf(officer, id)).evidence;
    await o.page.getByTestId(`evidence-download-${evidence?.id}`).waitFor();
    await look(o.page, 'rectification-officer-evidence');
    // 提交销号 asks for confirmation first; cancelling leaves the item as it was.
    await o.page.getByTestId('action-submit').click();
    await o.page.getByTestId('submit-confirm').waitFor();
    await o.page.getByRole('button', { name: /取\s*消/ }).click();
    await o.page.getByTestId('submit-confirm').waitFor({ state: 'detached' });
    expect((await rectOf(officer, id)).state).toBe('in_progress');
    await o.page.getByTestId('action-submit').click();
    await o.page.getByTestId('submit-confirm').click();
    await untilState(officer, id, 'submitted');
    // The upload's answer was kept: the submit went at the version after it, no conflict with oneself.
    expect(await o.page.getByTestId('conflict-notice').count()).toBe(0);
    await o.page.getByTestId('action-submit').waitFor({ state: 'detached' });
    await look(o.page, 'rectification-officer-submitted');
    expect(o.errors).toEqual([]);
    await o.ctx.close();

    const r1 = await openAs(reviewer1, path);
    await r1.page.getByTestId('rect-actions').waitFor();
    await look(r1.page, 'rectification-reviewer-submitted');
    // The reviewer downloads the evidence: the same name and the same bytes.
    const [download] = await Promise.all([
      r1.page.waitForEvent('download', { timeout: 60_000 }),
      r1.page.getByTestId(`evidence-download-${evidence?.id}`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(EVIDENCE.name);
    expect(await readFile(await download.path())).toEqual(EVIDENCE.bytes);
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
    // 提交人/复核人 by name, not by id; evidence and notes name their authors too.
    const people = (await r2.page.getByTestId('rect-people').textContent()) ?? '';
    expect(people).toContain('东山县复核人');
    expect(people).toContain('示范市复核人');
    expect(await r2.page.getByTestId('rect-detail').textContent()).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
    expect(r2.errors).toEqual([]);
    await r2.ctx.close();
  });

  it('sends a submitted rectification back with a reason on the reject path', async () => {
    const inspector = (await e.stack.user('inspector', 'ds')).session;
    const officer = (await e.stack.user('unit_officer', 'ds-a')).session;
    const reviewer = (await e.stack.user('reviewer', 'ds')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：整改材料不完整');
    await e.act(officer, id, { type: 'start' });
    await e.act(officer, id, { type: 'submit' });

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
    const inspector = (await e.stack.user('inspector', 'ds')).session;
    const officer = (await e.stack.user('unit_officer', 'ds-a')).session;
    const supervisor = (await e.stack.user('supervisor', 'ds')).session;
    const { rectificationId: id } = await createFinding(inspector, 'ds-a', '青松镇：道路修复工期延误');
    await e.act(officer, id, { type: 'start' });
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
    const supervisor = (await e.stack.user('supervisor', 'ds')).session;
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
    const inspector = (await e.stack.user('inspector', 'ds')).session;
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
      const r = await e.stack.api<{ items: { description: string }[] }>(
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
    await page.goto(`${e.stack.base}/findings`);
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
    const supervisor = (await e.stack.user('supervisor', 'ds')).session;
    const created = await e.stack.api<{ id: string }>(supervisor, 'POST', '/api/v1/petitions', {
      petitioner: { name: '林小溪', phone: '13800001234' },
      channel: 'letter',
      levelReceived: 'county',
      unitId: 'ds-b',
      category: 'inaction',
      matter: '白石乡：低保资格认定不公开',
      receivedAt: new Date(e.stack.h.deps.clock()).toISOString(),
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
    const history = await e.stack.api<{
      items: { action?: string; type?: string; reason?: string | null }[];
    }>(supervisor, 'GET', `/api/v1/petitions/${id}/events`);
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
