/**
 * A bulletin's sections as plain rows (a title, headers and cells), in the order a printed 通报 reads:
 * for the xlsx export (one sheet per section) and any other tabular rendering. Money in 万元 with two
 * decimals and rates in per cent with two decimals, as text, computed from integers (no float drift).
 */
import type { BulletinContent } from './content.js';

export type Cell = string | number | null;

export interface BulletinSection {
  key:
    | 'summary'
    | 'progress'
    | 'overdue'
    | 'cards'
    | 'proposals'
    | 'petitions'
    | 'signals'
    | 'satisfaction'
    | 'funds';
  title: string;
  headers: string[];
  rows: Cell[][];
}

/** Fen → 万元 with two decimals ("412.45"), exactly: 1 万元 = 1,000,000 fen. */
export function fenToWan(fen: number): string {
  const neg = fen < 0;
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000); // half up, to 0.01 万元
  const s = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Basis points → "87.50%" (null → "—"). */
export const bpToPercent = (bp: number | null): string =>
  bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

export function bulletinSections(
  b: BulletinContent,
  unitName: (id: string | null) => string = (id) => id ?? '',
): BulletinSection[] {
  const sat = b.satisfaction.overall;
  const sections: BulletinSection[] = [
    {
      key: 'summary',
      title: '概况',
      headers: ['项目', '数值'],
      rows: [
        ['月份', b.month],
        ['范围', b.unitName],
        ['截至', b.asOf],
        ['指标平均完成率', bpToPercent(b.progress.summary.meanCompletionBp)],
        ['逾期整改', b.overdue.length],
        ['预黄牌', b.cards.length],
        ['受理信访', b.petitions.received],
        ['重复信访', b.petitions.repeated],
        ['越级信访', b.petitions.escalated],
        ['舆情', b.signals.published],
        ['重大负面舆情', b.signals.major],
        ['认可度', bpToPercent(sat.rateBp)],
        ['结余资金(万元)', fenToWan(b.funds.totals.unspentFen)],
        ['趴账资金(万元)', fenToWan(b.funds.totals.idleFen)],
      ],
    },
    {
      key: 'progress',
      title: `工作进度（${b.progress.year}年第${b.progress.quarter}季度）`,
      headers: ['单位', '指标', '单位量', '年度目标', '计划', '实际', '完成率'],
      rows: b.progress.indicators.map((i) => [
        unitName(i.unitId),
        i.name,
        i.measure,
        i.target,
        i.plan,
        i.actual,
        bpToPercent(i.completionBp),
      ]),
    },
    {
      key: 'overdue',
      title: '逾期未整改',
      headers: ['单位', '问题', '状态', '整改时限', '逾期天数'],
      rows: b.overdue.map((o) => [unitName(o.unitId), o.title, o.state, o.deadline, o.daysOverdue]),
    },
    {
      key: 'cards',
      title: '预黄牌警告',
      headers: ['单位', '季度', '发出时间'],
      rows: b.cards.map((c) => [unitName(c.unitId), c.quarter, c.issuedAt]),
    },
  ];
  if (b.proposals)
    sections.push({
      key: 'proposals',
      title: '问责建议',
      headers: ['单位', '触发', '状态', '提出时间', '对象人数'],
      rows: b.proposals.map((p) => [unitName(p.unitId), p.trigger, p.state, p.proposedAt, p.subjects]),
    });
  sections.push(
    {
      key: 'petitions',
      title: '本月信访',
      headers: ['单位', '类别', '渠道', '受理层级', '收到时间', '状态', '重复', '越级'],
      rows: b.petitions.items.map((p) => [
        unitName(p.unitId),
        p.category,
        p.channel,
        p.levelReceived,
        p.receivedAt,
        p.state,
        p.repeated ? '是' : '否',
        p.escalated ? '是' : '否',
      ]),
    },
    {
      key: 'signals',
      title: '本月舆情',
      headers: ['单位', '平台', '标题', '发布时间', '倾向', '程度'],
      rows: b.signals.items.map((s) => [
        unitName(s.unitId),
        s.platform,
        s.title,
        s.publishedAt,
        s.polarity,
        s.severity,
      ]),
    },
    {
      key: 'satisfaction',
      title: '信访群众认可度',
      headers: ['单位', '办结', '满意', '基本满意', '不满意', '认可度'],
      rows: [
        ...b.satisfaction.byUnit.map((r) => [
          unitName(r.unitId),
          r.closed,
          r.satisfied,
          r.basicallySatisfied,
          r.dissatisfied,
          bpToPercent(r.rateBp),
        ]),
        [
          '合计',
          sat.closed,
          sat.satisfied,
          sat.basicallySatisfied,
          sat.dissatisfied,
          bpToPercent(sat.rateBp),
        ],
      ],
    },
    {
      key: 'funds',
      title: '项目资金（万元）',
      headers: ['单位', '项目数', '下达', '支出', '结余', '趴账项目', '趴账资金'],
      rows: [...b.funds.rows, b.funds.totals].map((r, i, all) => [
        i === all.length - 1 ? '合计' : unitName(r.unitId),
        r.projects,
        fenToWan(r.allocatedFen),
        fenToWan(r.disbursedFen),
        fenToWan(r.unspentFen),
        r.idleProjects,
        fenToWan(r.idleFen),
      ]),
    },
  );
  return sections;
}
