/**
 * 迁移记录: a committed import's run is listed in its jurisdiction only, for those who import, and its
 * check compares the aggregates of its quarters with a rebuild — equal after honest writes, naming the
 * unit when an aggregate was changed behind the records' back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportRunInput, recordImportRun } from '../services/migrations/import-runs.js';
import { addAggregateUpdate } from '../store/aggregate-codec.js';
import { Tx } from '../store/tx.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const run = (over: Partial<ImportRunInput> = {}): ImportRunInput => ({
  kind: 'ledger',
  uploadId: 'up1',
  fileName: '东山县整改台账.xlsx',
  sha256: 'a'.repeat(64),
  at: '2025-05-15T10:00:00+08:00',
  scopeUnitId: 'ds',
  rows: { in: 3, refused: 1, created: 2, updated: 0, unchanged: 0 },
  created: { rectification: 2 },
  quarters: ['2025Q2', '2025Q1', '2025Q2'],
  ...over,
});

const as = (token: string) => ({ token });

describe('migration runs', () => {
  it('are listed newest first in the jurisdiction, for those who import, and checked against a rebuild', async () => {
    const sup = await h.token('supervisor');
    const created = await h.call('POST', '/api/v1/rectifications', {
      token: sup,
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: '台账导入整改',
        deadline: '2025-05-01',
      },
    });
    expect(created.status).toBe(201);
    const p = { id: 'u-importer', name: '李明', unitId: 'ds' };
    const first = await recordImportRun(h.deps, p, 'supervisor', run());
    expect(first.quarters).toEqual(['2025Q1', '2025Q2']);
    await recordImportRun(h.deps, p, 'supervisor', run({ kind: 'history', at: '2025-05-15T11:00:00+08:00' }));
    await recordImportRun(h.deps, { ...p, unitId: 'xs' }, 'supervisor', run({ scopeUnitId: 'xs' }));

    const page = await h.call('GET', '/api/v1/migrations', as(sup));
    expect(page.status).toBe(200);
    const { items } = (await page.json()) as { items: { id: string; kind: string; importerName: string }[] };
    expect(items.map((r) => r.kind)).toEqual(['history', 'ledger']);
    expect(items[1]).toMatchObject({ id: first.id, importerName: '李明' });
    const ledgers = await h.call('GET', '/api/v1/migrations?kind=ledger', as(sup));
    expect(((await ledgers.json()) as { items: unknown[] }).items).toHaveLength(1);

    const check = await h.call('GET', `/api/v1/migrations/${first.id}/check`, as(sup));
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({
      equal: true,
      quarters: [
        { quarter: '2025Q1', differences: [] },
        { quarter: '2025Q2', units: 1, differences: [] },
      ],
    });

    // An aggregate changed behind the records' back is named.
    const tx = new Tx(h.deps.tableName);
    addAggregateUpdate(tx, {
      unitId: 'ds-b',
      quarter: '2025Q2',
      counters: { 'findings.grave': 1 },
      tasks: {},
    });
    await tx.commit(h.deps.doc);
    const again = await h.call('GET', `/api/v1/migrations/${first.id}/check`, as(sup));
    expect(await again.json()).toMatchObject({
      equal: false,
      quarters: [{ quarter: '2025Q1' }, { quarter: '2025Q2', differences: ['ds-b'] }],
    });
  });

  it('answer a run outside the jurisdiction as missing, and refuse roles that do not import', async () => {
    const other = await recordImportRun(
      h.deps,
      { id: 'u2', name: '王芳', unitId: 'xs' },
      'supervisor',
      run({ scopeUnitId: 'xs' }),
    );
    const sup = await h.token('supervisor');
    expect((await h.call('GET', `/api/v1/migrations/${other.id}/check`, as(sup))).status).toBe(404);
    expect((await h.call('GET', '/api/v1/migrations/nope/check', as(sup))).status).toBe(404);
    expect(
      (await h.call('GET', '/api/v1/migrations', as(await h.token('unit_officer', 'ds-a')))).status,
    ).toBe(403);
    expect((await h.call('GET', '/api/v1/migrations', as(await h.token('admin', 'city')))).status).toBe(200);
  });
});
