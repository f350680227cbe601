import type { LedgerImportReport, LedgerUpdateReport } from '@jiandu/shared/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { upload, uploadFile } from './test-files.js';

let h: Harness;
let supervisor: string;
let officer: string;
let inspector: string;
const ids: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  supervisor = await h.token('supervisor');
  officer = await h.token('unit_officer', 'ds-a');
  inspector = await h.token('inspector');
  for (const n of [1, 2, 3, 4]) {
    const res = await h.call('POST', '/api/v1/rectifications', {
      token: supervisor,
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: `往返问题${n}`,
        deadline: '2025-09-30',
      },
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
});
afterAll(() => h.close());

const sendUpdates = (bytes: Uint8Array, dryRun = true, token = officer) =>
  uploadFile(h, '/api/v1/imports/rectification-ledger/updates', token, bytes, {
    dryRun,
    raw: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    defaultName: 'ledger.xlsx',
  });

/** The unit's ledger as exported, edited by `edit(cells of the row, its record id)`. */
async function exportedAndEdited(edit: (set: (header: string, v: string) => void, id: string) => void) {
  const res = await h.call('GET', '/api/v1/exports/rectifications.xlsx?unitId=ds-a', { token: officer });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const col = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const values = (row.values as unknown[]).map((v) => String(v ?? ''));
    if (!values.includes('记录编号')) return;
    headerRow = n;
    for (const [c, v] of values.entries()) col.set(v, c);
  });
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const id = String(row.getCell(col.get('记录编号')!).value ?? '');
    if (!id) continue;
    edit((header, v) => {
      row.getCell(col.get(header)!).value = v;
    }, id);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the ledger round trip', () => {
  let bytes: Uint8Array;

  it('exports each row with its 记录编号 and 版本, and lists the offline edits row by row in a dry run; a row changed in the system meanwhile is a conflict', async () => {
    bytes = await exportedAndEdited((set, id) => {
      if (id === ids[0]) {
        set('整改措施', '建立资金拨付台账');
        set('整改进展', '已拨付一半');
        set('整改状态', '整改中');
      }
      if (id === ids[1]) set('整改状态', '已销号');
      if (id === ids[3]) set('整改进展', '线下填写的进展');
    });
    // After the export, the officer records progress on the fourth in the system.
    const moved = await h.call('POST', `/api/v1/rectifications/${ids[3]}/actions`, {
      token: officer,
      body: { action: { type: 'addProgress', text: '系统内的进展' }, expectedVersion: 1 },
    });
    expect(moved.status).toBe(200);

    const res = await sendUpdates(bytes);
    expect(res.status).toBe(200);
    const r = (await res.json()) as LedgerUpdateReport;
    const byId = new Map(r.rows.map((x) => [x.rectificationId, x]));
    expect(byId.get(ids[0])).toMatchObject({
      status: 'update',
      changes: [
        { field: 'status', from: '已交办', to: '整改中' },
        { field: 'measures', from: null, to: '建立资金拨付台账' },
        { field: 'progress', from: null, to: '已拨付一半' },
      ],
    });
    // An offline 已销号 claim submits the record for the two in-system reviews; it never closes it.
    expect(byId.get(ids[1])).toMatchObject({
      status: 'update',
      changes: [
        { field: 'status', from: '已交办', to: '整改中' },
        { field: 'status', from: '整改中', to: '已提交销号' },
      ],
    });
    expect(byId.get(ids[2])).toMatchObject({ status: 'unchanged', changes: [] });
    expect(byId.get(ids[3])).toMatchObject({ status: 'conflict', fileVersion: 1, currentVersion: 2 });
    expect(r.counts).toMatchObject({ rows: 4, update: 2, unchanged: 1, conflict: 1, updated: 0 });
    const rec = (await (
      await h.call('GET', `/api/v1/rectifications/${ids[0]}`, { token: officer })
    ).json()) as {
      state: string;
    };
    expect(rec.state).toBe('assigned'); // a dry run writes nothing
  });

  it('commits the edits as the officer’s own workflow writes, leaves the conflicting row as the system has it, and a second commit of the same file conflicts', async () => {
    const r = (await (await sendUpdates(bytes, false)).json()) as LedgerUpdateReport;
    expect(r.counts).toMatchObject({ updated: 2, conflict: 1, unchanged: 1 });
    const get = async (id: string) =>
      (await (await h.call('GET', `/api/v1/rectifications/${id}`, { token: officer })).json()) as {
        state: string;
        version: number;
        measures: { text: string }[];
        progress: { text: string }[];
      };
    const first = await get(ids[0]!);
    expect(first).toMatchObject({ state: 'in_progress', version: 4 });
    expect(first.measures.map((m) => m.text)).toEqual(['建立资金拨付台账']);
    expect((await get(ids[1]!)).state).toBe('submitted');
    expect((await get(ids[3]!)).progress.map((p) => p.text)).toEqual(['系统内的进展']);
    const events = (await (
      await h.call('GET', `/api/v1/rectifications/${ids[0]}/events`, { token: officer })
    ).json()) as { items: { action: string; role: string }[] };
    expect(events.items.map((e) => [e.action, e.role])).toEqual([
      ['rectification.create', 'supervisor'],
      ['rectification.start', 'unit_officer'],
      ['rectification.addMeasure', 'unit_officer'],
      ['rectification.addProgress', 'unit_officer'],
    ]);
    const again = (await (await sendUpdates(bytes, false)).json()) as LedgerUpdateReport;
    expect(again.counts).toMatchObject({ updated: 0, conflict: 3, unchanged: 1 });
  });

  it('refuses the export as new records in the ledger import (it would duplicate them), and the update to anyone but a unit officer', async () => {
    const res = await upload(h, inspector, bytes);
    const r = (await res.json()) as LedgerImportReport;
    expect(r.counts).toMatchObject({ valid: 0, problems: 4 });
    expect(r.rows.every((x) => x.problems.some((p) => p.code === 'record.useUpdate'))).toBe(true);
    expect((await sendUpdates(bytes, true, inspector)).status).toBe(403);
  });
});
