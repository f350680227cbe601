/**
 * The administrator's unit form (issue 17, "the unit form asks for two unexplained ids"): a new township
 * is added by name, kind, organisation code and parent; the system id may be left empty (made from the
 * code) and every field says what it is for. At 1366×768 and 390×844.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

describe('the unit form', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`adds a township without a system id, explaining each field (${viewport.width}px)`, async () => {
      const { stack } = e;
      const admin = (await stack.user('admin', 'city')).session;
      const code = `3301${Date.now().toString().slice(-8)}`;
      const name = `新设镇${code.slice(-4)}`;
      const o = await e.openAs(admin, '/admin/units', { viewport });
      await o.page.getByTestId('add-unit').click();
      const dialog = o.page.getByRole('dialog');
      await dialog.getByLabel('单位名称').fill(name);
      await dialog.getByLabel('类型').click();
      await o.page.locator('.ant-select-item-option').filter({ hasText: '乡镇' }).click();
      await dialog.getByLabel('机构代码').fill(code);
      // What each id is for is said beside it.
      expect(await dialog.textContent()).toContain('行政区划代码或统一社会信用代码');
      expect(await dialog.textContent()).toContain('不填则按机构代码生成');
      await dialog.getByLabel('上级单位').click();
      await o.page.keyboard.type('东山');
      await o.page.locator('.ant-select-item-option').filter({ hasText: '东山县' }).first().click();
      await look(o.page, `unit-form-${viewport.width}`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      // Stored under the code as its id, below 东山县.
      const stored = await stack.h.deps.store.get<{ id: string; parentId: string; code: string }>(
        'unit',
        code,
      );
      expect(stored?.data).toMatchObject({ id: code, parentId: 'ds', code });
      // The address names the new unit; opened from it, the tree shows it selected, its branch open.
      await o.page.waitForURL((u) => u.searchParams.get('unit') === code);
      await o.page.getByTestId('unit-tree').getByText(name).waitFor();
      await o.page.locator('.ant-card-head-title', { hasText: name }).first().waitFor();
      // Its principal, by name (not the person's id); the admin ends the post with a reason.
      const tenure = await stack.api(admin, 'POST', '/api/v1/tenures', {
        personName: '欧阳书记',
        tenure: {
          id: `${code}-t`,
          personId: `${code}-p`,
          unitId: code,
          post: 'principal',
          from: '2024-01-01',
          to: null,
        },
      });
      expect(tenure.status, JSON.stringify(tenure.body)).toBe(201);
      await o.page.reload();
      const tenures = o.page.getByTestId('tenures');
      await expect.poll(() => tenures.textContent(), { timeout: 30_000 }).toContain('欧阳书记');
      expect(await tenures.textContent()).not.toContain(`${code}-p`);
      await o.page.getByTestId('tenure-edit').click();
      await o.page.getByTestId('tenure-editor-to').fill('2025-06-30');
      await o.page.getByTestId('tenure-editor-reason').fill('调任');
      await o.page.getByTestId('tenure-editor-ok').click();
      await o.page.getByTestId('tenure-editor-ok').waitFor({ state: 'detached' });
      const ended = await stack.h.deps.store.get<{ to: string | null }>('tenure', `${code}-t`);
      expect(ended?.data.to).toBe('2025-06-30');
      expect(o.errors).toEqual([]);
      await o.ctx.close();
    });
  }
});
