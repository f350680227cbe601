/**
 * The two exports that are documents rather than lists: a published ranking snapshot with its full
 * breakdown (every dimension's points and every input count, DESIGN §4.1 — anyone can recompute a score
 * from the sheet), and a monthly bulletin (通报), a sheet per section.
 */
import {
  caseState,
  type Indicator,
  petitionState,
  problemCategory,
  type RankingRow,
  type RankingSnapshot,
  signalSeverity,
} from '@jiandu/shared';
import { CASE_TRIGGER_LABELS } from '@jiandu/shared/labels';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { monthlyBulletin } from '../services/bulletins/bulletins.js';
import { getSnapshot } from '../services/rankings/publication.js';
import { bpCell, dateCell, fractionCell, instantCell } from './cells.js';
import { type SheetContext, zh } from './list-exports.js';
import type { CellValue, Column, SheetSource } from './xlsx-stream.js';

/** Hundredths of a point as the number people read. */
const pts = (h: number) => h / 100;

async function* once<T>(rows: readonly T[]): AsyncIterable<readonly T[]> {
  yield rows;
}

const sheet = <T>(name: string, columns: Column<T>[], rows: readonly T[]): SheetSource<T> => ({
  name,
  columns,
  pages: once(rows),
});

export async function snapshotSheets(deps: Deps, p: Principal, id: string, ctx: SheetContext) {
  const { unit, timeZone } = ctx;
  const s = (await getSnapshot(deps, p, id)) as RankingSnapshot;
  const rows = s.ranking.rows;
  // Indicators and the peer group by name: the snapshot keeps ids (names may change; its hash must not).
  // The group is named by the current scheme's rule of that id (its label), its key where none is.
  const indicatorIds = new Set(rows.flatMap((r) => r.score.task.indicators.map((i) => i.indicatorId)));
  const indicatorNames = new Map(
    [...(await deps.store.getMany<Indicator>('indicator', [...indicatorIds]))].map(([k, v]) => [
      k,
      v.data.name,
    ]),
  );
  const groupLabel =
    (await deps.scheme()).peerGroups.find((g) => g.id === s.group.ruleId)?.label ?? s.group.ruleId;
  const ranking: Column<RankingRow>[] = [
    { header: '排名', value: (r) => r.rank, width: 8 },
    { header: '单位', value: (r) => unit(r.unitId), width: 18 },
    { header: '单位编号', value: (r) => r.unitId },
    { header: '总分', value: (r) => pts(r.score.total), width: 10 },
    { header: '预黄牌', value: (r) => (r.carded ? '是' : '否'), width: 8 },
    { header: '任务完成得分', value: (r) => pts(r.score.task.points) },
    { header: '任务完成满分', value: (r) => pts(r.score.task.max) },
    { header: '无考核指标', value: (r) => (r.score.task.noTargets ? '是' : '否') },
    { header: '考核指标数', value: (r) => r.score.task.indicators.length },
    { header: '整改得分', value: (r) => pts(r.score.rectification.points) },
    { header: '整改满分', value: (r) => pts(r.score.rectification.max) },
    { header: '本季到期整改数', value: (r) => r.score.rectification.due },
    { header: '按期销号数', value: (r) => r.score.rectification.onTime },
    { header: '逾期未销号数', value: (r) => r.score.rectification.openOverdue },
    { header: '每件逾期扣分', value: (r) => pts(r.score.rectification.deductionEach) },
    { header: '督查发现得分', value: (r) => pts(r.score.findings.points) },
    { header: '督查发现满分', value: (r) => pts(r.score.findings.max) },
    { header: '一般问题数', value: (r) => r.score.findings.general },
    { header: '较重问题数', value: (r) => r.score.findings.serious },
    { header: '严重问题数', value: (r) => r.score.findings.grave },
    { header: '信访得分', value: (r) => pts(r.score.petitions.points) },
    { header: '信访满分', value: (r) => pts(r.score.petitions.max) },
    { header: '信访件数', value: (r) => r.score.petitions.received },
    { header: '重复信访数', value: (r) => r.score.petitions.repeated },
    { header: '越级信访数', value: (r) => r.score.petitions.escalated },
    { header: '舆情得分', value: (r) => pts(r.score.opinion.points) },
    { header: '舆情满分', value: (r) => pts(r.score.opinion.max) },
    { header: '较大负面舆情数', value: (r) => r.score.opinion.notable },
    { header: '重大负面舆情数', value: (r) => r.score.opinion.major },
  ];
  type Line = { unitId: string; indicatorId: string; plan: number; actual: number; completion: string };
  const lines: Line[] = rows.flatMap((r) => r.score.task.indicators.map((i) => ({ unitId: r.unitId, ...i })));
  const indicators: Column<Line>[] = [
    { header: '单位', value: (l) => unit(l.unitId), width: 18 },
    { header: '指标', value: (l) => indicatorNames.get(l.indicatorId) ?? l.indicatorId, width: 30 },
    { header: '累计计划', value: (l) => l.plan },
    { header: '累计完成', value: (l) => l.actual },
    { header: '完成率', value: (l) => fractionCell(l.completion), format: 'percent' },
    { header: '指标编号', value: (l) => l.indicatorId, width: 28 },
  ];
  const about: [string, CellValue][] = [
    ['快照编号', s.id],
    ['季度', s.quarter],
    ['同类组', `${unit(s.group.parentUnitId)} ${groupLabel}`],
    ['发布时间', instantCell(s.publishedAt, timeZone)],
    ['方案版本', `${s.ranking.schemeId} v${s.ranking.schemeVersion}`],
    ['未发预黄牌原因', s.ranking.noCardReason],
    ['更正对象', s.supersedes],
    ['更正理由', s.reason],
    ['内容哈希 (SHA-256)', s.contentHash],
  ];
  const pair: Column<[string, CellValue]>[] = [
    { header: '项目', value: (x) => x[0], width: 20 },
    { header: '内容', value: (x) => x[1], width: 70 },
  ];
  return {
    fileName: `季度排名-${s.quarter}-${unit(s.group.parentUnitId) ?? s.group.parentUnitId}.xlsx`,
    rows: rows.length,
    sheets: [
      sheet('排名与得分明细', ranking, rows),
      sheet('任务指标', indicators, lines),
      sheet('快照信息', pair, about),
    ],
  };
}

/** The sections of a bulletin this export reads (the bulletin may carry more). */
interface BulletinLike {
  month: string;
  unitName: string;
  asOf: string;
  progress: {
    indicators: {
      unitId: string;
      name: string;
      target: number;
      plan: number | null;
      actual: number | null;
      completionBp: number | null;
    }[];
  };
  overdue: { id: string; unitId: string; title: string; deadline: string; daysOverdue: number }[];
  cards: { unitId: string; quarter: string; issuedAt: string }[];
  proposals:
    | { unitId: string; trigger: string; state: string; proposedAt: string; subjects: number }[]
    | null;
  petitions: {
    received: number;
    repeated: number;
    escalated: number;
    items: {
      unitId: string;
      category: string;
      receivedAt: string;
      state: string;
      repeated: boolean;
      escalated: boolean;
    }[];
  };
  signals: {
    published: number;
    negative: number;
    notable: number;
    major: number;
    items: {
      unitId: string | null;
      platform: string;
      title: string;
      publishedAt: string;
      severity: string;
    }[];
  };
  satisfaction: {
    overall: { closed: number; rateBp: number | null };
    byUnit: {
      unitId: string;
      closed: number;
      satisfied: number;
      basicallySatisfied: number;
      dissatisfied: number;
      rateBp: number | null;
    }[];
  };
}

export async function bulletinSheets(
  deps: Deps,
  p: Principal,
  month: string,
  unitId: string | undefined,
  ctx: SheetContext,
) {
  const { unit, timeZone } = ctx;
  const b = (await monthlyBulletin(deps, p, month, unitId)) as unknown as BulletinLike;
  const about: [string, CellValue][] = [
    ['通报月份', b.month],
    ['范围', b.unitName],
    ['截至', instantCell(b.asOf, timeZone)],
    ['逾期整改', b.overdue.length],
    ['预黄牌', b.cards.length],
    ['信访件', b.petitions.received],
    ['重复信访', b.petitions.repeated],
    ['越级信访', b.petitions.escalated],
    ['舆情', b.signals.published],
    ['负面舆情', b.signals.negative],
    ['回访件数', b.satisfaction.overall.closed],
    ['认可度', bpCell(b.satisfaction.overall.rateBp)],
  ];
  type Ind = BulletinLike['progress']['indicators'][number];
  type Od = BulletinLike['overdue'][number];
  type Pe = BulletinLike['petitions']['items'][number];
  type Si = BulletinLike['signals']['items'][number];
  type Sa = BulletinLike['satisfaction']['byUnit'][number];
  type Pr = NonNullable<BulletinLike['proposals']>[number];
  type Ca = BulletinLike['cards'][number];
  const sheets: SheetSource<unknown>[] = [
    sheet<[string, CellValue]>(
      '概况',
      [
        { header: '项目', value: (x) => x[0], width: 16 },
        { header: '内容', value: (x) => x[1], width: 30 },
      ],
      about,
    ),
    sheet<Ind>(
      '任务进度',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '指标', value: (x) => x.name, width: 30 },
        { header: '年度目标', value: (x) => x.target },
        { header: '累计计划', value: (x) => x.plan },
        { header: '累计完成', value: (x) => x.actual },
        { header: '完成率', value: (x) => bpCell(x.completionBp), format: 'percent' },
      ],
      b.progress.indicators,
    ),
    sheet<Od>(
      '逾期整改',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '问题', value: (x) => x.title, width: 50 },
        { header: '整改时限', value: (x) => dateCell(x.deadline), width: 12, format: 'date' },
        { header: '逾期天数', value: (x) => x.daysOverdue },
      ],
      b.overdue,
    ),
    sheet<Ca>(
      '预黄牌',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '季度', value: (x) => x.quarter },
        {
          header: '发出时间',
          value: (x) => instantCell(x.issuedAt, timeZone),
          width: 18,
          format: 'datetime',
        },
      ],
      b.cards,
    ),
    ...(b.proposals
      ? [
          sheet<Pr>(
            '问责建议',
            [
              { header: '单位', value: (x) => unit(x.unitId), width: 18 },
              {
                header: '触发',
                value: (x) =>
                  CASE_TRIGGER_LABELS[x.trigger as keyof typeof CASE_TRIGGER_LABELS]?.zh ?? x.trigger,
                width: 30,
              },
              { header: '状态', value: (x) => zh(caseState, x.state) },
              {
                header: '提出时间',
                value: (x) => instantCell(x.proposedAt, timeZone),
                width: 18,
                format: 'datetime',
              },
              { header: '问责对象人数', value: (x) => x.subjects },
            ],
            b.proposals,
          ),
        ]
      : []),
    sheet<Pe>(
      '信访',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '类别', value: (x) => zh(problemCategory, x.category) },
        {
          header: '收到时间',
          value: (x) => instantCell(x.receivedAt, timeZone),
          width: 18,
          format: 'datetime',
        },
        { header: '状态', value: (x) => zh(petitionState, x.state) },
        { header: '重复', value: (x) => (x.repeated ? '是' : '否') },
        { header: '越级', value: (x) => (x.escalated ? '是' : '否') },
      ],
      b.petitions.items,
    ),
    sheet<Si>(
      '舆情',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '平台', value: (x) => x.platform },
        { header: '标题', value: (x) => x.title, width: 50 },
        {
          header: '发布时间',
          value: (x) => instantCell(x.publishedAt, timeZone),
          width: 18,
          format: 'datetime',
        },
        { header: '等级', value: (x) => zh(signalSeverity, x.severity) },
      ],
      b.signals.items,
    ),
    sheet<Sa>(
      '认可度',
      [
        { header: '单位', value: (x) => unit(x.unitId), width: 18 },
        { header: '回访件数', value: (x) => x.closed },
        { header: '满意', value: (x) => x.satisfied },
        { header: '基本满意', value: (x) => x.basicallySatisfied },
        { header: '不满意', value: (x) => x.dissatisfied },
        { header: '认可度', value: (x) => bpCell(x.rateBp), format: 'percent' },
      ],
      b.satisfaction.byUnit,
    ),
  ] as SheetSource<unknown>[];
  return {
    fileName: `通报-${b.month}-${b.unitName}.xlsx`,
    rows: b.overdue.length + b.petitions.items.length + b.signals.items.length + b.progress.indicators.length,
    sheets,
  };
}
