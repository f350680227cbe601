/**
 * The monthly bulletin on a phone (issue 17, "the bulletin table squeezes to one character per line"): a
 * wide table scrolls sideways inside its own box, every cell keeps its words on one line, and the page
 * itself never scrolls sideways. The data is a county of its own with findings and an overdue township.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look, prepareCardedCounty } from './helpers.js';

const e = e2eSuite();

describe('the bulletin on a phone', () => {
  it('keeps each table cell on one line and scrolls a wide table inside its box (390px)', async () => {
    const { stack } = e;
    const nh = await prepareCardedCounty(e);
    const viewer = (await stack.user('viewer', nh.county)).session;
    const month = new Date(stack.h.deps.clock() + 8 * 3_600_000).toISOString().slice(0, 7);
    // An indicator of this year: the bulletin's progress table, six columns wide.
    const indicator = await stack.api(nh.supervisor, 'POST', '/api/v1/indicators', {
      unitId: nh.c,
      year: Number(month.slice(0, 4)),
      name: '易地扶贫搬迁安置点入住率',
      measure: '%',
      target: 100,
      actuals: [null, null, null, null],
    });
    expect(indicator.status, JSON.stringify(indicator.body)).toBe(201);
    const o = await e.openAs(viewer, `/bulletins?month=${month}&unitId=${nh.county}`, {
      viewport: { width: 390, height: 844 },
    });
    await o.page.getByTestId('bulletin').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => o.page.locator('[data-testid=bulletin] td').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    // (browser code as a string: this workspace's types have no DOM)
    const cells =
      (await o.page.evaluate(`[...document.querySelectorAll('[data-testid=bulletin] td, [data-testid=bulletin] th')]
      .map((el) => {
        const line = parseFloat(getComputedStyle(el).lineHeight) || 22;
        const pad = parseFloat(getComputedStyle(el).paddingTop) + parseFloat(getComputedStyle(el).paddingBottom);
        return { text: el.textContent, lines: Math.round((el.clientHeight - pad) / line) };
      })`)) as { text: string; lines: number }[];
    expect(cells.filter((c) => c.lines > 1)).toEqual([]);
    expect(await o.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await look(o.page, 'bulletin-phone');
    expect(o.errors).toEqual([]);
    await o.ctx.close();
  });
});
