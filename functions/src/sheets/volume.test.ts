/**
 * Spreadsheets at their limits: a ledger of exactly the row cap is accepted (a dry run checks every row),
 * one row more or a file over the size cap is refused before anything is read into the store, and an
 * export streams page after page into one xlsx read back row by row. The times of a committed 10,000-row
 * ledger and of a 100,000-row export, and the export's memory, are figures: `npm run bench` measures them
 * (bench/src/sheets.ts) — a timed test on a shared machine measures the machine.
 */

import { Readable } from 'node:stream';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@jiandu/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { type ImportReport, MAX_IMPORT_ROWS } from './ledger-import.js';
import { type Row, upload, xlsxOf } from './test-files.js';

let h: Harness;
let inspector: string;
let supervisor: string;
beforeAll(async () => {
  h = await startHarness();
  inspector = await h.token('inspector');
  supervisor = await h.token('supervisor');
});
afterAll(() => h.close());

const report = async (res: Response) => {
  expect(res.status).toBe(200);
  return (await res.json()) as ImportReport;
};

const finding = (over: Record<string, unknown>) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description: '扶贫台账填报流于形式',
  amountFen: 412_450_000,
  discoveredOn: '2025-05-10',
  ...over,
});

interface Entry {
  target: string;
  filter: Record<string, string>;
  rows: number;
  outcome: string;
}

/**
 * The log is written once the stream has ended, a moment after the last byte: poll until an entry is
 * there — on a condition with a generous deadline, not a fixed number of tries (a busy machine is slow).
 */
function logEntries(token: string, query = ''): Promise<Entry[]> {
  return vi.waitFor(
    async () => {
      const res = await h.call('GET', `/api/v1/operation-log${query}`, { token });
      const items = ((await res.json()) as { items: Entry[] }).items;
      if (items.length === 0) throw new Error('no operation-log entry yet');
      return items;
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe('spreadsheets at volume', () => {
  it('accepts 10,000 rows, and refuses 10,001 rows and a file over the size cap', async () => {
    const units = ['青松镇', '白石乡', '红岭镇', '柳溪村'];
    const many = (n: number): Row[] =>
      Array.from({ length: n }, (_, i) => [
        i + 1,
        '审计',
        '挪用',
        `第${i + 1}号问题`,
        units[i % 4]!,
        null,
        null,
        45838 + (i % 60),
        null,
        null,
        (i % 1000) / 100,
      ]);
    const r = await report(await upload(h, inspector, await xlsxOf(many(MAX_IMPORT_ROWS))));
    expect(r.dryRun).toBe(true);
    expect(r.counts).toMatchObject({ rows: 10_000, valid: 10_000, problems: 0 });
    const tooMany = await upload(h, inspector, await xlsxOf(many(MAX_IMPORT_ROWS + 1)), { dryRun: false });
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { code: string }).code).toBe('import.tooManyRows');
    const huge = await upload(h, inspector, new Uint8Array(5 * 1024 * 1024).fill(0x41), { raw: 'text/csv' });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { code: string }).code).toBe('request.tooLarge');
  }, 300_000);

  it('streams an export of many pages into one xlsx, every row there, and logs it', async () => {
    // Several of the export's store pages (and of the zip's flushes), at a size a test can afford.
    const N = 1_600; // 4 store pages of EXPORT_PAGE (500), the last one partial
    const head = { recordKey: 'x', seq: 1, hash: '0'.repeat(64) };
    const items = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => {
        const i = from + k;
        const id = `bulk${String(i).padStart(7, '0')}`;
        const f: Finding = {
          ...finding({
            unitId: i % 2 ? 'ds-b' : 'ds-c',
            description: `批量问题第${i}条：扶贫资金拨付不及时`,
          }),
          id,
          inspectorId: 'bulk',
          createdAt: '2025-05-10T09:00:00+08:00',
          rectificationId: null,
        } as Finding;
        return h.deps.store.itemOf(
          {
            type: 'finding',
            id,
            before: null,
            data: f,
            index: { unitPath: `/city/ds/${f.unitId}/`, listSort: '2025-04-01' },
            actor: { id: 'bulk', role: 'inspector' },
            at: f.createdAt,
            action: 'finding.create',
          },
          1,
          { ...head, recordKey: `finding#${id}` },
        );
      });
    let next = 0;
    const writer = async () => {
      while (next < N) {
        const from = next;
        next += 25;
        let req: Record<string, unknown>[] | undefined = items(from, Math.min(25, N - from)).map((Item) => ({
          PutRequest: { Item },
        }));
        while (req?.length) {
          const r = await h.deps.doc.send(
            new BatchWriteCommand({ RequestItems: { [h.deps.tableName]: req as never } }),
          );
          req = r.UnprocessedItems?.[h.deps.tableName] as Record<string, unknown>[] | undefined;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));

    const res = await h.call('GET', '/api/v1/exports/findings.xlsx?from=2025-04-01&to=2025-04-01', {
      token: supervisor,
    });
    expect(res.status).toBe(200);
    const chunks: Uint8Array[] = [];
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length, 'written as it is read, not in one piece').toBeGreaterThan(1);

    let count = 0;
    const wb = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks.map((c) => Buffer.from(c))), {
      sharedStrings: 'ignore',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of wb) for await (const _row of ws) count++;
    expect(count).toBe(N + 1);
    const log = await logEntries(await h.token('audit_admin'), '?target=findings&from=2025-05-15');
    expect(log.find((e) => e.rows === N)).toMatchObject({
      outcome: 'complete',
      filter: { from: '2025-04-01' },
    });
  }, 600_000);
});
