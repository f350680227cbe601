/**
 * The ledger import and the exports through the SPA: a supervisor checks a csv ledger (one row with a
 * problem), downloads it back with the 问题说明 column, imports the valid rows, exports the findings list
 * with the screen's filter, and finds both operations in the operation log (操作日志). The system
 * administrator moves units in through the organisation import (组织机构导入), on a phone.
 */
import { describe, expect, it } from 'vitest';
import { PHONE, scrollWidth } from '../support/browser.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

/** Unique per attempt: the suite retries once, and a second import of the same rows adds nothing. */
const csv = (run = Date.now().toString(36)) =>
  [
    '序号,问题来源,问题类别,问题描述,责任单位,责任人,整改措施,整改时限,整改进展,整改状态,涉及金额(万元)',
    `1,2018年审计,资金趴账,浏览器导入的问题一 ${run},青松镇,王某,限期拨付,2018/6/30,,整改中,412.45`,
    `2,2018年审计,挪用,浏览器导入的问题二 ${run},白石乡,,,2018年6月30日,,,1.5`,
    '3,2018年审计,挪用,外县单位的问题,龙门镇,,,2018-06-30,,,1',
  ].join('\r\n');

/** A 单位 sheet as csv: one new township (unique per attempt) and one row whose parent does not exist. */
const unitsCsv = (run = Date.now().toString(36)) =>
  ['单位名称,单位类型,上级单位,单位编码', `东风镇${run},镇,东山县,`, '无名村,村,不存在镇,'].join('\r\n');

describe('spreadsheets in the SPA', () => {
  it('checks a ledger, gives back its problems, imports it once, exports a list, and logs both', async () => {
    const { session } = await e.stack.user('supervisor');
    const inspector = await e.stack.user('inspector');
    await e.createFinding(inspector.session, 'ds-a', '导出用的问题', { severity: 'serious' });
    const { ctx, page, errors } = await e.openAs(session, '/imports');
    await page.getByTestId('import-check').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '东山县台账.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(), 'utf8'),
    });
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toBe('1');
    await look(page, 'imports-checked');

    const [annotated] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-annotated').click(),
    ]);
    expect(annotated.suggestedFilename()).toBe('东山县台账-问题说明.xlsx');

    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('新增 2 条');

    await page.goto(`${e.stack.base}/findings?severity=serious`);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-findings').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^督查发现问题-\d{4}-\d{2}-\d{2}\.xlsx$/);

    expect(errors).toEqual([]);
    await ctx.close();

    // 三员分立: the county's audit administrator reads the log of both.
    const audit = await e.openAs((await e.stack.user('audit_admin')).session, '/operation-log');
    const log = audit.page.getByTestId('operation-log');
    await expect.poll(() => log.textContent()).toContain('整改台账');
    expect(await log.textContent()).toContain('督查发现');
    await look(audit.page, 'operation-log');
    expect(audit.errors).toEqual([]);
    await audit.ctx.close();
  }, 240_000);

  it('fits a phone: the import report and the log never scroll sideways', async () => {
    const { session } = await e.stack.user('supervisor');
    const { ctx, page, errors } = await e.openAs(session, '/imports', { viewport: PHONE });
    await page.locator('input[type=file]').setInputFiles({
      name: 'phone.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(), 'utf8'),
    });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor();
    await page.getByTestId('import-toggle-rows').click();
    await look(page, 'imports-phone');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // Imported, so the log (on its own, whatever ran before) has an entry to show.
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await ctx.close();
    const audit = await e.openAs((await e.stack.user('audit_admin')).session, '/operation-log', {
      viewport: PHONE,
    });
    await audit.page.getByTestId('operation-log').waitFor();
    await look(audit.page, 'operation-log-phone');
    expect(await scrollWidth(audit.page)).toBeLessThanOrEqual(PHONE.width);
    expect(audit.errors).toEqual([]);
    await audit.ctx.close();
  }, 240_000);

  it('moves units in: the system administrator checks a units csv, reads its problem, downloads it annotated and imports it once, at phone width', async () => {
    const { session } = await e.stack.user('admin');
    const { ctx, page, errors } = await e.openAs(session, '/imports', { viewport: PHONE });
    await page.getByTestId('org-import-check').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '单位.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(unitsCsv(), 'utf8'),
    });
    await page.getByTestId('org-import-check').click();
    await expect.poll(() => page.getByTestId('org-import-problems').textContent()).toBe('1');
    await look(page, 'org-import-phone');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const [annotated] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('org-import-annotated').click(),
    ]);
    expect(annotated.suggestedFilename()).toBe('单位-问题说明.xlsx');
    await page.getByTestId('org-import-commit').click();
    await expect.poll(() => page.getByTestId('org-import-units').textContent()).toContain('已新增 1');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 240_000);
});
