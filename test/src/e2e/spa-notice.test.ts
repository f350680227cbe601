/**
 * 公示与异议 in the browser (issue 16): a supervisor puts a past quarter's draft on notice from the rankings
 * page; the carded township's officer reads the notice on a phone (own score, neighbours, every row) and
 * files an objection with a file; a county reviewer upholds it from the objection queue, and the draft on
 * notice cards another township. At 1366×768 and 390×844. The county is one of its own (南湖县).
 */
import type { Notice } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { e2eSuite, look, prepareCardedCounty } from './helpers.js';

const e = e2eSuite();
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('the notice period and objections in the browser', () => {
  it('puts a quarter on notice, takes an objection with a file, and the reviewer upholds it from the queue', async () => {
    const { stack } = e;
    const { county, c, second, groupKey, supervisor, admin } = await prepareCardedCounty(e);
    // The scheme gets an optional notice period of 5 working days (scheme data).
    const scheme = await stack.api<Record<string, unknown> & { version: number; publishing: object }>(
      admin,
      'GET',
      '/api/v1/schemes/current',
    );
    const next = await stack.api(admin, 'POST', '/api/v1/schemes', {
      ...scheme.body,
      version: scheme.body.version + 1,
      publishing: { ...scheme.body.publishing, noticePeriod: { workingDays: 5, required: false } },
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);

    // The supervisor puts the quarter on notice from the rankings page (desktop).
    const s = await e.openAs(
      supervisor,
      `/rankings?quarter=${second}&group=${encodeURIComponent(groupKey)}`,
      {
        viewport: DESKTOP,
      },
    );
    await s.page.getByTestId('start-notice').click();
    await s.page.getByTestId('notice-confirm').click();
    await s.page.waitForURL((u) => u.pathname.startsWith('/rankings/notices/'), { timeout: 60_000 });
    const noticeId = new URL(s.page.url()).pathname.split('/').at(-1) ?? '';
    await s.page.getByTestId('notice-info').waitFor();
    expect(await s.page.locator('[data-testid=ranking-row]').count()).toBe(3);
    await look(s.page, 'notice-supervisor-desktop');
    expect(s.errors).toEqual([]);
    await s.ctx.close();

    // The carded township's officer, on a phone: own score with neighbours, and an objection with a file.
    const officer = (await stack.user('unit_officer', c)).session;
    const o = await e.openAs(officer, `/rankings/notices/${noticeId}`, { viewport: PHONE });
    await o.page.getByTestId('my-rank').waitFor();
    expect(await o.page.locator('[data-testid=ranking-row]').count()).toBe(3);
    await look(o.page, 'notice-officer-phone');
    await o.page.getByTestId('object').click();
    const modal = o.page.getByTestId('objection-modal');
    await modal.getByTestId('objection-dimension').click();
    await o.page.locator('.ant-select-item-option').filter({ hasText: '督查发现' }).click();
    await modal.getByTestId('objection-input').click();
    await o.page.locator('.ant-select-item-option').filter({ hasText: '严重问题数' }).click();
    await modal
      .locator('input[data-testid="objection-claimed"], [data-testid="objection-claimed"] input')
      .fill('0');
    await modal
      .getByTestId('objection-modal-reason')
      .fill('该问题资金已于季度内追回并经县审计复核，不属挪用');
    await modal.getByTestId('objection-files').setInputFiles({
      name: '追回凭证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 追回凭证'),
    });
    await look(o.page, 'notice-objection-form-phone');
    await o.page.getByTestId('objection-modal-ok').click();
    await o.page.locator(`[data-testid=objection-row][data-unit="${c}"]`).waitFor({ timeout: 60_000 });
    expect(await o.page.getByTestId('objection-state').first().textContent()).toBe('待复核');
    expect(o.errors).toEqual([]);
    await o.ctx.close();

    // A county reviewer decides it from the queue: desktop first (looked at), then the phone upholds it.
    const reviewer = (await stack.user('reviewer', county)).session;
    const d = await e.openAs(reviewer, '/objections', { viewport: DESKTOP });
    await d.page.locator(`[data-testid=queue-item][data-unit="${c}"]`).waitFor({ timeout: 60_000 });
    await look(d.page, 'objection-queue-desktop');
    expect(d.errors).toEqual([]);
    await d.ctx.close();
    const r = await e.openAs(reviewer, '/objections', { viewport: PHONE });
    const item = r.page.locator(`[data-testid=queue-item][data-unit="${c}"]`);
    await item.waitFor({ timeout: 60_000 });
    expect(await item.textContent()).toContain('佐证材料 1');
    await item.getByTestId('uphold').click();
    const decision = r.page.getByTestId('decision-modal');
    expect(
      await decision
        .locator('input[data-testid="decision-value"], [data-testid="decision-value"] input')
        .inputValue(),
    ).toBe('0');
    await decision.getByTestId('decision-modal-reason').fill('经核实资金已追回，按无严重问题计');
    await look(r.page, 'objection-decision-phone');
    await r.page.getByTestId('decision-modal-ok').click();
    await r.page
      .locator(`[data-testid=queue-item][data-unit="${c}"]`)
      .waitFor({ state: 'detached', timeout: 60_000 });
    const after = await stack.api<{ notice: Notice }>(
      reviewer,
      'GET',
      `/api/v1/rankings/notices/${noticeId}`,
    );
    const carded = (n: Notice['ranking']) => n.rows.filter((x) => x.carded).map((x) => x.unitId);
    expect(carded(after.body.notice.ranking)).toEqual([c]);
    expect(carded(after.body.notice.current)).not.toContain(c);
    expect(r.errors).toEqual([]);
    await r.ctx.close();
  });
});
