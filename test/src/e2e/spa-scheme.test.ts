/**
 * The scheme editor in a real browser (issue 17, item 4) at 1366×768 and 390×844: the administrator copies
 * the scheme, changes a weight in the form (in %, the sum checked inline by the core's schema) and a day of
 * the working calendar (休), previews what the change does (a township's rank moves), confirms with a
 * reason and saves a new version — no raw JSON, no page or console error.
 */
import type { Scheme } from '@jiandu/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scrollWidth } from '../support/browser.js';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The newest version (the GET list answers newest first) and the scheme in force. */
async function current(): Promise<Scheme> {
  const { session } = await e.stack.user('admin', 'city');
  const r = await e.stack.api<Scheme>(session, 'GET', '/api/v1/schemes/current');
  return r.body;
}

async function setNumber(page: Page, testId: string, value: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`));
  await input.first().fill(value);
  await input.first().blur();
}

describe('the scheme editor', () => {
  it('changes a weight and a holiday through the form, previews the moved ranks and saves a new version, at both widths', async () => {
    const { session: admin } = await e.stack.user('admin', 'city');
    const { session: inspector } = await e.stack.user('inspector', 'city');
    // This quarter: 青松镇 three grave findings, 白石乡 two — the findings weight decides their order.
    for (const unitId of ['ds-a', 'ds-a', 'ds-a', 'ds-b', 'ds-b'])
      await e.createFinding(inspector, unitId, `${unitId} 严重问题`, { severity: 'grave' });
    const year = new Date().getFullYear();
    const runs = [
      { viewport: DESKTOP, findings: '5', task: '50', day: `${year}-12-24`, reason: '降低督查发现权重' },
      { viewport: PHONE, findings: '15', task: '40', day: `${year}-12-23`, reason: '恢复督查发现权重' },
    ];
    for (const run of runs) {
      const before = await current();
      const { ctx, page, errors } = await e.openAs(admin, '/admin/schemes', { viewport: run.viewport });
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      await page.getByTestId('scheme-copy').click();
      await page.getByTestId('scheme-form').waitFor();
      // A weight that breaks the sum is named at once, beside the weights, in Chinese.
      await setNumber(page, 'f-weights.findings', run.findings);
      await expect.poll(() => page.getByTestId('weights-sum').textContent()).toMatch(/须为 100%/);
      expect(await page.getByTestId('scheme-errors').textContent()).toContain('评分权重');
      expect(await page.getByTestId('scheme-preview').isDisabled()).toBe(true);
      await setNumber(page, 'f-weights.task', run.task);
      await page.getByTestId('scheme-errors').waitFor({ state: 'detached' });
      expect(await page.getByTestId('weights-sum').textContent()).toContain('合计 100%');
      await look(page, `scheme-form-${run.viewport.width}`);
      // The calendar: one click makes a normal day a holiday (休), listed beside the grid.
      await page.getByRole('tab', { name: '工作日历' }).click();
      await page.locator(`button[data-date="${run.day}"]`).click();
      await expect.poll(() => page.getByTestId('scheme-holidays').textContent()).toContain(run.day);
      expect(await page.locator(`button[data-date="${run.day}"]`).textContent()).toContain('休');
      await look(page, `scheme-calendar-${run.viewport.width}`);
      if (run.viewport === PHONE) expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      // The preview: 青松镇's rank moves in 东山县's townships; nothing is stored until confirmed.
      await page.getByTestId('scheme-preview').click();
      const body = page.getByTestId('scheme-preview-body');
      await body.waitFor();
      const group = page.getByTestId('preview-group-county-townships@ds');
      await group.waitFor();
      expect(await group.textContent()).toContain('青松镇');
      expect(await group.textContent()).toContain('县内乡镇（东山县）');
      expect((await current()).version).toBe(before.version);
      await look(page, `scheme-preview-${run.viewport.width}`);
      // The reason is required before the save.
      await page.getByTestId('scheme-confirm-ok').click();
      await page.getByText('请填写理由').waitFor();
      await page.getByTestId('scheme-confirm-reason').fill(run.reason);
      await page.getByTestId('scheme-confirm-ok').click();
      await body.waitFor({ state: 'detached' });
      await page.getByTestId('scheme-versions').getByText(run.reason).waitFor();
      const after = await current();
      expect(after.version).toBe(before.version + 1);
      expect(after.weights.findings).toBe(Number(run.findings) * 100);
      expect(after.weights.task).toBe(Number(run.task) * 100);
      expect(after.calendar[String(year)]?.holidays).toContain(run.day);
      // Everything else is the scheme that was copied.
      expect(after.deductions).toEqual(before.deductions);
      expect(after.peerGroups).toEqual(before.peerGroups);
      expect(errors).toEqual([]);
      expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
      await ctx.close();
    }
  });
});
