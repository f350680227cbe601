/**
 * The quarter's work in the browser. 指标: a unit officer reports a quarter's cumulative actual, and when a
 * supervisor changed the indicator meanwhile, sees it as it is now and retries on it.
 * 季度排名 → 预黄牌 → 问责: a supervisor publishes a past quarter's ranking of a peer group
 * in which one township was already carded the quarter before, confirms in the dialog and sees the card on
 * the township's row; an inspector then finds the proposed accountability case, its trigger and the
 * township's leaders as subjects. The data is prepared through the API in a county of its own (南湖县), so
 * nothing the other tests log can move its ranks.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look, prepareCardedCounty } from './helpers.js';

const e = e2eSuite();

describe('the quarter’s indicators and ranking in the browser', () => {
  it('reports an indicator’s actual as the unit officer, and retries on the current state after a 409', async () => {
    const { stack } = e;
    const nh = await prepareCardedCounty(e);
    const qi = Number(nh.second.slice(5));
    const created = await stack.api<{ id: string }>(nh.supervisor, 'POST', '/api/v1/indicators', {
      unitId: nh.c,
      year: Number(nh.second.slice(0, 4)),
      name: '易地搬迁入住率',
      measure: '%',
      target: 100,
      actuals: [null, null, null, null],
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const actualOf = async () => {
      const r = await stack.api<{ actuals: (number | null)[]; version: number }>(
        nh.supervisor,
        'GET',
        `/api/v1/indicators/${id}`,
      );
      return r.body;
    };
    const officer = (await stack.user('unit_officer', nh.c)).session;
    // Not reported yet: the draft says the indicator counts 0 until it is, rather than a bare 0/40.
    const pre = await e.openAs(
      officer,
      `/rankings?quarter=${nh.second}&group=${encodeURIComponent(nh.groupKey)}`,
    );
    const unreported = pre.page.getByTestId('unreported-actuals');
    await unreported.waitFor({ timeout: 60_000 });
    expect(await unreported.textContent()).toContain('尚未报送');
    await pre.page
      .locator(`[data-testid=ranking-row][data-unit="${nh.c}"] .ant-table-row-expand-icon`)
      .click();
    await expect
      .poll(() => pre.page.getByTestId('score-breakdown').textContent(), { timeout: 30_000 })
      .toContain('未报送（计 0）');
    expect(pre.errors).toEqual([]);
    await pre.ctx.close();
    const o = await e.openAs(officer, `/indicators?quarter=${nh.second}`);
    const input = o.page.locator(
      `input[data-testid="indicator-actual-${id}"], [data-testid="indicator-actual-${id}"] input`,
    );
    await input.waitFor();
    await input.fill('60');
    await o.page.getByTestId(`indicator-save-${id}`).click();
    await expect.poll(async () => (await actualOf()).actuals[qi - 1], { timeout: 60_000 }).toBe(60);
    await expect.poll(() => o.page.getByTestId(`indicator-completion-${id}`).textContent()).not.toBe('0.0%');
    await look(o.page, 'indicators-reported');
    // The supervisor renames the indicator meanwhile: the officer's screen still holds the old version.
    const before = await actualOf();
    const renamed = await stack.api(nh.supervisor, 'PUT', `/api/v1/indicators/${id}`, {
      expectedVersion: before.version,
      name: '易地搬迁安置入住率',
    });
    expect(renamed.status).toBe(200);
    await input.fill('70');
    await o.page.getByTestId(`indicator-save-${id}`).click();
    await o.page.getByTestId('conflict-notice').waitFor();
    expect(await o.page.getByTestId('indicator-current').textContent()).toContain('易地搬迁安置入住率');
    await look(o.page, 'indicators-conflict');
    expect((await actualOf()).actuals[qi - 1]).toBe(60);
    await o.page.getByTestId('conflict-retry').click();
    await expect.poll(async () => (await actualOf()).actuals[qi - 1], { timeout: 60_000 }).toBe(70);
    await o.page.getByTestId('conflict-notice').waitFor({ state: 'detached' });
    // The quarter's draft ranking counts it: the township's breakdown names the indicator, 70 of 75.
    await o.page.goto(`${stack.base}/rankings?quarter=${nh.second}&group=${encodeURIComponent(nh.groupKey)}`);
    const row = o.page.locator(`[data-testid=ranking-row][data-unit="${nh.c}"]`);
    await row.locator('.ant-table-row-expand-icon').click();
    const breakdown = o.page.getByTestId('score-breakdown');
    await expect.poll(() => breakdown.textContent(), { timeout: 30_000 }).toContain('易地搬迁安置入住率');
    expect(await breakdown.textContent()).toContain('70');
    await look(o.page, 'ranking-breakdown-officer');
    expect(o.errors).toEqual([]);
    await o.ctx.close();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`answers a publish of a quarter published meanwhile in Chinese, closes the dialog and offers no second 发布 (${viewport.width}px)`, async () => {
      const { stack } = e;
      const { first, second, groupKey, supervisor } = await prepareCardedCounty(e);
      // A quarter already published: its draft offers the published ranking, not 发布.
      const done = await e.openAs(
        supervisor,
        `/rankings?quarter=${first}&group=${encodeURIComponent(groupKey)}`,
        {
          viewport,
        },
      );
      await done.page.getByTestId('show-published').waitFor({ timeout: 60_000 });
      expect(await done.page.getByTestId('publish').count()).toBe(0);
      await done.ctx.close();
      // The page shows the second quarter's draft; someone else publishes it meanwhile.
      const s = await e.openAs(
        supervisor,
        `/rankings?quarter=${second}&group=${encodeURIComponent(groupKey)}`,
        {
          viewport,
        },
      );
      await s.page.getByTestId('publish').waitFor({ timeout: 60_000 });
      const other = await stack.api(supervisor, 'POST', '/api/v1/rankings/publish', {
        quarter: second,
        groupKey,
      });
      expect(other.status).toBe(201);
      await s.page.getByTestId('publish').click();
      await s.page.getByTestId('publish-confirm').click();
      const alert = s.page.getByTestId('error-alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('已发布');
      // no server English and no internal key reach the zh-CN user
      expect(text).not.toMatch(/[A-Za-z]{3,}/);
      // the dialog is gone, and the page now offers the published ranking instead of a second 发布
      await s.page.getByTestId('publish-confirm').waitFor({ state: 'detached' });
      await s.page.getByTestId('show-published').waitFor({ timeout: 30_000 });
      expect(await s.page.getByTestId('publish').count()).toBe(0);
      await look(s.page, `ranking-already-published-${viewport.width}`);
      expect(s.errors).toEqual([]);
      await s.ctx.close();
    });
  }

  it('publishes a past quarter with confirmation, marks the card on the last unit, and proposes a case an inspector reviews, decides and closes', async () => {
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
    // 预黄牌一览: the card just issued is listed under its quarter and unit, and leads back to the ranking.
    await s.page.getByTestId('cards-link').click();
    await s.page.waitForURL(/\/rankings\/cards/);
    await s.page.goto(`${stack.base}/rankings/cards?unitId=${c}`);
    const cardRows = s.page.getByTestId('cards-row');
    await expect.poll(() => cardRows.count(), { timeout: 30_000 }).toBe(2);
    const cardsText = (await s.page.getByTestId('cards').textContent()) ?? '';
    expect(cardsText).toContain(first);
    expect(cardsText).toContain(second);
    expect(await s.page.getByTestId('breadcrumbs').textContent()).toContain('预黄牌一览');
    await look(s.page, 'cards-list');
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
    const listedText = (await i.page.getByTestId('cases').textContent()) ?? '';
    expect(listedText).toContain('连续两个季度预黄牌');
    expect(listedText).toContain('周明远');
    await look(i.page, 'cases-proposed');
    // Filtered by what proposed it: there under 连续两个季度预黄牌, not under 整改逾期.
    await i.page.getByTestId('filter-trigger').click();
    await i.page.locator('.ant-select-item-option').filter({ hasText: '整改逾期' }).click();
    await i.page.waitForURL(/trigger=rectification_overdue/);
    await expect.poll(() => i.page.locator(`a[href="/cases/${caseId}"]`).count()).toBe(0);
    await i.page.goto(`${stack.base}/cases?trigger=consecutive_cards`);
    await listed.waitFor();
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
    // People by name, not by id: the answer carries each subject's name, the list shows them too.
    expect(table).toContain('周明远');
    expect(table).toContain('吴晓芳');
    await look(i.page, 'case-proposed-detail');
    // The inspector takes it under review, decides 诫勉谈话 with a note, and closes it.
    const state = () => i.page.getByTestId('case-detail').getAttribute('data-state');
    await i.page.getByTestId('action-review').click();
    await expect.poll(state, { timeout: 60_000 }).toBe('under_review');
    await i.page.getByTestId('action-decide').click();
    await i.page.getByTestId('decide-form').click();
    await i.page.keyboard.type('诫勉');
    await i.page.locator('.ant-select-item-option-active').filter({ hasText: '诫勉谈话' }).waitFor();
    await i.page.keyboard.press('Enter');
    await look(i.page, 'case-decide-dialog');
    await i.page.getByTestId('decide-ok').click();
    await expect.poll(state, { timeout: 60_000 }).toBe('decided');
    expect(await i.page.getByTestId('case-detail').textContent()).toContain('诫勉谈话');
    await i.page.getByTestId('action-close').click();
    await expect.poll(state, { timeout: 60_000 }).toBe('closed');
    await expect.poll(() => i.page.getByTestId('event').count(), { timeout: 30_000 }).toBe(4);
    await look(i.page, 'case-closed');
    expect(i.errors).toEqual([]);
    await i.ctx.close();
  });
});
