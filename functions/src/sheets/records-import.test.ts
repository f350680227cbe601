/**
 * The past-records import (历史数据导入) through the API: each sheet kind through a dry run (nothing
 * written, every problem named) and a commit (records with their past instants, events with
 * `occurredAt` beside `at`), an idempotent re-run, the petitioner's identity never stored in clear,
 * aggregates equal to a rebuild, and the route's access and bad input.
 */
import {
  DEFAULT_SCHEME,
  type Finding,
  type Indicator,
  type LedgerEvent,
  type Petition,
  type Signal,
} from '@jiandu/shared';
import type { RecordsImportReport } from '@jiandu/shared/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../services/org/org.js';
import { keys, STATE_SK } from '../store/keys.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { recordsOf, scanAll, storedAndRebuilt } from '../testing/stored.js';
import { PROBLEM_COLUMN } from './annotated.js';
import { csvText, type Row, type UploadOptions, uploadFile } from './test-files.js';

let h: Harness;
let sup: string;
// Now: 2025-05-15T10:00:00+08:00; 东山县 went live on 2025-01-01 (its history lies before).
beforeAll(async () => {
  h = await startHarness({
    scheme: {
      ...DEFAULT_SCHEME,
      migration: { ...DEFAULT_SCHEME.migration, goLive: [{ unitId: 'ds', date: '2025-01-01' }] },
    },
  });
  await createUnit(h.deps, null, {
    id: 'ds-new',
    name: '新城镇',
    kind: 'township',
    parentId: 'ds',
    code: 'DS-NEW',
    aliases: [],
    establishedOn: '2024-07-01',
  });
  sup = await h.token('supervisor');
});
afterAll(() => h.close());

const FINDING_HEADERS = [
  '发现日期',
  '单位',
  '问题类别',
  '严重程度',
  '问题描述',
  '涉及金额(万元)',
  '来源',
  '外部编号',
];
const PETITION_HEADERS = [
  '受理编号',
  '来信人姓名',
  '身份证号',
  '电话',
  '渠道',
  '受理层级',
  '单位',
  '类别',
  '事项',
  '收到时间',
  '受理时间',
  '办结时间',
  '满意度',
];
const SIGNAL_HEADERS = ['平台', '链接', '标题', '发布时间', '阅读/转发/评论', '倾向', '等级', '单位'];
const INDICATOR_HEADERS = [
  '单位',
  '年度',
  '指标名称',
  '计量单位',
  '目标值',
  '一季度累计实际',
  '二季度累计实际',
  '三季度累计实际',
  '四季度累计实际',
];

const CLEAR = { name: '张三丰', id: '11010519491231002X', phone: '13812345678' };

const FINDINGS: Row[] = [
  ['2024-03-10', '青松镇', '挪用', '严重', '挪用危房改造资金', 12.5, '审计', 'SJ-2024-001'],
  [
    new Date(Date.UTC(2024, 7, 20)),
    '柳溪村',
    '形式主义',
    '一般',
    '扶贫台账填报流于形式',
    null,
    '督查巡查',
    null,
  ],
  // problems: a future day, a unit outside the jurisdiction, an unknown category, before 新城镇 existed
  ['2025-06-01', '青松镇', '挪用', '一般', '将来的问题', null, null, null],
  ['2024-03-10', '龙门镇', '挪用', '一般', '外县的问题', null, null, null],
  ['2024-03-10', '青松镇', '乱花钱', '一般', '类别不对', null, null, null],
  ['2024-06-30', '新城镇', '慢作为', '较重', '成立前的问题', null, null, null],
];
const PETITIONS: Row[] = [
  [
    'XF-2024-0001',
    CLEAR.name,
    CLEAR.id,
    CLEAR.phone,
    '来访',
    '县',
    '白石乡',
    '贪污',
    '低保金被村干部截留',
    '2024-04-02 09:30',
    '2024-04-05',
    '2024-05-20 16:00',
    '基本满意',
  ],
  // same petitioner, same matter within 180 days: a repeat; received by the city: escalated for a township
  [
    'XF-2024-0002',
    CLEAR.name,
    CLEAR.id,
    CLEAR.phone,
    '来信',
    '市',
    '白石乡',
    '贪污',
    '低保金被截留，再次反映',
    '2024-06-10 10:00',
    null,
    null,
    null,
  ],
  // problems: accepted before received; an invalid ID number; handled without acceptance
  [
    'XF-2024-0003',
    '李四',
    null,
    null,
    '来信',
    '县',
    '红岭镇',
    '挪用',
    '事项',
    '2024-05-02',
    '2024-05-01',
    null,
    null,
  ],
  [
    'XF-2024-0004',
    '王五',
    '110105194912310021',
    null,
    '来信',
    '县',
    '红岭镇',
    '挪用',
    '事项',
    '2024-05-02',
    null,
    null,
    null,
  ],
  [
    'XF-2024-0005',
    '赵六',
    null,
    null,
    '来信',
    '县',
    '红岭镇',
    '挪用',
    '事项',
    '2024-05-02',
    null,
    '2024-06-01',
    null,
  ],
];
const SIGNALS: Row[] = [
  [
    '微博',
    'https://weibo.example/u/88?utm_source=share',
    '青松镇扶贫款发放问题',
    '2024-09-03 08:20',
    '1200/3/10',
    '负面',
    '重大',
    '青松镇',
  ],
  [
    '本地论坛',
    'https://bbs.example/thread-1',
    '红岭镇产业项目获赞',
    '2024-11-12',
    '300/0/2',
    '正面',
    '一般',
    '红岭镇',
  ],
  // problems: no http link, a future publication
  ['微博', 'weibo.example/u/89', '链接不对', '2024-09-03', '1/1/1', '负面', '较大', '青松镇'],
  ['微博', 'https://weibo.example/u/90', '将来的帖子', '2026-01-01 08:00', '1/1/1', '负面', '较大', '青松镇'],
];
const INDICATORS: Row[] = [
  ['青松镇', 2024, '易地扶贫搬迁', '户', 100, 20, 45, 70, 100],
  ['白石乡', 2025, '产业项目', '个', 8, 2, null, null, null],
  // a quarter that has not ended yet
  ['红岭镇', 2025, '危房改造', '户', 40, 10, 20, null, null],
];

async function workbook(sheets: [string, string[], Row[]][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, headers, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`东山县${name}（历史数据）`]);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ALL: [string, string[], Row[]][] = [
  ['督查发现问题', FINDING_HEADERS, FINDINGS],
  ['信访', PETITION_HEADERS, PETITIONS],
  ['舆情', SIGNAL_HEADERS, SIGNALS],
  ['考核指标', INDICATOR_HEADERS, INDICATORS],
];

const PATH = '/api/v1/imports/past-records';

const upload = (bytes: Uint8Array, opts: UploadOptions & { token?: string } = {}) =>
  uploadFile(h, PATH, opts.token ?? sup, bytes, {
    defaultName: opts.raw ? 'history.csv' : '东山县历史数据.xlsx',
    ...opts,
  });

async function report(bytes: Uint8Array, dryRun: boolean): Promise<RecordsImportReport> {
  const res = await upload(bytes, { dryRun });
  expect(res.status).toBe(200);
  return (await res.json()) as RecordsImportReport;
}

const sheet = (r: RecordsImportReport, kind: string) => r.sheets.find((s) => s.kind === kind)!;
const statuses = (r: RecordsImportReport, kind: string) => sheet(r, kind).rows.map((x) => x.status);
const problems = (r: RecordsImportReport, kind: string) =>
  sheet(r, kind).rows.map((x) => x.problems.map((p) => `${p.field}:${p.code}`).join(' '));

async function eventsOf(type: string, id: string): Promise<LedgerEvent[]> {
  const all = await scanAll(h.deps);
  const pk = keys.record(type as 'finding', id).pk;
  return all.filter((i) => i.pk === pk && i.sk !== STATE_SK).map((i) => i as unknown as LedgerEvent);
}

/** The record types an import may create (the operation log's entry of each commit aside). */
const RECORDS = ['finding', 'rectification', 'petition', 'signal', 'indicator', 'alert', 'case'];

describe('the past-records import', () => {
  let bytes: Uint8Array;
  let committed: RecordsImportReport;

  it('dry-runs every sheet row by row, naming each problem, and writes nothing', async () => {
    bytes = await workbook(ALL);
    const before = (await scanAll(h.deps)).length;
    const r = await report(bytes, true);
    expect(r.sheets.map((s) => [s.kind, s.sheet, s.headerRow])).toEqual([
      ['findings', '督查发现问题', 2],
      ['petitions', '信访', 2],
      ['signals', '舆情', 2],
      ['indicators', '考核指标', 2],
    ]);
    expect(problems(r, 'findings')).toEqual([
      '',
      '',
      'discoveredOn:instant.future',
      'unit:unit.unknown',
      'category:value.unknown',
      'discoveredOn:instant.beforeUnit',
    ]);
    expect(problems(r, 'petitions')).toEqual([
      '',
      '',
      'acceptedAt:instant.order',
      'idNumber:idNumber.invalid',
      'acceptedAt:step.missing',
    ]);
    expect(problems(r, 'signals')).toEqual(['', '', 'url:url.invalid', 'publishedAt:instant.future']);
    expect(problems(r, 'indicators')).toEqual(['', '', 'q2:instant.future']);
    expect(sheet(r, 'findings').counts).toEqual({ rows: 6, valid: 2, refused: 4, created: 0, duplicate: 0 });
    expect(r.quarters).toEqual(expect.arrayContaining(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1']));
    expect((await scanAll(h.deps)).length).toBe(before + 2); // the kept upload (meta + one chunk) only
  });

  it('past records are refused by live intake: they enter only through the import', async () => {
    const inspector = await h.token('inspector');
    const res = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: {
        unitId: 'ds-a',
        category: 'misappropriating',
        severity: 'grave',
        source: 'audit',
        description: '挪用危房改造资金',
        discoveredOn: '2024-03-10',
      },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'instant.notLive', field: 'discoveredOn' });
  });

  it('commits the valid rows with their past instants, events keeping when it happened beside when it was recorded', async () => {
    committed = await report(bytes, false);
    expect(statuses(committed, 'findings')).toEqual([
      'created',
      'created',
      'problem',
      'problem',
      'problem',
      'problem',
    ]);
    expect(statuses(committed, 'petitions')).toEqual(['created', 'created', 'problem', 'problem', 'problem']);
    expect(statuses(committed, 'signals')).toEqual(['created', 'created', 'problem', 'problem']);
    expect(statuses(committed, 'indicators')).toEqual(['created', 'created', 'problem']);
    const items = await scanAll(h.deps);
    const now = new Date(h.deps.clock()).toISOString();

    // a finding: its day, its rectification opened as live findings open theirs, both events dated
    const fid = sheet(committed, 'findings').rows[0]!.recordId!;
    const finding = recordsOf<Finding>(items, 'finding').find((f) => f.id === fid)!;
    expect(finding).toMatchObject({
      discoveredOn: '2024-03-10',
      externalId: 'SJ-2024-001',
      amountFen: 12_500_000,
    });
    expect(finding.rectificationId).toBeTruthy();
    for (const [type, id] of [
      ['finding', fid],
      ['rectification', finding.rectificationId!],
    ] as const) {
      const [ev] = await eventsOf(type, id);
      expect(ev).toMatchObject({ occurredAt: '2024-03-10T00:00:00+08:00' });
      expect(Date.parse(ev!.at)).toBe(Date.parse(now));
      expect(ev!.reason).toMatch(/历史数据导入.*SHA-256 [0-9a-f]{64}.*第3行/);
    }

    // a petition: received, accepted, handled and closed in the past, one event per step
    const pid = sheet(committed, 'petitions').rows[0]!.recordId!;
    const petition = recordsOf<Petition>(items, 'petition').find((p) => p.id === pid)!;
    expect(petition).toMatchObject({
      state: 'closed',
      receivedAt: '2024-04-02T09:30:00+08:00',
      acceptedAt: '2024-04-05T00:00:00+08:00',
      handledAt: '2024-05-20T16:00:00+08:00',
      closedAt: '2024-05-20T16:00:00+08:00',
      satisfaction: 'basically_satisfied',
      acceptDue: '2024-04-17',
    });
    const pev = await eventsOf('petition', pid);
    expect(pev.map((e) => [e.action, e.occurredAt])).toEqual([
      ['petition.create', '2024-04-02T09:30:00+08:00'],
      ['petition.accept', '2024-04-05T00:00:00+08:00'],
      ['petition.handle', '2024-05-20T16:00:00+08:00'],
      ['petition.close', '2024-05-20T16:00:00+08:00'],
    ]);
    expect(pev.every((e) => Date.parse(e.at) === Date.parse(now))).toBe(true);
    const second = recordsOf<Petition>(items, 'petition').find(
      (p) => p.id === sheet(committed, 'petitions').rows[1]!.recordId,
    )!;
    expect(second).toMatchObject({ repeatOf: pid, escalated: true, state: 'received' });

    // a signal published in the past, counted in its quarter; before go-live: no alert, no task
    const sid = sheet(committed, 'signals').rows[0]!.recordId!;
    const signal = recordsOf<Signal>(items, 'signal').find((s) => s.id === sid)!;
    expect(signal).toMatchObject({
      publishedAt: '2024-09-03T08:20:00+08:00',
      reach: { reads: 1200, reposts: 3, comments: 10 },
      severity: 'major',
      rectificationId: null,
    });
    expect((await eventsOf('signal', sid))[0]!.occurredAt).toBe('2024-09-03T08:20:00+08:00');
    expect(recordsOf(items, 'alert')).toEqual([]);

    // an indicator with its quarterly actuals
    const ind = recordsOf<Indicator>(items, 'indicator').find(
      (i) => i.id === sheet(committed, 'indicators').rows[0]!.recordId,
    )!;
    expect(ind).toMatchObject({ year: 2024, name: '易地扶贫搬迁', target: 100, actuals: [20, 45, 70, 100] });

    expect(committed.quarters).toEqual(expect.arrayContaining(['2024Q1', '2024Q2', '2024Q3', '2025Q1']));

    // 迁移记录: the run of the commit, with what it created by type and the quarters it touched
    const runs = await h.call('GET', '/api/v1/migrations?kind=history', { token: sup });
    expect(runs.status).toBe(200);
    const [run] = ((await runs.json()) as { items: Record<string, unknown>[] }).items;
    expect(run).toMatchObject({
      kind: 'history',
      uploadId: committed.id,
      rows: { in: 18, refused: 10, created: 8, updated: 0, unchanged: 0 },
      created: { finding: 2, rectification: 2, petition: 2, signal: 2, indicator: 2 },
      quarters: committed.quarters,
    });
    const check = await h.call('GET', `/api/v1/migrations/${String(run!.id)}/check`, { token: sup });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ equal: true });
  });

  it('never stores the petitioner in clear: the identity is sealed and masked, as live intake does', async () => {
    const raw = JSON.stringify(await scanAll(h.deps));
    for (const clear of [CLEAR.name, CLEAR.id, CLEAR.phone, '110105194912310'])
      expect(raw).not.toContain(clear);
    const pid = sheet(committed, 'petitions').rows[0]!.recordId!;
    const item = await h.deps.store.getItem('petition', pid);
    expect((item!.data as { petitioner: Record<string, string> }).petitioner).toMatchObject({ name: '张**' });
    const res = await h.call('POST', `/api/v1/petitions/${pid}/reveal`, {
      token: sup,
      body: { reason: '核实历史信访件' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { petitioner: { idNumber: string } }).petitioner.idNumber).toBe(CLEAR.id);
  });

  it('keeps the aggregates equal to a rebuild', async () => {
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
  });

  it('is idempotent: the same file again creates nothing, every row a duplicate of the first', async () => {
    const before = (await scanAll(h.deps)).filter(
      (i) => i.sk === STATE_SK && RECORDS.includes(String(i.type)),
    ).length;
    const again = await report(bytes, false);
    for (const kind of ['findings', 'petitions', 'signals', 'indicators']) {
      const first = sheet(committed, kind).rows;
      const second = sheet(again, kind).rows;
      second.forEach((row, i) => {
        if (first[i]!.status === 'problem') expect(row.status).toBe('problem');
        else expect(row).toMatchObject({ status: 'duplicate', recordId: first[i]!.recordId });
      });
      expect(sheet(again, kind).counts.created).toBe(0);
    }
    expect(again.quarters).toEqual([]);
    expect(
      (await scanAll(h.deps)).filter((i) => i.sk === STATE_SK && RECORDS.includes(String(i.type))).length,
    ).toBe(before);
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);
  });

  it('reads one kind from a csv and gives the file back with a problem column', async () => {
    const csv = new TextEncoder().encode(csvText(SIGNALS, SIGNAL_HEADERS));
    const res = await upload(csv, { raw: 'text/csv', name: '舆情.csv' });
    expect(res.status).toBe(200);
    const r = (await res.json()) as RecordsImportReport;
    expect(r.sheets.map((s) => s.kind)).toEqual(['signals']);
    expect(statuses(r, 'signals')).toEqual(['valid', 'valid', 'problem', 'problem']);
    const dl = await h.call('GET', r.annotated, { token: sup });
    expect(dl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await dl.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const col = SIGNAL_HEADERS.length + 1;
    expect(ws.getRow(1).getCell(col).value).toBe(PROBLEM_COLUMN);
    expect(String(ws.getRow(4).getCell(col).value)).toContain('链接');
    expect(String(ws.getRow(5).getCell(col).value)).toContain('发布时间');
    expect(ws.getRow(2).getCell(col).value).toBeNull();
  });
});

describe('the past-records import route', () => {
  it.each(['inspector', 'unit_officer', 'viewer', 'admin'] as const)('refuses the %s (403)', async (role) => {
    const token = await h.token(role);
    const res = await upload(await workbook(ALL), { token });
    expect(res.status).toBe(403);
  });

  it('refuses bad input with problem+json naming the field, and stores nothing', async () => {
    const before = (await scanAll(h.deps)).length;
    const cases: [Uint8Array, Record<string, string>, number, string, string][] = [
      [await workbook([['其他', ['序号', '姓名'], [[1, 'x']]]]), {}, 400, 'import.noHeader', 'file'],
      [
        await workbook([['督查发现问题', ['发现日期', '单位', '问题描述'], [['2024-01-02', '青松镇', 'x']]]]),
        {},
        400,
        'import.missingColumns',
        'category',
      ],
      [
        new TextEncoder().encode('{}'),
        { raw: 'application/json' },
        415,
        'request.unsupportedMediaType',
        'content-type',
      ],
      [new Uint8Array(5 * 1024 * 1024).fill(0x41), { raw: 'text/csv' }, 413, 'request.tooLarge', 'file'],
    ];
    for (const [bytes, opts, status, code, field] of cases) {
      const res = await upload(bytes, opts);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await res.json()).toMatchObject({ code, field });
    }
    expect((await scanAll(h.deps)).length).toBe(before);
  });
});
