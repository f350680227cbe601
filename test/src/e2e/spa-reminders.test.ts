/**
 * 催办 in the browser (issue 16): a supervisor sends a reminder from an overdue rectification's page and a
 * batch from the list (the overdue rows it shows); the dialog says whom it reached — the township's
 * principal by name — and that the deputy-in-charge post is vacant and reported to the county; the
 * record's history shows it. The township's officer finds it under 督办单 unread, marks it read on the
 * record, and the supervisor sees who read it. At 1366×768 and 390×844, a township of its own per width.
 */
import { describe, expect, it } from 'vitest';
import { e2eSuite, look } from './helpers.js';

const e = e2eSuite();

const dayBefore = (ms: number, days: number) =>
  new Date(ms + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** A township under 东山县 with a principal in post and no deputy in charge, and two overdue rectifications. */
async function prepare(name: string) {
  const { stack } = e;
  const unit = `rm${Date.now().toString(36)}`;
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
  const now = stack.h.deps.clock();
  const tenure = await stack.api(admin, 'POST', '/api/v1/tenures', {
    personName: '梁书记',
    tenure: {
      id: `${unit}-t1`,
      personId: `${unit}-p1`,
      unitId: unit,
      post: 'principal',
      from: dayBefore(now, 400),
      to: null,
    },
  });
  expect(tenure.status, JSON.stringify(tenure.body)).toBe(201);
  const supervisor = (await stack.user('supervisor', 'ds')).session;
  const csv = [
    '发现日期,单位,问题类别,严重程度,问题描述,来源,整改时限',
    `${dayBefore(now, 200)},${name},挪用,严重,${name}：危房改造资金挪用,督查巡查,${dayBefore(now, 40)}`,
    `${dayBefore(now, 190)},${name},挪用,一般,${name}：产业项目台账缺失,督查巡查,${dayBefore(now, 10)}`,
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new File([csv], `${name}历史问题.csv`));
  const imported = await stack.h.app.request('/api/v1/imports/past-records?dryRun=false', {
    method: 'POST',
    headers: { authorization: `Bearer ${supervisor.token}` },
    body: form,
  });
  expect(imported.status).toBe(200);
  const list = await stack.api<{ items: { id: string; title: string }[] }>(
    supervisor,
    'GET',
    `/api/v1/rectifications?unitId=${unit}`,
  );
  expect(list.body.items).toHaveLength(2);
  return { unit, supervisor, rects: list.body.items };
}

describe('reminders (催办) in the browser', () => {
  for (const [viewport, place] of [
    [{ width: 1366, height: 768 }, '梅岭镇'],
    [{ width: 390, height: 844 }, '松涛乡'],
  ] as const) {
    let attempt = 0;
    it(`reminds from a record and from the list, and the officer reads it (${viewport.width}px)`, async () => {
      // A retry (vitest `retry`) runs on the same stack: its township gets a name of its own, or the
      // import's match by name would find two.
      attempt += 1;
      const named = attempt === 1 ? place : `${place}${attempt}`;
      const { stack } = e;
      const township = named;
      const { unit, supervisor, rects } = await prepare(township);
      const rect = rects[0]!;
      const s = await e.openAs(supervisor, `/rectifications/${rect.id}`, { viewport });
      await s.page.getByTestId('record-reminders').waitFor({ timeout: 60_000 });
      await s.page.getByTestId('remind').click();
      await s.page.getByTestId('remind-message').fill('请于本周内完成整改并报送佐证材料');
      await look(s.page, `remind-dialog-${viewport.width}`);
      await s.page.getByTestId('remind-ok').click();
      const reached = s.page.getByTestId('remind-done');
      await reached.waitFor({ timeout: 60_000 });
      expect(await reached.textContent()).toContain('梁书记（主要负责人）');
      expect(await reached.getByTestId('remind-vacant').textContent()).toContain(
        '分管负责人空缺，已报东山县',
      );
      await s.page.keyboard.press('Escape');
      // On the record: the reminder, unread, and the event in its history.
      await expect.poll(() => s.page.getByTestId('reminder').count(), { timeout: 30_000 }).toBe(1);
      expect(await s.page.getByTestId('reminder-reads').textContent()).toContain('未读');
      await expect
        .poll(() => s.page.locator('[data-testid=event][data-action="reminder.issue"]').count(), {
          timeout: 30_000,
        })
        .toBe(1);
      // A batch from the list: the two overdue rows this screen shows.
      await s.page.goto(`${stack.base}/rectifications?state=all&unitId=${unit}`);
      const batch = s.page.getByTestId('remind-batch');
      await expect.poll(() => batch.textContent(), { timeout: 60_000 }).toContain('2');
      await batch.click();
      await s.page.getByTestId('remind-batch-ok').click();
      await expect
        .poll(() => s.page.getByTestId('remind-batch-done').locator('li').count(), { timeout: 60_000 })
        .toBe(2);
      await look(s.page, `remind-batch-${viewport.width}`);
      expect(s.errors).toEqual([]);
      await s.ctx.close();

      // The township's officer: two reminders on the first record's unit… under 督办单, unread.
      const officer = (await stack.user('unit_officer', unit)).session;
      const o = await e.openAs(officer, '/reminders', { viewport });
      await expect.poll(() => o.page.getByTestId('reminder-unread').count(), { timeout: 60_000 }).toBe(3);
      expect(await o.page.getByTestId('reminders').textContent()).toContain('危房改造资金挪用');
      await look(o.page, `reminders-officer-${viewport.width}`);
      // …opens the record and marks its reminders read.
      await o.page.goto(`${stack.base}/rectifications/${rect.id}`);
      await o.page.getByTestId('record-reminders').waitFor({ timeout: 60_000 });
      for (let i = 0; i < 2; i++) {
        await o.page.getByTestId('reminder-mark-read').first().click();
        await expect
          .poll(() => o.page.getByTestId('reminder-mark-read').count(), { timeout: 30_000 })
          .toBe(1 - i);
      }
      expect(o.errors).toEqual([]);
      await o.ctx.close();

      // The supervisor sees who read them.
      const again = await e.openAs(supervisor, `/rectifications/${rect.id}`, { viewport });
      await expect
        .poll(async () => (await again.page.getByTestId('record-reminders').textContent()) ?? '', {
          timeout: 60_000,
        })
        .toContain('已读：');
      // By name (the township and the role, as the test stack names its people), never an id or a role code.
      const reminders = (await again.page.getByTestId('record-reminders').textContent()) ?? '';
      expect(reminders).toContain(`已读：${township}责任单位联络员`);
      expect(reminders).not.toContain('unit_officer');
      expect(again.errors).toEqual([]);
      await again.ctx.close();
    });
  }
});
