import type { AccountabilityCase } from '@jiandu/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeAlert } from '../services/alerts/alerts.js';
import { writeCaseProposal } from '../services/cases/cases.js';
import { createTenure } from '../services/org/org.js';
import { Tx } from '../store/tx.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let inspector: string;
let supervisor: string;
beforeAll(async () => {
  h = await startHarness();
  inspector = await h.token('inspector', 'city');
  supervisor = await h.token('supervisor');
});
afterAll(() => h.close());

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

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A data cell by its column's header: its value and number format. */
function cellOf(wb: ExcelJS.Workbook, sheet: string, header: string, row = 2) {
  const ws = wb.getWorksheet(sheet)!;
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  expect(col, `${sheet} has a column ${header}`).toBeGreaterThan(0);
  const cell = ws.getRow(row).getCell(col);
  return { value: cell.value, numFmt: cell.numFmt };
}

async function sheetRows(res: Response): Promise<Map<string, unknown[][]>> {
  const wb = await workbook(res);
  const out = new Map<string, unknown[][]>();
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    out.set(ws.name, rows);
  }
  return out;
}

interface Entry {
  action: string;
  target: string;
  filter: Record<string, string>;
  rows: number;
  outcome: string;
  actorId: string;
}

/**
 * The log is written once the stream has ended, a moment after the last byte: poll until an entry is
 * there — on a condition with a generous deadline, not a fixed number of tries (a busy machine is slow).
 */
function logEntries(token: string, query = ''): Promise<Entry[]> {
  return vi.waitFor(
    async () => {
      const res = await h.call('GET', `/api/v1/operation-log${query}`, { token });
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { items: Entry[] }).items;
      if (items.length === 0) throw new Error('no operation-log entry yet');
      return items;
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe('exports to xlsx and the operation log (操作日志)', () => {
  it('exports a list with its filters inside the caller’s jurisdiction, and logs who, what, which filter and how many rows', async () => {
    for (const [unitId, severity] of [
      ['ds-a', 'serious'],
      ['ds-b', 'serious'],
      ['ds-b', 'general'],
      ['xs-a', 'serious'],
    ] as const) {
      const res = await h.call('POST', '/api/v1/findings', {
        token: inspector,
        body: finding({ unitId, severity }),
      });
      expect(res.status).toBe(201);
    }
    const county = await h.token('inspector');
    const sheets = await sheetRows(
      await h.call('GET', '/api/v1/exports/findings.xlsx?severity=serious', { token: county }),
    );
    const rows = sheets.get('督查发现问题')!;
    expect(rows[0]).toContain('涉及金额(万元)');
    expect(rows.slice(1).map((r) => [r[2], r[5], r[7]])).toEqual([
      ['白石乡', '较重', 412.45],
      ['青松镇', '较重', 412.45],
    ]);
    const log = await logEntries(await h.token('audit_admin'), '?action=export');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      target: 'findings',
      filter: { severity: 'serious' },
      rows: 2,
      outcome: 'complete',
    });
    // The audit administrator of the next county sees nothing of it; nobody else may read the log at all
    // (三员分立: the audit administrator alone).
    const next = await h.call('GET', '/api/v1/operation-log?action=export', {
      token: await h.token('audit_admin', 'xs'),
    });
    expect(((await next.json()) as { items: Entry[] }).items).toEqual([]);
    for (const role of ['supervisor', 'admin'] as const) {
      const res = await h.call('GET', '/api/v1/operation-log', { token: await h.token(role) });
      expect([role, res.status]).toEqual([role, 403]);
    }
    const officer = await h.call('GET', '/api/v1/operation-log', {
      token: await h.token('unit_officer', 'ds-a'),
    });
    expect(officer.status).toBe(403);
  });

  it('masks petitioner identity in the petitions export, and refuses it to roles that may not read petitions', async () => {
    const res = await h.call('POST', '/api/v1/petitions', {
      token: supervisor,
      body: {
        petitioner: { name: '张三丰', phone: '13812345678', idNumber: '11010519491231002X' },
        channel: 'visit',
        levelReceived: 'county',
        unitId: 'ds-a',
        category: 'embezzling',
        matter: '低保金被截留',
        receivedAt: '2025-05-10T09:00:00+08:00',
      },
    });
    expect(res.status).toBe(201);
    const xlsx = await h.call('GET', '/api/v1/exports/petitions.xlsx', { token: supervisor });
    const bytes = Buffer.from(await xlsx.clone().arrayBuffer());
    const rows = (await sheetRows(xlsx)).get('信访件')!;
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe('张**');
    expect(String(rows[1]![3])).toMatch(/^138\*+5678$/);
    // Not in the sheet XML either (zipped: look inside the workbook's strings).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).not.toMatch(
      /张三丰|13812345678|11010519491231002X/,
    );
    const viewer = await h.call('GET', '/api/v1/exports/petitions.xlsx', { token: await h.token('viewer') });
    expect(viewer.status).toBe(403);
  });

  it('refuses a bad filter and a unit outside the jurisdiction with problem+json before any byte is streamed', async () => {
    const bad = await h.call('GET', '/api/v1/exports/rectifications.xlsx?state=nonsense', {
      token: supervisor,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('state');
    const outside = await h.call('GET', '/api/v1/exports/rectifications.xlsx?unitId=xs-a', {
      token: supervisor,
    });
    expect(outside.status).toBe(404);
    const unknown = await h.call('GET', '/api/v1/exports/findings.xlsx?limit=5', { token: supervisor });
    expect(unknown.status).toBe(400);
  });

  it('exports a published ranking snapshot with every dimension and input count, and a monthly bulletin', async () => {
    const indicator = await h.call('POST', '/api/v1/indicators', {
      token: supervisor,
      body: {
        unitId: 'ds-a-1',
        year: 2025,
        name: '脱贫户危房改造',
        measure: '户',
        target: 100,
        actuals: [10, null, null, null],
      },
    });
    expect(indicator.status).toBe(201);
    const pub = await h.call('POST', '/api/v1/rankings/publish', {
      token: supervisor,
      body: { quarter: '2025Q1', groupKey: 'county-townships@ds' },
    });
    expect(pub.status).toBe(201);
    const { snapshot } = (await pub.json()) as { snapshot: { id: string } };
    const sheets = await sheetRows(
      await h.call('GET', `/api/v1/exports/ranking-snapshot.xlsx?id=${snapshot.id}`, { token: supervisor }),
    );
    const ranking = sheets.get('排名与得分明细')!;
    expect(ranking[0]).toEqual(
      expect.arrayContaining(['总分', '本季到期整改数', '逾期未销号数', '重复信访数', '重大负面舆情数']),
    );
    expect(
      ranking
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['白石乡', '红岭镇', '青松镇']);
    expect(sheets.get('快照信息')!.flat()).toContain('内容哈希 (SHA-256)');
    // The peer group by its name, indicators by name, 完成率 a number shown as a percentage (10 of 25).
    expect(sheets.get('快照信息')!.find((r) => r[0] === '同类组')?.[1]).toBe('东山县 县内乡镇');
    const wb = await workbook(
      await h.call('GET', `/api/v1/exports/ranking-snapshot.xlsx?id=${snapshot.id}`, { token: supervisor }),
    );
    expect(cellOf(wb, '任务指标', '指标')).toEqual({ value: '脱贫户危房改造', numFmt: undefined });
    expect(cellOf(wb, '任务指标', '完成率')).toEqual({ value: 0.4, numFmt: '0.00%' });
    const bulletin = await sheetRows(
      await h.call('GET', '/api/v1/exports/bulletin.xlsx?month=2025-05', { token: supervisor }),
    );
    expect([...bulletin.keys()]).toEqual(
      expect.arrayContaining(['概况', '任务进度', '逾期整改', '信访', '舆情', '认可度']),
    );
    expect(bulletin.get('信访')!).toHaveLength(2);
    const log = await logEntries(await h.token('audit_admin'), '?target=bulletin');
    expect(log[0]).toMatchObject({ action: 'export', filter: { month: '2025-05' } });
  });
});

describe('export cells a spreadsheet user reads: names, Chinese labels, Excel dates, 序号', () => {
  it('numbers the 整改台账 from 1, fills 责任人 from the unit’s 主要负责人, and writes dates as Excel dates', async () => {
    await createTenure(
      h.deps,
      null,
      { id: 't-lead', personId: 'p-lead', unitId: 'ds-b', post: 'principal', from: '2024-01-01', to: null },
      '李示范',
    );
    const created = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: finding({ unitId: 'ds-b', deadline: '2025-06-30' }),
    });
    expect(created.status).toBe(201);
    const wb = await workbook(
      await h.call('GET', '/api/v1/exports/rectifications.xlsx?unitId=ds-b', { token: supervisor }),
    );
    const ws = wb.getWorksheet('整改台账')!;
    expect((ws.getRow(1).values as unknown[])[1]).toBe('序号');
    const numbers = [];
    for (let r = 2; r <= ws.rowCount; r++) numbers.push(ws.getRow(r).getCell(1).value);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(0);
    expect(cellOf(wb, '整改台账', '责任人').value).toBe('李示范');
    expect(cellOf(wb, '整改台账', '整改时限')).toEqual({
      value: new Date(Date.UTC(2025, 5, 30)),
      numFmt: 'yyyy-mm-dd',
    });
  });

  it('writes a case’s trigger in Chinese, its subjects by name and post, and its time in the scheme’s zone', async () => {
    const c: AccountabilityCase = {
      id: 'case-x',
      triggerKey: 'overdue:r-x',
      trigger: { kind: 'rectification_overdue', unitId: 'ds-b', rectificationId: 'r-x', daysOverdue: 31 },
      subjects: [{ personId: 'p-lead', unitId: 'ds-b', post: 'principal', daysInPost: { '2025Q2': 45 } }],
      state: 'proposed',
      form: null,
      decisionNote: null,
      dismissReason: null,
      proposedAt: '2025-05-15T10:00:00+08:00',
      version: 1,
    };
    const tx = new Tx(h.deps.tableName);
    const system = { id: 'system', role: 'system' as const };
    writeCaseProposal(h.deps, tx, c, (await h.deps.units.pathOf('ds-b'))!, system, c.proposedAt);
    await tx.commit(h.deps.doc);
    const wb = await workbook(await h.call('GET', '/api/v1/exports/cases.xlsx', { token: supervisor }));
    expect(cellOf(wb, '问责', '触发').value).toBe('整改逾期 31 天');
    expect(cellOf(wb, '问责', '问责对象').value).toBe('李示范（主要负责人）');
    // 10:00 in Asia/Shanghai (the scheme's zone) is what the sheet shows, not 02:00 UTC.
    expect(cellOf(wb, '问责', '提出时间')).toEqual({
      value: new Date(Date.UTC(2025, 4, 15, 10, 0)),
      numFmt: 'yyyy-mm-dd hh:mm',
    });
  });

  it('names an alert’s rule in Chinese, not by its key', async () => {
    const tx = new Tx(h.deps.tableName);
    const at = '2025-05-15T10:00:00+08:00';
    writeAlert(
      h.deps,
      tx,
      {
        id: 'alert-x1',
        rule: 'rectification.overdue.escalate',
        alertKey: 'test:alert-x1',
        subject: { kind: 'rectification', id: 'r-x1' },
        unitId: 'ds-a',
        notifyUnitId: 'ds',
        severity: 'critical',
        state: 'open',
        message: '整改逾期16天：扶贫台账填报流于形式',
        raisedAt: at,
        version: 1,
      },
      (await h.deps.units.pathOf('ds-a'))!,
      { id: 'system', role: 'system' },
      at,
    );
    await tx.commit(h.deps.doc);
    const wb = await workbook(await h.call('GET', '/api/v1/exports/alerts.xlsx', { token: supervisor }));
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('规则');
    const rules: unknown[] = [];
    ws.eachRow((r, i) => {
      if (i > 1) rules.push(r.getCell(col).value);
    });
    expect(rules).toContain('整改逾期升级预警');
    expect(rules.some((r) => String(r).startsWith('rectification.'))).toBe(false);
  });
});
