/**
 * The demo's second kind of county: 云溪县, moved onto Jiandu from spreadsheets only, beside 东山县 and
 * 西川县's simulated history — as a county's administrators would do it, through the API a client uses,
 * with no clock of the server moved: its organisation and posts (组织机构导入, the system administrator),
 * a go-live date in a new version of the scheme, and its 整改台账 with most rows already 已销号 (the
 * county's supervisor). After it, 迁移记录 lists both imports and their check against a rebuild.
 */
import { addDays } from '@jiandu/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../app/deps.js';
import { createUser, type PublicUser } from '../services/accounts/users.js';
import type { ApiClient } from './demo-api.js';

export const YUNXI = '云溪县';
/** The day 云溪县 went live: the quarter before it is history (no alerts, no cards for it). */
export const YUNXI_GO_LIVE = '2026-10-08';

const TOWNS = ['湖滨镇', '莲塘乡', '鹭洲镇', '芦花乡', '荷风乡', '鱼跃镇'];
const DEPTS = ['云溪县扶贫办', '云溪县农业农村局', '云溪县财政局', '云溪县水利局'];
const VILLAGES = ['新塘村', '柳岸村', '石桥村', '荷塘村', '渔歌村', '青湾村'];
const PEOPLE = [
  '周立群',
  '吴海峰',
  '郑雅琴',
  '孙德胜',
  '钱卫国',
  '冯晓梅',
  '陈志远',
  '褚秋红',
  '卫长青',
  '蒋文斌',
  '沈佳慧',
  '韩振东',
  '杨丽华',
  '朱明亮',
  '秦晓燕',
  '尤国栋',
  '许春花',
  '何建军',
  '吕秀兰',
  '施宏伟',
  '张德华',
  '孔繁荣',
  '曹凤英',
];

type Cell = string | number | Date | null;

async function workbook(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A calendar day as Excel holds it (a date cell at midnight UTC: exceljs writes the day itself). */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The organisation workbook: 单位 (the county, its towns, villages, departments) and 人员任职. */
function organisation(): Promise<Uint8Array> {
  const units: Cell[][] = [['单位名称', '单位类型', '上级单位', '单位编码', '简称/曾用名', '成立日期']];
  // Children before their parents on purpose: the import finds the order itself.
  TOWNS.forEach((t, i) => {
    units.push([`${t.replace(/[镇乡]$/, '')}${VILLAGES[i]}`, '村', t, `9904${i + 1}01`, null, '2011-03-01']);
  });
  units.push([YUNXI, '县(市、区)', '示范市', '9904', '云溪', '2011-03-01']);
  TOWNS.forEach((t, i) => {
    units.push([
      t,
      t.endsWith('乡') ? '乡' : '镇',
      YUNXI,
      `9904${String(i + 1).padStart(3, '0')}`,
      null,
      '2011-03-01',
    ]);
  });
  DEPTS.forEach((d, i) => {
    units.push([d, '县直部门', YUNXI, `9904D${i + 1}`, d.replace(YUNXI, ''), '2011-03-01']);
  });
  const tenures: Cell[][] = [['姓名', '单位', '职务', '职务类别', '任职开始', '任职结束']];
  let n = 0;
  const next = () => PEOPLE[n++ % PEOPLE.length]!;
  TOWNS.forEach((t, i) => {
    tenures.push([next(), t, '党委书记', '主要负责人', '2021-06-01', null]);
    if (i === 1) {
      // 莲塘乡 changed its deputy in charge in the summer of 2026, before going live.
      tenures.push([next(), t, '副乡长', '分管负责人', '2021-06-01', '2026-07-14']);
      tenures.push([next(), t, '副乡长', '分管负责人', '2026-07-15', null]);
    } else
      tenures.push([next(), t, t.endsWith('乡') ? '副乡长' : '副镇长', '分管负责人', '2022-01-10', null]);
  });
  for (const d of DEPTS) {
    tenures.push([next(), d, '局长', '主要负责人', '2022-03-01', null]);
    tenures.push([next(), d, '副局长', '分管负责人', '2022-03-01', null]);
  }
  return workbook([
    { name: '单位', rows: units },
    { name: '人员任职', rows: tenures },
  ]);
}

/**
 * The county's 整改台账 as it kept it: 30 rows already 已销号 (closed on their dates, verified offline by
 * the county's discipline commission and poverty office), 4 still open with deadlines to come, and 2
 * open and past their deadline before go-live — which the overdue sweep counts from go-live.
 */
function ledger(): Promise<Uint8Array> {
  const rows: Cell[][] = [
    [
      '序号',
      '问题来源',
      '问题类别',
      '问题描述',
      '责任单位',
      '责任人',
      '整改措施',
      '整改时限',
      '整改进展',
      '整改状态/是否销号',
      '涉及金额(万元)',
      '销号日期',
      '复核人',
    ],
  ];
  const sources = ['县委巡察', '审计', '督查', '纪委监委'];
  const problems = [
    '易地搬迁安置点配套设施建设滞后',
    '扶贫项目资金拨付不及时',
    '产业帮扶台账填报流于形式',
    '危房改造质量验收资料不全',
    '低保对象动态调整不及时',
    '公益岗位人员考勤管理松散',
  ];
  const units = [...TOWNS, ...DEPTS];
  let line = 0;
  const add = (deadline: string, closed: string | null, k: number) => {
    line++;
    rows.push([
      line,
      sources[k % sources.length]!,
      k % 3 === 0 ? '资金使用' : '形式主义',
      `${units[k % units.length]}：${problems[k % problems.length]}`,
      units[k % units.length]!,
      null,
      '制定整改方案，逐项销号',
      day(deadline),
      closed ? '已完成整改并经复核' : '正在推进',
      closed ? '已销号' : '整改中',
      k % 3 === 0 ? 5 + (k % 7) * 2.5 : null,
      closed ? day(closed) : null,
      closed ? '县纪委 周卫民、县扶贫办 林秀云' : null,
    ]);
  };
  // Deadlines over five quarters (2025Q3 … 2026Q3); most closed on time, some a few days late.
  const months = [
    '2025-08',
    '2025-09',
    '2025-11',
    '2025-12',
    '2026-02',
    '2026-03',
    '2026-05',
    '2026-06',
    '2026-08',
    '2026-09',
  ];
  for (let k = 0; k < 30; k++) {
    const deadline = `${months[k % months.length]}-${String(10 + (k % 15)).padStart(2, '0')}`;
    const late = k % 5 === 4;
    const closeDay = Number(deadline.slice(8)) + (late ? 4 : -6);
    add(deadline, `${deadline.slice(0, 8)}${String(closeDay).padStart(2, '0')}`, k);
  }
  for (let k = 30; k < 34; k++) add(`2027-0${1 + (k % 3)}-15`, null, k);
  add('2026-09-20', null, 34);
  add('2026-09-28', null, 35);
  return workbook([{ name: '整改台账', rows }]);
}

/**
 * Its past records of 2026 before go-live (历史数据导入): findings of inspections (each opens its
 * rectification, due at year end), petitions received, accepted and handled, opinion signals, and the
 * county's indicators with their quarterly cumulative actuals so far.
 */
function pastRecords(): Promise<Uint8Array> {
  const findings: Cell[][] = [
    ['发现日期', '单位', '问题类别', '严重程度', '问题描述', '来源', '外部编号', '整改时限'],
  ];
  const what = ['扶贫车间长期闲置', '公示栏信息未更新', '防返贫监测走过场', '产业项目验收资料缺失'];
  ['2026-04-16', '2026-05-21', '2026-06-11', '2026-07-08', '2026-08-19', '2026-09-03'].forEach((on, k) => {
    const unit = TOWNS[k % TOWNS.length]!;
    findings.push([
      on,
      unit,
      k % 2 ? '形式主义' : '不作为',
      ['一般', '较重', '严重'][k % 3]!,
      `${unit}：${what[k % what.length]}`,
      '督查',
      `YX-2026-${k + 1}`,
      '2026-12-31',
    ]);
  });
  const petitions: Cell[][] = [
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
      '满意度',
    ],
  ];
  const people = ['王秀兰', '刘长顺', '黄春生', '赵桂香'];
  ['2026-05-06', '2026-06-15', '2026-07-22', '2026-08-30'].forEach((on, k) => {
    const unit = TOWNS[(k * 2) % TOWNS.length]!;
    petitions.push([
      `YX-XF-2026-${k + 1}`,
      people[k]!,
      '来信',
      '县级',
      unit,
      '不作为',
      `${unit}：反映危房改造补助迟迟未到位`,
      on,
      addDays(on, 3),
      addDays(on, 25),
      '满意',
    ]);
  });
  const signals: Cell[][] = [['平台', '链接', '标题', '发布时间', '倾向', '等级', '单位']];
  signals.push([
    '本地论坛',
    'https://forum.example.org/t/yunxi-1',
    '湖滨镇安置点路灯坏了没人修',
    '2026-06-02T20:15:00+08:00',
    '负面',
    '较大',
    '湖滨镇',
  ]);
  signals.push([
    '短视频平台',
    'https://video.example.org/v/yunxi-2',
    '莲塘乡荷花节带火乡村游',
    '2026-07-18T12:00:00+08:00',
    '正面',
    '一般',
    '莲塘乡',
  ]);
  const indicators: Cell[][] = [
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
    ['湖滨镇', 2026, '脱贫人口小额信贷发放', '万元', 400, 90, 210, 320, null],
    ['鹭洲镇', 2026, '易地搬迁后续产业覆盖率', '%', 100, 20, 40, 55, null],
  ];
  return workbook([
    { name: '督查发现问题', rows: findings },
    { name: '信访', rows: petitions },
    { name: '舆情', rows: signals },
    { name: '考核指标', rows: indicators },
  ]);
}

interface ReportRow {
  sheet: string;
  status: string;
  label?: string;
  unitId?: string;
}

/** Moves 云溪县 in; answers lines for the seed's log. */
export async function seedMigratedCounty(
  deps: Deps,
  api: ApiClient,
  users: Map<string, PublicUser>,
): Promise<string[]> {
  const org = await api.upload<{ rows: ReportRow[]; counts: Record<string, { created: number }> }>(
    'admin',
    '/api/v1/imports/organisation?dryRun=false',
    await organisation(),
    '云溪县组织机构及任职.xlsx',
  );
  if (!org.ok) return [`${YUNXI}: the organisation import was refused (${org.status})`];
  const county = org.body.rows.find((r) => r.sheet === 'units' && r.label === YUNXI)?.unitId;
  if (!county) return [`${YUNXI}: the organisation import did not create the county`];

  await api.amendScheme((scheme) => ({
    migration: { ...(scheme.migration as object), goLive: [{ unitId: county, date: YUNXI_GO_LIVE }] },
  }));

  const supervisor = await createUser(deps, {
    username: 'yunxi-supervisor',
    name: '云溪县督查室',
    roles: ['supervisor'],
    unitId: county,
    password: 'demo1234',
  });
  users.set(supervisor.username, supervisor);
  const led = await api.upload<{ counts: Record<string, number> }>(
    'yunxi-supervisor',
    '/api/v1/imports/rectification-ledger?dryRun=false',
    await ledger(),
    '云溪县整改台账（2025—2026）.xlsx',
  );
  const past = await api.upload<{ sheets: { kind: string; counts: { created: number } }[] }>(
    'yunxi-supervisor',
    '/api/v1/imports/past-records?dryRun=false',
    await pastRecords(),
    '云溪县2026年历史数据.xlsx',
  );
  const pastLine = past.ok
    ? past.body.sheets.map((x) => `${x.counts.created} ${x.kind}`).join(', ')
    : `refused (${past.status})`;
  const c = org.body.counts;
  return [
    `${YUNXI} moved in from spreadsheets: ${c.units?.created ?? 0} units, ${c.tenures?.created ?? 0} posts, ` +
      `go-live ${YUNXI_GO_LIVE}; ledger ${led.ok ? `${led.body.counts.created} rectifications` : `refused (${led.status})`}; ` +
      `past records ${pastLine}`,
  ];
}
