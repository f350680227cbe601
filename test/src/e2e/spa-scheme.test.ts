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
    // Each run moves 10 points between the findings and the task weight (the second moves them back) and
    // makes a weekday of late December a holiday: chosen from what is stored, so a retry (vitest `retry`,
    // same stack) starts from the versions the first attempt saved and still changes something.
    const start = await current();
    const move = start.weights.findings >= 1000 ? -10 : 10;
    const weekdays = Array.from({ length: 8 }, (_, i) => `${year}-12-${21 + i}`).filter(
      (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    const runs = [
      { viewport: DESKTOP, move, reason: '调整督查发现权重' },
      { viewport: PHONE, move: -move, reason: '恢复督查发现权重' },
    ];
    for (const run of runs) {
      const before = await current();
      const findings = String(before.weights.findings / 100 + run.move);
      const task = String(before.weights.task / 100 - run.move);
      const day = weekdays.find((d) => !before.calendar[String(year)]?.holidays.includes(d));
      if (!day) throw new Error('no free weekday left in late December');
      const reason = `${run.reason}（第 ${before.version + 1} 版）`;
      const { ctx, page, errors } = await e.openAs(admin, '/admin/schemes', { viewport: run.viewport });
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location().url}`);
      });
      await page.getByTestId('scheme-copy').click();
      await page.getByTestId('scheme-form').waitFor();
      // A weight that breaks the sum is named at once, beside the weights, in Chinese.
      await setNumber(page, 'f-weights.findings', findings);
      await expect
        .poll(() => page.getByTestId('weights-sum').textContent())
        .toMatch(/^合计 (?!100%)\d+%（须为 100%）/);
      expect(await page.getByTestId('scheme-errors').textContent()).toContain('评分权重');
      expect(await page.getByTestId('scheme-preview').isDisabled()).toBe(true);
      await setNumber(page, 'f-weights.task', task);
      await page.getByTestId('scheme-errors').waitFor({ state: 'detached' });
      expect(await page.getByTestId('weights-sum').textContent()).toContain('合计 100%');
      await look(page, `scheme-form-${run.viewport.width}`);
      // The calendar: one click makes a normal day a holiday (休), listed beside the grid.
      await page.getByRole('tab', { name: '工作日历' }).click();
      await page.locator(`button[data-date="${day}"]`).click();
      await expect.poll(() => page.getByTestId('scheme-holidays').textContent()).toContain(day);
      expect(await page.locator(`button[data-date="${day}"]`).textContent()).toContain('休');
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
      await page.getByTestId('scheme-confirm-reason').fill(reason);
      await page.getByTestId('scheme-confirm-ok').click();
      await body.waitFor({ state: 'detached' });
      await page.getByTestId('scheme-versions').getByText(reason).waitFor();
      const after = await current();
      expect(after.version).toBe(before.version + 1);
      expect(after.weights.findings).toBe(Number(findings) * 100);
      expect(after.weights.task).toBe(Number(task) * 100);
      expect(after.calendar[String(year)]?.holidays).toContain(day);
      // Everything else is the scheme that was copied.
      expect(after.deductions).toEqual(before.deductions);
      expect(after.peerGroups).toEqual(before.peerGroups);
      expect(errors).toEqual([]);
      expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
      await ctx.close();
    }
  });
});
