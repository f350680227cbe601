/**
 * 季度排名 → 预黄牌 → 问责 in the browser: a supervisor publishes a past quarter's ranking of a peer group
 * in which one township was already carded the quarter before, confirms in the dialog and sees the card on
 * the township's row; an inspector then finds the proposed accountability case, its trigger and the
 * township's leaders as subjects. The data is prepared through the API in a county of its own (南湖县), so
 * nothing the other tests log can move its ranks.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look, prepareCardedCounty } from './helpers.js';

const e = e2eSuite();

describe('publishing a ranking in the browser', () => {
  it('publishes a past quarter with confirmation, marks the card on the last unit, and proposes a case an inspector sees', async () => {
    const { stack } = e;
    const { a, c, first, second, groupKey, supervisor, inspector } = await prepareCardedCounty(e);
    // The supervisor publishes the second quarter in the browser.
    const s = await e.openAs(supervisor, `/rankings?quarter=${second}&group=${encodeURIComponent(groupKey)}`);
    const row = (unit: string) => s.page.locator(`[data-testid=ranking-row][data-unit="${unit}"]`);
    await row(c).waitFor();
    // The draft shows who would be carded; no card is issued before publishing.
    await row(c).getByTestId('card-draft-mark').waitFor();
    expect(await s.page.getByTestId('card-mark').count()).toBe(0);
    await look(s.page, 'ranking-draft');
    await s.page.getByTestId('publish').click();
    await s.page.getByTestId('publish-confirm').waitFor();
    await look(s.page, 'ranking-publish-confirm');
    await s.page.getByTestId('publish-confirm').click();
    await s.page.getByTestId('snapshot-info').waitFor({ timeout: 60_000 });
    await row(c).getByTestId('card-mark').waitFor();
    expect(await s.page.getByTestId('card-mark').count()).toBe(1);
    expect(await row(a).getByTestId('card-mark').count()).toBe(0);
    await look(s.page, 'ranking-published');
    expect(s.errors).toEqual([]);
    await s.ctx.close();

    // The inspector finds the proposed case: trigger (two consecutive cards) and the two leaders.
    const cases = await stack.api<{ items: { id: string; state: string }[] }>(
      inspector,
      'GET',
      `/api/v1/cases?unitId=${c}`,
    );
    expect(cases.body.items.map((x) => x.state)).toEqual(['proposed']);
    const caseId = cases.body.items[0]?.id;
    const i = await e.openAs(inspector, '/cases');
    const listed = i.page.locator(`a[href="/cases/${caseId}"]`).first();
    await listed.waitFor();
    expect(await i.page.getByTestId('cases').textContent()).toContain('连续两个季度预黄牌');
    await look(i.page, 'cases-proposed');
    await listed.click();
    await i.page.getByTestId('case-detail').waitFor();
    expect(await i.page.getByTestId('case-detail').getAttribute('data-state')).toBe('proposed');
    const detail = (await i.page.getByTestId('case-detail').textContent()) ?? '';
    expect(detail).toContain('连续两个季度预黄牌');
    expect(detail).toContain(first);
    expect(detail).toContain(second);
    const subjects = i.page.getByTestId('case-subjects').locator('tbody tr.ant-table-row');
    await expect.poll(() => subjects.count()).toBe(2);
    const table = (await i.page.getByTestId('case-subjects').textContent()) ?? '';
    expect(table).toContain('主要负责人');
    expect(table).toContain('分管负责人');
    expect(table).toContain('云岭镇');
    await look(i.page, 'case-proposed-detail');
    expect(i.errors).toEqual([]);
    await i.ctx.close();
  });
});
