/**
 * Every role's home page (issue 17 items 2, 3, 5, 8) in a real browser at 1366×768 and 390×844: each
 * shows its queue from one request; the second reviewer finds an 初审通过 item on the home page and in
 * 查看全部 (and the first reviewer does not); the supervisor approves an extension from its queue; the
 * officer sees overdue work with its light; the leader sees who is behind and the counties compared.
 */
import { describe, expect, it } from 'vitest';
import type { SignedIn } from '../support/stack.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** A local date `days` from today in Asia/Shanghai (the stack's clock). */
const dayFromToday = (days: number) =>
  new Date(e.stack.h.deps.clock() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function rectification(who: SignedIn, unitId: string, title: string, deadline = dayFromToday(30)) {
  const r = await e.stack.api<{ id: string }>(who, 'POST', '/api/v1/rectifications', {
    source: { kind: 'import', id: null },
    unitId,
    title,
    deadline,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** Waits for the one home request and its answer on the page (the skeletons gone). */
async function homeLoaded(page: import('playwright-core').Page) {
  await page.getByTestId('home-rank').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId('home-skeleton').count(), { timeout: 60_000 }).toBe(0);
}

// A retried test (vitest `retry`) runs on the same stack: its records get their own titles so the first
// attempt's leftovers never make a locator ambiguous.
let attempt = 0;

describe('every role’s home page', () => {
  // First, before the next test's records break the tie of 东山县's townships.
  it('says 本组全部并列，不发预黄牌 for an all-tied group instead of listing its units as last', async () => {
    const leader = (await e.stack.user('viewer', 'city')).session;
    const home = await e.stack.api<{
      behind: { groups: { groupKey: string; noCardReason: string | null }[] };
    }>(leader, 'GET', '/api/v1/home');
    const tied = home.body.behind.groups.find((g) => g.noCardReason === 'allTied');
    expect(tied, JSON.stringify(home.body.behind.groups)).toBeDefined();
    const { ctx, page, errors } = await e.openAs(leader, '/');
    await homeLoaded(page);
    await page.getByTestId('behind-group').filter({ hasText: '本组全部并列，不发预黄牌' }).first().waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows each role its queue, the second review step to the second reviewer only, and decides an extension from the queue', async () => {
    const supervisor = (await e.stack.user('supervisor', 'ds')).session;
    const officer = (await e.stack.user('unit_officer', 'ds-a')).session;
    const officerB = (await e.stack.user('unit_officer', 'ds-b')).session;
    const firstReviewer = (await e.stack.user('reviewer', 'ds')).session;
    const secondReviewer = (await e.stack.user('reviewer', 'city')).session;
    const leader = (await e.stack.user('viewer', 'city')).session;
    attempt += 1;
    const tag = attempt === 1 ? '' : `·${attempt}`;
    const REVIEWED = `青松镇：低保动态管理台账缺失${tag}`;
    const OVERDUE = `青松镇：公益岗补贴逾期未发${tag}`;

    // 初审通过 by the first reviewer: waits for a second, different reviewer.
    const reviewed = await rectification(supervisor, 'ds-a', REVIEWED);
    await e.act(officer, reviewed, { type: 'start' });
    await e.act(officer, reviewed, { type: 'addMeasure', text: '逐户核实' });
    await e.act(officer, reviewed, { type: 'submit' });
    await e.act(firstReviewer, reviewed, { type: 'approve' });
    // Overdue work of the officer's unit.
    await rectification(supervisor, 'ds-a', OVERDUE, dayFromToday(-5));
    // One pending extension request per viewport, decided from the queue.
    const extended: string[] = [];
    for (const v of VIEWPORTS) {
      const id = await rectification(supervisor, 'ds-b', `白石乡：道路硬化延期（${v.name}）${tag}`);
      await e.act(officerB, id, { type: 'start' });
      await e.act(officerB, id, {
        type: 'requestExtension',
        deadline: dayFromToday(90),
        reason: '汛期施工受阻',
      });
      extended.push(id);
    }

    for (const [i, { name, viewport }] of VIEWPORTS.entries()) {
      // The second reviewer: the 初审通过 item on the home page, marked as the second step, and in 查看全部.
      {
        const { ctx, page, errors } = await e.openAs(secondReviewer, '/', { viewport });
        await homeLoaded(page);
        const queue = page.getByTestId('home-to-review');
        await queue.getByText(REVIEWED).waitFor();
        await queue.getByTestId('review-step-second').first().waitFor();
        await look(page, `home-reviewer-${name}`);
        await queue.getByRole('link', { name: '查看全部' }).click();
        await page.waitForURL(
          (u) => u.pathname === '/rectifications' && u.searchParams.get('review') === 'mine',
        );
        await page.getByTestId('rectifications').getByText(REVIEWED).waitFor({ timeout: 60_000 });
        await page.getByTestId('rect-state-tabs').getByText('初审通过').click();
        await page.waitForURL((u) => u.searchParams.get('state') === 'first_approved');
        await page.getByTestId('rectifications').getByText(REVIEWED).waitFor({ timeout: 60_000 });
        expect(errors).toEqual([]);
        await ctx.close();
      }
      // The first reviewer: not the second step of what they approved themselves.
      {
        const { ctx, page, errors } = await e.openAs(firstReviewer, '/', { viewport });
        await homeLoaded(page);
        await expect.poll(() => page.getByTestId('home-to-review').getByText(REVIEWED).count()).toBe(0);
        expect(errors).toEqual([]);
        await ctx.close();
      }
      // The supervisor: the pending request on the home page, approved from the 延期审批 queue.
      {
        const title = `白石乡：道路硬化延期（${name}）${tag}`;
        const { ctx, page, errors } = await e.openAs(supervisor, '/', { viewport });
        await homeLoaded(page);
        await page.getByTestId('home-extensions').getByText(title).waitFor();
        await look(page, `home-supervisor-${name}`);
        await page.getByTestId('home-extensions').getByRole('link', { name: '查看全部' }).click();
        await page.waitForURL((u) => u.pathname === '/rectifications/extensions');
        const item = page.getByTestId('extension-request').filter({ hasText: title });
        await item.getByTestId('extension-approve').click();
        await page.getByTestId('extension-approve-ok').click();
        // The confirmation closes when the decision is answered; a refusal shows on the item — say which.
        await expect
          .poll(() => page.getByTestId('extension-approve-ok').count(), { timeout: 60_000 })
          .toBe(0);
        const refused = item.getByTestId('error-alert');
        if (await refused.count()) throw new Error(`approval refused: ${await refused.innerText()}`);
        await expect
          .poll(async () => (await e.rectOf(supervisor, extended[i]!)).deadline, { timeout: 60_000 })
          .toBe(dayFromToday(90));
        await expect.poll(() => item.count(), { timeout: 60_000 }).toBe(0);
        await look(page, `extensions-${name}`);
        expect(errors).toEqual([]);
        await ctx.close();
      }
      // The unit officer: overdue work first, with its red light and days overdue.
      {
        const { ctx, page, errors } = await e.openAs(officer, '/', { viewport });
        await homeLoaded(page);
        const items = page.getByTestId('home-to-act').locator('li');
        await items.first().locator('[data-light="red"]').waitFor();
        const overdue = items.filter({ hasText: OVERDUE });
        await overdue.locator('[data-light="red"]').waitFor();
        await overdue.getByText('逾期 5 天').waitFor();
        await look(page, `home-officer-${name}`);
        expect(errors).toEqual([]);
        await ctx.close();
      }
      // The leader: who is behind in each group, and the counties compared.
      {
        const { ctx, page, errors } = await e.openAs(leader, '/', { viewport });
        await homeLoaded(page);
        await page.getByTestId('behind-group').first().waitFor();
        const rows = page.getByTestId('home-compare').getByTestId('compare-row');
        await rows.filter({ hasText: '东山县' }).waitFor();
        await rows.filter({ hasText: '西川县' }).waitFor();
        await look(page, `home-leader-${name}`);
        expect(errors).toEqual([]);
        await ctx.close();
      }
    }
  });
});
