/**
 * Issue "Moving a county onto Jiandu", the scenario of three past quarters: a county that is not in the
 * system is moved in by imports alone — its organisation and posts, its ledger with closures, its past
 * findings, petitions and opinion signals — with no clock of the server moved (the harness's now stays
 * 2025-05-15), then its quarters are published. The rankings, cards and proposed case subjects are the
 * ones DESIGN §4.1–4.2 give, worked out by hand below from the text, not from the scoring code.
 *
 * 清河县 (go-live 2025-01-01) has three townships, 甲镇, 乙镇 and 丙镇: one peer group (townships of one
 * county, 3 units: cards apply). Only 丙镇 has an indicator (of 2024); a unit without one for the year
 * scores task = 40 ("no targets").
 *
 * 2024Q3 (Jul 1 – Sep 30)
 *   甲镇: ledger row due 08-31 closed 09-10 (late): D = 1, on time 0 → rect 25 × 0 = 0; one grave finding
 *         (−5) → 10; petitions 10; opinion 10 → 40 + 0 + 10 + 10 + 10 = 70.00
 *   乙镇: ledger row due 09-15 closed 09-12 → rect 25; one general finding (−1) → 14; one petition received
 *         (−0.5) → 9.5 → 40 + 25 + 14 + 9.5 + 10 = 98.50
 *   丙镇: its one indicator of 2024 (annual target 100, cumulative actual 60 at Q3's end; plan for Q3 =
 *         100 × 3/4 = 75 → completion 0.8) → task round(4000 × 0.8) = 32.00; nothing else → D empty,
 *         rate 1 → 25 → 32 + 25 + 15 + 10 + 10 = 92.00
 *   ranks 乙 1, 丙 2, 甲 3 → 甲镇 carded (published with sanctions: the quarter is before go-live).
 * 2024Q4 (Oct 1 – Dec 31)
 *   甲镇: ledger row due 11-30 closed 2025-01-20: D = 1, on time 0, and open and overdue at quarter end
 *         (deadline before Dec 31, not closed by the end of that day) → max(0, 0 − 1) = 0; one notable
 *         negative signal (−1) → 9 → 40 + 0 + 15 + 10 + 9 = 74.00
 *   乙镇: two petitions received from two people (−1) → 9 → 40 + 25 + 15 + 9 + 10 = 99.00
 *   丙镇: actual 100 at year end, plan 100 → task 40; one serious finding (−3) → 12
 *         → 40 + 25 + 12 + 10 + 10 = 97.00
 *   ranks 乙 1, 丙 2, 甲 3 → 甲镇 carded again: a case is proposed. Subjects: everyone who held 甲镇's
 *   principal or deputy-in-charge post at any time in 2024Q4, each with days in post in both quarters
 *   (Q3 and Q4 have 92 days each): 赵建华 principal 2022-01-01 – (92, 92); 钱晓东 deputy 2022-01-01 –
 *   2024-11-15 (92, 31 + 15 = 46); 孙立新 deputy 2024-11-16 – (0, 15 + 31 = 46).
 * 2025Q1 (Jan 1 – Mar 31, after go-live)
 *   甲镇: nothing due in the quarter → 25 → 100.00
 *   乙镇, 丙镇: one grave finding each (−5) → 10 → 40 + 25 + 10 + 10 + 10 = 95.00
 *   ranks 甲 1, 乙 2, 丙 2 → the bottom rank is shared: 乙镇 and 丙镇 both carded (not all tied); neither
 *   was carded in 2024Q4 → no case.
 * Every finding names its 整改时限 (2025-12-31), so the rectification it opens falls due in none of
 * these quarters.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../services/accounts/users.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuiltAggregates } from '../testing/stored.js';
import { uploadFile } from './test-files.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
});
afterAll(() => h.close());

type Cell = string | number | Date | null;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Commits a file to an import route (no dry run: the scenario's files are right); answers the report. */
async function upload(token: string, path: string, bytes: Uint8Array, name: string) {
  const res = await uploadFile(h, path, token, bytes, { defaultName: name, dryRun: false });
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(200);
  return body;
}

const orgBook = () =>
  book([
    {
      name: '单位',
      rows: [
        ['单位名称', '单位类型', '上级单位', '单位编码', '成立日期'],
        ['清河县', '县', '示范市', '9905', '2010-01-01'],
        ['甲镇', '镇', '清河县', '9905001', '2010-01-01'],
        ['乙镇', '镇', '清河县', '9905002', '2010-01-01'],
        ['丙镇', '镇', '清河县', '9905003', '2010-01-01'],
      ],
    },
    {
      name: '人员任职',
      rows: [
        ['姓名', '单位', '职务', '职务类别', '任职开始', '任职结束'],
        ['赵建华', '甲镇', '党委书记', '主要负责人', '2022-01-01', null],
        ['钱晓东', '甲镇', '副镇长', '分管负责人', '2022-01-01', '2024-11-15'],
        ['孙立新', '甲镇', '副镇长', '分管负责人', '2024-11-16', null],
        ['李光明', '乙镇', '党委书记', '主要负责人', '2022-01-01', null],
        ['周红梅', '丙镇', '党委书记', '主要负责人', '2022-01-01', null],
      ],
    },
  ]);

const ledgerBook = () =>
  book([
    {
      name: '整改台账',
      rows: [
        [
          '序号',
          '问题来源',
          '问题类别',
          '问题描述',
          '责任单位',
          '整改时限',
          '整改状态',
          '销号日期',
          '复核人',
        ],
        [
          1,
          '审计',
          '挪用',
          '甲镇：危房改造补助资金拨付滞后',
          '甲镇',
          day('2024-08-31'),
          '已销号',
          day('2024-09-10'),
          '县纪委 吴刚',
        ],
        [
          2,
          '督查',
          '形式主义',
          '乙镇：帮扶台账填报流于形式',
          '乙镇',
          day('2024-09-15'),
          '已销号',
          day('2024-09-12'),
          '县纪委 吴刚',
        ],
        [
          3,
          '审计',
          '截留',
          '甲镇：产业奖补资金截留',
          '甲镇',
          day('2024-11-30'),
          '已销号',
          day('2025-01-20'),
          '县扶贫办 郑洁',
        ],
      ],
    },
  ]);

const finding = (on: string, unit: string, severity: string, what: string, n: number): Cell[] => [
  on,
  unit,
  '形式主义',
  severity,
  `${unit}：${what}`,
  '督查',
  `QH-F-${n}`,
  '2025-12-31',
];
const petition = (n: number, name: string, unit: string, received: string): Cell[] => [
  `QH-X-${n}`,
  name,
  '来信',
  '县级',
  unit,
  '形式主义',
  `${unit}：反映低保评定不公开`,
  received,
  received,
  received,
];

const historyBook = () =>
  book([
    {
      name: '督查发现问题',
      rows: [
        ['发现日期', '单位', '问题类别', '严重程度', '问题描述', '来源', '外部编号', '整改时限'],
        finding('2024-08-05', '甲镇', '严重', '扶贫车间长期闲置', 1),
        finding('2024-08-20', '乙镇', '一般', '公示栏信息未更新', 2),
        finding('2024-11-12', '丙镇', '较重', '易地搬迁后续扶持不到位', 3),
        finding('2025-02-10', '乙镇', '严重', '防返贫监测走过场', 4),
        finding('2025-02-18', '丙镇', '严重', '产业项目资金闲置', 5),
      ],
    },
    {
      name: '信访',
      rows: [
        [
          '受理编号',
          '来信人姓名',
          '渠道',
          '受理层级',
          '单位',
          '类别',
          '事项',
          '收到时间',
          '受理时间',
          '办结时间',
        ],
        petition(1, '钱小满', '乙镇', '2024-07-10'),
        petition(2, '冯大有', '乙镇', '2024-10-08'),
        petition(3, '陈秋菊', '乙镇', '2024-11-20'),
      ],
    },
    {
      name: '考核指标',
      rows: [
        [
          '单位',
          '年度',
          '指标名称',
          '计量单位',
          '目标值',
          '一季度累计实际',
          '二季度累计实际',
          '三季度累计实际',
          '四季度累计实际',
        ],
        ['丙镇', 2024, '易地搬迁入住率', '%', 100, 20, 45, 60, 100],
      ],
    },
    {
      name: '舆情',
      rows: [
        ['平台', '链接', '标题', '发布时间', '倾向', '等级', '单位'],
        [
          '本地论坛',
          'https://forum.example.org/t/qinghe-1',
          '甲镇安置点道路坑洼无人修',
          '2024-10-12T09:30:00+08:00',
          '负面',
          '较大',
          '甲镇',
        ],
      ],
    },
  ]);

interface RankRow {
  unitId: string;
  rank: number;
  score: { total: number };
}

describe('a county moved in by imports alone, three past quarters', () => {
  it('reproduces the rankings, cards and proposed case subjects of DESIGN §4', async () => {
    const admin = await h.token('admin', 'city');
    const org = await upload(admin, '/api/v1/imports/organisation', await orgBook(), '清河县组织机构.xlsx');
    const rows = org.rows as { sheet: string; label?: string; unitId?: string; personId?: string }[];
    const idOf = (name: string) => rows.find((r) => r.sheet === 'units' && r.label === name)!.unitId!;
    const [county, jia, yi, bing] = ['清河县', '甲镇', '乙镇', '丙镇'].map(idOf) as [
      string,
      string,
      string,
      string,
    ];

    const scheme = (await (await h.call('GET', '/api/v1/schemes/current', { token: admin })).json()) as {
      version: number;
      migration: object;
    };
    const stored = await h.call('POST', '/api/v1/schemes', {
      token: admin,
      body: {
        ...scheme,
        version: scheme.version + 1,
        migration: { ...scheme.migration, goLive: [{ unitId: county, date: '2025-01-01' }] },
      },
    });
    expect(stored.status).toBe(201);

    await createUser(h.deps, {
      username: 'qh-sup',
      name: '清河县督查室',
      roles: ['supervisor'],
      unitId: county,
      password: 'pass-word-1',
    });
    const signIn = await h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'qh-sup', password: 'pass-word-1' },
    });
    const sup = ((await signIn.json()) as { token: string }).token;
    await upload(sup, '/api/v1/imports/rectification-ledger', await ledgerBook(), '清河县整改台账.xlsx');
    const past = await upload(
      sup,
      '/api/v1/imports/past-records',
      await historyBook(),
      '清河县历史数据.xlsx',
    );
    // Every row in: a finding's 整改时限 may lie ahead (it is a time limit, not a past instant).
    expect((past.sheets as { kind: string; counts: object }[]).map((x) => [x.kind, x.counts])).toEqual([
      ['findings', { rows: 5, valid: 5, refused: 0, created: 5, duplicate: 0 }],
      ['petitions', { rows: 3, valid: 3, refused: 0, created: 3, duplicate: 0 }],
      ['signals', { rows: 1, valid: 1, refused: 0, created: 1, duplicate: 0 }],
      ['indicators', { rows: 1, valid: 1, refused: 0, created: 1, duplicate: 0 }],
    ]);

    const { stored: aggs, rebuilt } = await storedAndRebuiltAggregates(h.deps);
    expect(aggs).toEqual(rebuilt);

    const groupKey = `county-townships@${county}`;
    const publish = async (quarter: string, sanctions?: boolean) => {
      const res = await h.call('POST', '/api/v1/rankings/publish', {
        token: sup,
        body: { quarter, groupKey, ...(sanctions === undefined ? {} : { sanctions }) },
      });
      const body = (await res.json()) as {
        cards: { unitId: string }[];
        proposedCaseIds: string[];
        snapshot: { id: string };
      };
      expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(201);
      const snap = await h.call('GET', `/api/v1/rankings/snapshots/${body.snapshot.id}`, { token: sup });
      const rows = ((await snap.json()) as { ranking: { rows: RankRow[] } }).ranking.rows;
      const byUnit = Object.fromEntries(rows.map((r) => [r.unitId, [r.score.total, r.rank]]));
      return { byUnit, cards: body.cards.map((c) => c.unitId).sort(), cases: body.proposedCaseIds };
    };

    const q3 = await publish('2024Q3', true);
    expect(q3.byUnit).toEqual({ [jia]: [7000, 3], [yi]: [9850, 1], [bing]: [9200, 2] });
    expect(q3.cards).toEqual([jia]);
    expect(q3.cases).toEqual([]);

    const q4 = await publish('2024Q4', true);
    expect(q4.byUnit).toEqual({ [jia]: [7400, 3], [yi]: [9900, 1], [bing]: [9700, 2] });
    expect(q4.cards).toEqual([jia]);
    expect(q4.cases).toHaveLength(1);
    const kase = (await (
      await h.call('GET', `/api/v1/cases/${q4.cases[0]}`, { token: await h.token('inspector', 'city') })
    ).json()) as {
      subjects: { personName: string; post: string; unitId: string; daysInPost: Record<string, number> }[];
    };
    expect(kase.subjects.map((s) => [s.personName, s.post, s.unitId, s.daysInPost]).sort()).toEqual([
      ['孙立新', 'deputy_in_charge', jia, { '2024Q3': 0, '2024Q4': 46 }],
      ['赵建华', 'principal', jia, { '2024Q3': 92, '2024Q4': 92 }],
      ['钱晓东', 'deputy_in_charge', jia, { '2024Q3': 92, '2024Q4': 46 }],
    ]);

    const q1 = await publish('2025Q1');
    expect(q1.byUnit).toEqual({ [jia]: [10000, 1], [yi]: [9500, 2], [bing]: [9500, 2] });
    expect(q1.cards).toEqual([yi, bing].sort());
    expect(q1.cases).toEqual([]);
  });
});
