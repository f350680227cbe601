/**
 * Traffic lights (三色预警, issue 16) in a real browser: every rectification list shows each open record's
 * light, filters by it, and the home page counts by it — at desktop and phone width.
 */
import { runJob } from '@jiandu/functions/testing';
import { describe, expect, it } from 'vitest';
import { PHONE, scrollWidth } from '../support/browser.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

/** A local date `days` from today in Asia/Shanghai (the stack's clock). */
const dayFromToday = (days: number) =>
  new Date(e.stack.h.deps.clock() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('traffic lights in the SPA', () => {
  it('lights every open rectification red, yellow or green, filters the list by light and counts them on the home page, on a desktop and a 375 px phone', async () => {
    const supervisor = (await e.stack.user('supervisor', 'ds')).session;
    const made: Record<string, string> = {};
    for (const [light, days] of [
      ['red', -3],
      ['yellow', 2],
      ['green', 60],
    ] as const) {
      const r = await e.stack.api<{ id: string; light: string }>(
        supervisor,
        'POST',
        '/api/v1/rectifications',
        {
          source: { kind: 'import', id: null },
          unitId: 'ds-b',
          title: `云溪村：${light} 整改事项`,
          deadline: dayFromToday(days),
        },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      made[light] = r.body.id;
    }
    for (const viewport of [undefined, PHONE]) {
      const { ctx, page, errors } = await e.openAs(supervisor, '/rectifications?state=open&unitId=ds-b', {
        ...(viewport ? { viewport } : {}),
      });
      const lights = page.getByTestId('rectifications').getByTestId('light');
      await expect.poll(() => lights.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
      const shown = await lights.evaluateAll((els) => els.map((x) => x.getAttribute('data-light')));
      expect(new Set(shown)).toEqual(new Set(['red', 'yellow', 'green']));
      await look(page, `rect-lights${viewport ? '-phone' : ''}`);
      if (viewport) expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      // The filter keeps the list to one light, in the URL too.
      await page.getByTestId('filter-light').getByText('红灯').click();
      await page.waitForURL((u) => u.searchParams.get('light') === 'red');
      await expect
        .poll(
          async () =>
            new Set(await lights.evaluateAll((els) => els.map((x) => x.getAttribute('data-light')))),
          {
            timeout: 60_000,
          },
        )
        .toEqual(new Set(['red']));
      await page.getByText('云溪村：red 整改事项').waitFor();
      // 按时限: the server orders the open records by deadline, the overdue first — red, yellow, green.
      await page.goto(`${e.stack.base}/rectifications?state=open&unitId=ds-b`);
      await page.getByTestId('filter-sort').click();
      await page.getByText('按时限（逾期在前，仅未办结）').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'deadline');
      const rank: Record<string, number> = { red: 0, yellow: 1, green: 2 };
      await expect
        .poll(
          async () => {
            const ls = await lights.evaluateAll((els) => els.map((x) => x.getAttribute('data-light') ?? ''));
            const r = ls.map((l) => rank[l] ?? 9);
            return ls.length >= 3 && r.every((x, i) => i === 0 || (r[i - 1] as number) <= x) && r[0] === 0;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      // The home page counts open rectifications by light, each a link to its list.
      await page.goto(`${e.stack.base}/`);
      for (const l of ['red', 'yellow', 'green'])
        await expect
          .poll(
            async () => Number((await page.getByTestId(`fig-light-${l}`).textContent())?.match(/\d+/)?.[0]),
            {
              timeout: 60_000,
            },
          )
          .toBeGreaterThanOrEqual(1);
      await look(page, `home-lights${viewport ? '-phone' : ''}`);
      expect(errors).toEqual([]);
      await ctx.close();
    }
    // 梯度督办: the overdue sweep raises the day-1 step of the red one; the alert list says whom it landed
    // on — this stack has no post holders, so both posts are vacant and reported to the unit above.
    await runJob(e.stack.h.deps, 'overdue-sweep');
    {
      const { ctx, page, errors } = await e.openAs(supervisor, '/alerts');
      const landing = page.getByTestId('alert-landing').first();
      await landing.waitFor({ timeout: 60_000 });
      expect(await landing.textContent()).toContain('主要负责人、分管负责人空缺，已报上级');
      expect(errors).toEqual([]);
      await ctx.close();
    }
    // And the record's own page shows its light.
    const { ctx, page } = await e.openAs(supervisor, `/rectifications/${made.yellow}`);
    await page.getByTestId('light').and(page.locator('[data-light="yellow"]')).waitFor({ timeout: 60_000 });
    await ctx.close();
  });
});
