/**
 * The list screens as a government admin system has them (issue 17, item 7): a search form over the table
 * (keyword sent as `q`, labelled date filters), 序号 and 操作 columns, sortable columns, 整改时限 shown
 * whole with the days overdue beside it on the desktop as on the phone, and breadcrumbs back to the list. The data is two past findings of a
 * township of its own (柳溪镇 or 竹林镇 under 东山县), whose deadlines passed 40 and 10 days ago.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

const dayBefore = (ms: number, days: number) =>
  new Date(ms + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** `name`: a township name of its own per call (the import finds a unit by its name). */
async function prepareOverdue(name: string) {
  const { stack } = e;
  const unit = `lx${Date.now().toString(36)}`;
  const admin = (await stack.user('admin', 'city')).session;
  const created = await stack.api(admin, 'POST', '/api/v1/units', {
    id: unit,
    name,
    kind: 'township',
    parentId: 'ds',
    code: unit.toUpperCase(),
    aliases: [],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const supervisor = (await stack.user('supervisor', 'ds')).session;
  const now = stack.h.deps.clock();
  const csv = [
    '发现日期,单位,问题类别,严重程度,问题描述,来源,整改时限',
    `${dayBefore(now, 200)},${name},挪用,严重,${name}：甲项目资金挪用,督查巡查,${dayBefore(now, 40)}`,
    `${dayBefore(now, 190)},${name},挪用,一般,${name}：乙项目台账缺失,督查巡查,${dayBefore(now, 10)}`,
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new File([csv], '柳溪镇历史问题.csv'));
  const imported = await stack.h.app.request('/api/v1/imports/past-records?dryRun=false', {
    method: 'POST',
    headers: { authorization: `Bearer ${supervisor.token}` },
    body: form,
  });
  const report = (await imported.json()) as { sheets: { counts: { created: number } }[] };
  expect(imported.status, JSON.stringify(report)).toBe(200);
  expect(report.sheets[0]?.counts.created).toBe(2);
  return { unit, supervisor, deadlines: [dayBefore(now, 40), dayBefore(now, 10)] };
}

describe('the rectification list as a searchable, sortable table', () => {
  for (const [viewport, township] of [
    [{ width: 1366, height: 768 }, '柳溪镇'],
    [{ width: 390, height: 844 }, '竹林镇'],
  ] as const) {
    it(`shows 整改时限 whole and the days overdue, numbers and sorts the rows, and sends the keyword (${viewport.width}px)`, async () => {
      const { unit, supervisor, deadlines } = await prepareOverdue(township);
      const o = await e.openAs(supervisor, `/rectifications?state=all&unitId=${unit}`, { viewport });
      const rows = o.page.getByTestId('rectifications-row');
      await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);
      // The days overdue, on the desktop as on the phone.
      const tags = await o.page.getByTestId('overdue-tag').allTextContents();
      expect(tags.sort()).toEqual(['逾期 10 天', '逾期 40 天']);
      for (const tag of await o.page.getByTestId('overdue-tag').all())
        expect(await tag.isVisible()).toBe(true);
      // 整改时限 whole: the cell's text is the date and nothing of it is cut.
      // (browser code as a string: this workspace's types have no DOM)
      const cells =
        (await o.page.evaluate(`[...document.querySelectorAll('[data-testid=rect-deadline]')].map((el) => {
        const cell = el.closest('[role=cell]');
        return { text: el.textContent, cut: cell.scrollWidth > cell.clientWidth };
      })`)) as { text: string; cut: boolean }[];
      expect(cells.map((c) => c.text).sort()).toEqual([...deadlines].sort());
      expect(cells.some((c) => c.cut)).toBe(false);
      // The page itself never scrolls sideways.
      expect(await o.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      // The labelled date filters.
      await o.page.getByLabel('开始日期').waitFor();
      await o.page.getByLabel('结束日期').waitFor();
      if (viewport.width > 700) {
        // 序号 and 操作 columns; sorting by 整改时限 orders the rows, and again in reverse.
        await o.page.getByRole('columnheader', { name: '序号' }).waitFor();
        await o.page.getByRole('columnheader', { name: '操作' }).waitFor();
        const firstDeadline = () => o.page.getByTestId('rect-deadline').first().textContent();
        await o.page.getByTestId('rectifications-sort-deadline').click();
        await expect.poll(firstDeadline).toBe(deadlines[0]);
        await o.page.getByTestId('rectifications-sort-deadline').click();
        await expect.poll(firstDeadline).toBe(deadlines[1]);
        expect(await o.page.getByRole('columnheader', { name: /整改时限/ }).getAttribute('aria-sort')).toBe(
          'descending',
        );
        await o.page.getByTestId('rectifications-sort-overdue').click();
        await expect.poll(() => o.page.getByTestId('overdue-tag').first().textContent()).toBe('逾期 10 天');
      }
      await look(o.page, `rectifications-table-${viewport.width}`);
      // The keyword goes to the API as `q` and stays in the address.
      const asked = o.page.waitForRequest(
        (r) => r.url().includes('/api/v1/rectifications?') && r.url().includes('q='),
      );
      const keyword = o.page.locator('input[data-testid=filter-q], [data-testid=filter-q] input');
      await keyword.fill('台账');
      await keyword.press('Enter');
      expect(new URL((await asked).url()).searchParams.get('q')).toBe('台账');
      expect(new URL(o.page.url()).searchParams.get('q')).toBe('台账');
      // Breadcrumbs: 首页 › 整改台账 on the list; a record below it adds 详情 and links back to the list.
      const crumbs = o.page.getByTestId('breadcrumbs');
      await expect.poll(() => crumbs.textContent()).toMatch(/^首页.*整改/);
      await o.page.goto(`${e.stack.base}/rectifications?state=all&unitId=${unit}`);
      await rows.first().getByRole('link').first().click();
      await expect.poll(() => crumbs.textContent(), { timeout: 30_000 }).toMatch(/详情$/);
      // The screen itself is the current page (its crumb alone), never the home or the list above it.
      expect(await crumbs.locator('[aria-current="page"]').allTextContents()).toEqual(['详情']);
      await crumbs.getByRole('link', { name: /整改/ }).click();
      await o.page.waitForURL(/\/rectifications$/);
      expect(o.errors).toEqual([]);
      await o.ctx.close();
    });
  }
});
