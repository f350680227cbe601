import { createHash } from 'node:crypto';
import { DEFAULT_SCHEME, matchLedgerHeaders } from '@jiandu/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../services/integrity/verify.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuilt } from '../testing/stored.js';
import type { ImportReport } from './ledger-import.js';
import { checkRows } from './ledger-rows.js';
import { gbkCsv, HEADERS, type Row, upload, utf8BomCsv, xlsxOf } from './test-files.js';
import { UnitMatcher } from './unit-matcher.js';

let h: Harness;
let inspector: string;
beforeAll(async () => {
  h = await startHarness();
  inspector = await h.token('inspector');
});
afterAll(() => h.close());

/** Rows in every date and amount form people type, then rows with one problem each. */
const GOOD: Row[] = [
  [
    1,
    '2018年审计',
    '资金趴账',
    '扶贫项目资金滞留未拨付',
    '青松镇',
    '王某',
    '限期拨付',
    43281,
    '已拨付50%',
    '整改中',
    412.45,
  ],
  [
    2,
    '2018年审计',
    '挪用',
    '挪用危房改造资金',
    '白石乡',
    '李某',
    '追回资金',
    new Date(Date.UTC(2018, 5, 30)),
    '',
    '基本完成',
    '1,234.5',
  ],
  [
    3,
    '督查巡查',
    '形式主义',
    '扶贫台账填报流于形式',
    '红岭镇',
    null,
    '重新核实',
    '2018-06-30',
    null,
    null,
    '０.５',
  ],
  [4, '督查巡查', '慢作为', '项目推进缓慢', 'DS-A', null, null, '2018/6/30', null, '否', '12万元'],
  [5, '明察暗访', '不作为', '群众反映问题未回应', '柳溪村', null, null, '2018.6.30', null, null, null],
  [
    6,
    '明察暗访',
    '虚报冒领',
    '虚报贫困人口',
    '东山县扶贫办',
    null,
    null,
    '2018年6月30日',
    null,
    null,
    '0.000001',
  ],
];
const BAD: Row[] = [
  [7, '审计', '挪用', '外县的问题', '龙门镇', null, null, '2018-06-30', null, null, 1],
  [8, '审计', '挪用', '不存在的单位', '不存在镇', null, null, '2018-06-30', null, null, 1],
  [9, '审计', '挪用', '日期写错', '青松镇', null, null, '六月底', null, null, 1],
  [10, '审计', '挪用', '金额写错', '青松镇', null, null, '2018-06-30', null, null, '约5万'],
  [11, '审计', '挪用', null, '青松镇', null, null, '2018-06-30', null, null, '-3'],
];

const report = async (res: Response) => {
  expect(res.status).toBe(200);
  return (await res.json()) as ImportReport;
};
const rectCount = async () => {
  const res = await h.call('GET', '/api/v1/rectifications?limit=500', { token: inspector });
  return ((await res.json()) as { items: unknown[] }).items.length;
};

describe('importing a rectification ledger (整改台账)', () => {
  it('dry-runs an xlsx: every date and amount form read, every problem named by field and code, nothing written', async () => {
    const before = await rectCount();
    const r = await report(
      await upload(h, inspector, await xlsxOf([...GOOD, ...BAD], { title: '东山县审计整改台账' })),
    );
    expect(r.dryRun).toBe(true);
    expect(r.format).toBe('xlsx');
    expect(r.headerRow).toBe(2);
    expect(r.counts).toEqual({
      rows: 11,
      valid: 6,
      problems: 5,
      created: 0,
      duplicate: 0,
      pastDeadline: 6,
      closed: 0,
    });
    expect(r.rows.slice(0, 6).map((x) => [x.line, x.status, x.unitId])).toEqual([
      [3, 'valid', 'ds-a'],
      [4, 'valid', 'ds-b'],
      [5, 'valid', 'ds-c'],
      [6, 'valid', 'ds-a'],
      [7, 'valid', 'ds-a-1'],
      [8, 'valid', 'ds-fpb'],
    ]);
    expect(r.rows.slice(6).map((x) => x.problems)).toEqual([
      [{ field: 'unit', code: 'unit.unknown' }],
      [{ field: 'unit', code: 'unit.unknown' }],
      [{ field: 'deadline', code: 'date.invalid' }],
      [{ field: 'amount', code: 'amount.invalid' }],
      [
        { field: 'description', code: 'field.missing' },
        { field: 'amount', code: 'amount.negative' },
      ],
    ]);
    expect(await rectCount()).toBe(before);
  });

  it('commits the valid rows once: deadlines and fen exact, a claim under way kept as a note, and a second commit adds nothing', async () => {
    const file = await xlsxOf([...GOOD, ...BAD]);
    const before = await rectCount();
    const first = await report(await upload(h, inspector, file, { dryRun: false }));
    expect(first.counts).toMatchObject({ rows: 11, valid: 6, problems: 5, created: 6, duplicate: 0 });
    expect(await rectCount()).toBe(before + 6);
    const ids = first.rows.slice(0, 6).map((x) => x.rectificationId!);
    const recs = await Promise.all(
      ids.map(async (id) =>
        (await h.call('GET', `/api/v1/rectifications/${id}`, { token: inspector })).json(),
      ),
    );
    const got = recs as {
      deadline: string;
      amountFen: number;
      state: string;
      progress: { text: string }[];
      source: { kind: string };
    }[];
    expect(got.map((x) => x.deadline)).toEqual(Array(6).fill('2018-06-30'));
    expect(got.map((x) => x.amountFen)).toEqual([412_450_000, 1_234_500_000, 500_000, 12_000_000, 0, 1]);
    expect(got.map((x) => x.state)).toEqual([
      'in_progress',
      'in_progress',
      'assigned',
      'assigned',
      'assigned',
      'assigned',
    ]);
    expect(got[1]!.progress.map((n) => n.text)).toEqual(['台账记载：基本完成']);
    expect(got.every((x) => x.source.kind === 'import')).toBe(true);

    const again = await report(await upload(h, inspector, file, { dryRun: false }));
    expect(again.counts).toMatchObject({ created: 0, duplicate: 6, problems: 5 });
    expect(again.rows.slice(0, 6).map((x) => x.rectificationId)).toEqual(ids);
    expect(await rectCount()).toBe(before + 6);
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);

    const log = await h.call('GET', '/api/v1/operation-log?action=import', {
      token: await h.token('audit_admin'),
    });
    const entries = ((await log.json()) as { items: { target: string; rows: number; actorId: string }[] })
      .items;
    expect(entries.map((e) => [e.target, e.rows])).toEqual([
      ['rectification-ledger', 0],
      ['rectification-ledger', 6],
    ]);
  });

  it('offers the same spreadsheet back with a 问题说明 column on the rows with problems', async () => {
    const r = await report(await upload(h, inspector, await xlsxOf([...GOOD, ...BAD], { title: '台账' })));
    const res = await h.call('GET', r.annotated, { token: inspector });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const col = HEADERS.length + 1;
    expect(ws.getRow(1).getCell(1).value).toBe('台账');
    expect(ws.getRow(2).getCell(col).value).toBe('问题说明');
    expect(ws.getRow(3).getCell(col).value).toBeNull();
    expect(String(ws.getRow(9).getCell(col).value)).toContain('责任单位');
    expect(String(ws.getRow(13).getCell(col).value)).toContain('问题描述');
    // Someone else's upload is not theirs to read.
    const other = await h.call('GET', r.annotated, { token: await h.token('supervisor') });
    expect(other.status).toBe(404);
  });

  it('reads a GBK csv as Excel in China saves it, and a UTF-8 csv with BOM, with the common header variants', async () => {
    const headers = [
      '序号',
      '问题来源',
      '问题类别',
      '存在问题',
      '牵头单位',
      '责任人',
      '整改措施',
      '完成时限',
      '完成情况',
      '是否销号',
      '金额（万元）',
    ];
    const rows: Row[] = [
      [
        1,
        '信访转办',
        '截留',
        'GBK 编码的问题一',
        '青松镇',
        '赵某',
        '退还群众',
        '2019年3月1日',
        '已退还',
        '否',
        '3.25',
      ],
      [2, '信访转办', '截留', 'GBK 编码的问题二', '东山县白石乡', null, null, '43525', null, null, '1,000'],
      [3, '信访转办', '截留', '外县', '西川县龙门镇', null, null, '2019/3/1', null, null, '1'],
    ];
    for (const [bytes, encoding] of [
      [gbkCsv(rows, headers), 'gb18030'],
      [utf8BomCsv(rows, headers), 'utf-8'],
    ] as const) {
      const r = await report(await upload(h, inspector, bytes, { raw: 'text/csv', name: '台账.csv' }));
      expect(r.format).toBe('csv');
      expect(r.encoding).toBe(encoding);
      expect(r.fileName).toBe('台账.csv');
      expect(r.rows.map((x) => [x.status, x.unitId ?? x.problems[0]?.code])).toEqual([
        ['valid', 'ds-a'],
        ['valid', 'ds-b'],
        ['problem', 'unit.unknown'],
      ]);
    }
    const committed = await report(
      await upload(h, inspector, gbkCsv(rows, headers), { raw: 'text/csv', dryRun: false }),
    );
    expect(committed.counts).toMatchObject({ created: 2 });
    const bom = await report(
      await upload(h, inspector, utf8BomCsv(rows, headers), { raw: 'text/csv', dryRun: false }),
    );
    expect(bom.counts).toMatchObject({ created: 0, duplicate: 2 });
    const rec = await (
      await h.call('GET', `/api/v1/rectifications/${committed.rows[1]!.rectificationId}`, {
        token: inspector,
      })
    ).json();
    expect(rec).toMatchObject({ deadline: '2019-03-01', amountFen: 1_000_000_000 });
  });

  it('refuses roles that do not assign rectifications, files without ledger headers, and old .xls workbooks', async () => {
    const officer = await upload(h, await h.token('unit_officer', 'ds-a'), await xlsxOf(GOOD));
    expect(officer.status).toBe(403);
    const noHeader = await upload(h, inspector, await xlsxOf([['a', 'b']], { headers: ['姓名', '电话'] }));
    expect(noHeader.status).toBe(400);
    expect(((await noHeader.json()) as { code: string }).code).toBe('import.noHeader');
    const missing = await upload(
      h,
      inspector,
      await xlsxOf([], { headers: ['序号', '问题描述', '责任单位'] }),
    );
    expect(await missing.json()).toMatchObject({
      status: 400,
      code: 'import.missingColumns',
      field: 'deadline',
    });
    const xls = await upload(h, inspector, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), {
      raw: 'application/vnd.ms-excel',
    });
    expect(xls.status).toBe(415);
  });
});

/** A ledger with the closure columns Chinese ledgers add: 发现时间, 销号日期, 复核人. */
const CLOSURE_HEADERS = [...HEADERS, '发现时间', '销号日期', '复核人（签字）'];
const closedRow = (
  n: number,
  what: string,
  status: string | null,
  closedOn: Row[number],
  verifiers: string | null,
  discovered: Row[number] = null,
): Row => [
  n,
  '2024年巡察',
  '慢作为',
  what,
  '青松镇',
  null,
  null,
  '2024-03-31',
  null,
  status,
  null,
  discovered,
  closedOn,
  verifiers,
];

describe('a ledger’s 已销号 rows', () => {
  const ROWS: Row[] = [
    closedRow(1, '迁移销号一', '已销号', '2024-06-10', '张三、李四'),
    closedRow(2, '迁移销号二', '已完成', '2024/7/1', null),
    closedRow(3, '迁移销号三', null, '2024年5月5日', '王五'),
    closedRow(4, '缺销号日期', '已销号', null, '张三'),
    closedRow(5, '销号日期在未来', '已整改', '2026-01-01', null),
    closedRow(6, '状态与日期不符', '整改中', '2024-06-10', null),
    closedRow(7, '销号早于发现', '已销号', '2024-01-01', null, '2024-03-01'),
    closedRow(8, '仍在整改', '整改中', null, null),
  ];

  it('dry-runs: says per row whether it comes in closed and on which day, and names each closure problem', async () => {
    const r = await report(await upload(h, inspector, await xlsxOf(ROWS, { headers: CLOSURE_HEADERS })));
    expect(r.columns).toMatchObject({
      closedOn: '销号日期',
      verifiers: '复核人（签字）',
      discovered: '发现时间',
    });
    expect(r.counts).toMatchObject({ rows: 8, valid: 4, problems: 4, closed: 3, pastDeadline: 1 });
    expect(r.rows.map((x) => [x.line, x.status, x.closure ?? null, x.problems])).toEqual([
      [2, 'valid', { closedOn: '2024-06-10', verifiers: ['张三', '李四'] }, []],
      [3, 'valid', { closedOn: '2024-07-01', verifiers: [] }, []],
      [4, 'valid', { closedOn: '2024-05-05', verifiers: ['王五'] }, []],
      [5, 'problem', null, [{ field: 'closedOn', code: 'closure.dateMissing' }]],
      [6, 'problem', null, [{ field: 'closedOn', code: 'instant.future' }]],
      [7, 'problem', null, [{ field: 'closedOn', code: 'closure.notClosed' }]],
      [8, 'problem', null, [{ field: 'closedOn', code: 'closure.beforeDiscovery' }]],
      [9, 'valid', null, []],
    ]);
  });

  it('refuses a closure date before the unit was established (成立日期), as every past instant', async () => {
    const rows = [CLOSURE_HEADERS, closedRow(1, '成立前销号', '已销号', '2019-12-31', null)];
    const header = matchLedgerHeaders(rows)!;
    const tree = await h.deps.units.tree();
    const matcher = new UnitMatcher(tree, (id) => `/${id}/`, '');
    const [checked] = checkRows(rows, header, matcher, {
      nowMs: h.deps.clock(),
      timeZone: DEFAULT_SCHEME.timeZone,
      rules: DEFAULT_SCHEME.migration,
      establishedOn: (id) => (id === 'ds-a' ? '2020-01-01' : undefined),
    });
    expect(checked!.problems).toEqual([{ field: 'closedOn', code: 'instant.beforeUnit' }]);
  });

  it('commits a 已销号 row closed on its closure day, as one migrated-closure event naming the import, the file, the row and the offline verifiers — no reviewer, no approval', async () => {
    const bytes = await xlsxOf(ROWS, { headers: CLOSURE_HEADERS });
    const r = await report(await upload(h, inspector, bytes, { dryRun: false }));
    expect(r.counts).toMatchObject({ created: 4, closed: 3 });
    const [first, second] = r.rows;
    const rec = (await (
      await h.call('GET', `/api/v1/rectifications/${first!.rectificationId}`, { token: inspector })
    ).json()) as Record<string, unknown>;
    expect(rec).toMatchObject({
      state: 'closed',
      closedAt: '2024-06-10T00:00:00+08:00',
      firstReviewerId: null,
      secondReviewerId: null,
      submittedBy: null,
      version: 2,
      migratedClosure: {
        importId: r.id,
        fileSha256: createHash('sha256').update(bytes).digest('hex'),
        line: 2,
        closedOn: '2024-06-10',
        verifiers: ['张三', '李四'],
      },
    });
    const events = (await (
      await h.call('GET', `/api/v1/rectifications/${first!.rectificationId}/events`, { token: inspector })
    ).json()) as {
      items: { seq: number; action: string; at: string; occurredAt?: string; reason: string }[];
    };
    expect(events.items.map((e) => [e.seq, e.action, e.occurredAt ?? null])).toEqual([
      [1, 'rectification.import', null],
      [2, 'rectification.migratedClosure', '2024-06-10T00:00:00+08:00'],
    ]);
    expect(events.items[1]!.at).toBe('2025-05-15T10:00:00+08:00');
    expect(events.items[1]!.reason).toContain(r.id);
    expect(events.items[1]!.reason).toContain('张三、李四');
    // No verifiers recorded: the closure comes in with none, and its event says so.
    const noVerifiers = (await (
      await h.call('GET', `/api/v1/rectifications/${second!.rectificationId}/events`, { token: inspector })
    ).json()) as { items: { reason: string | null }[] };
    expect(noVerifiers.items[1]!.reason).toContain('未记录');

    expect((await verifyLedger(h.deps)).broken).toEqual([]);
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);
    const again = await report(await upload(h, inspector, bytes, { dryRun: false }));
    expect(again.counts).toMatchObject({ created: 0, duplicate: 4 });
  });
});
