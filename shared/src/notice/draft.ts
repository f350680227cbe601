/**
 * The draft on notice (DESIGN §4.2): frozen once, with its content hash; upheld objections add
 * corrections beside it — never an edit of the frozen inputs — and the current draft is the frozen
 * inputs with every correction applied, ranked again. `noticeChanges` says what that changed.
 */
import type { UnitQuarterAggregate } from '../aggregates/aggregate.js';
import type { LocalDate } from '../calendar/local-date.js';
import { snapshotHash } from '../publishing/snapshot.js';
import { rankGroup } from '../ranking/rank.js';
import type { Notice } from '../schemas/notice.js';
import type { InputCorrection, NoticeChange, Objection } from '../schemas/objection.js';
import type { Ranking } from '../schemas/ranking.js';
import type { Scheme } from '../scheme/scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { correctInput } from './inputs.js';
import { noticeEndsOn } from './period.js';

export type RankingScheme = Pick<Scheme, 'id' | 'version' | 'cards' | 'weights' | 'deductions'>;

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Ranks `inputs` as a quarter's ranking of the group is always ranked. */
export const rankAggregates = (
  ranking: Pick<Ranking, 'quarter' | 'group'>,
  inputs: readonly UnitQuarterAggregate[],
  scheme: RankingScheme,
): Ranking =>
  rankGroup({
    quarter: ranking.quarter,
    group: ranking.group,
    scores: inputs.map((a) => scoreUnit(a, scheme)),
    scheme,
  });

export interface StartNoticeInput {
  id: string;
  groupKey: string;
  ranking: Ranking;
  inputs: readonly UnitQuarterAggregate[];
  startedAt: string;
  startedOn: LocalDate;
  startedBy: string;
  workingDays: number;
  calendar: Scheme['calendar'];
}

/** A draft put on notice: frozen, hashed as a snapshot of it would be, with no objection yet. */
export function startNotice(input: StartNoticeInput): Notice {
  const { ranking } = input;
  const inputs = copy(input.inputs) as unknown as Record<string, unknown>[];
  const frozen = copy(ranking);
  return {
    id: input.id,
    quarter: ranking.quarter,
    group: copy(ranking.group),
    groupKey: input.groupKey,
    state: 'on_notice',
    startedAt: input.startedAt,
    startedBy: input.startedBy,
    endsOn: noticeEndsOn(input.startedOn, input.workingDays, input.calendar),
    workingDays: input.workingDays,
    inputs,
    ranking: frozen,
    contentHash: snapshotHash({ ...frozen, ranking: frozen, inputs, supersedes: null, reason: null }),
    corrections: [],
    current: copy(ranking),
    objections: [],
    publishedSnapshotId: null,
  };
}

/** True when the notice's frozen draft still hashes to its content hash. */
export const verifyNotice = (n: Notice): boolean =>
  snapshotHash({ ...n, ranking: n.ranking, inputs: n.inputs, supersedes: null, reason: null }) ===
  n.contentHash;

/** The frozen inputs with every correction applied, in the order they were made. */
export function correctedInputs(
  n: Pick<Notice, 'inputs' | 'corrections'>,
  objections: ReadonlyMap<string, Pick<Objection, 'dimension'>>,
): UnitQuarterAggregate[] {
  let inputs = n.inputs as unknown as UnitQuarterAggregate[];
  for (const c of n.corrections) {
    const dimension = objections.get(c.objectionId)?.dimension;
    if (!dimension) continue;
    inputs = inputs.map((a) => (a.unitId === c.unitId ? correctInput(a, dimension, c.input, c.after) : a));
  }
  return inputs;
}

/** Applies one correction to the notice: a new notice value, the frozen draft untouched. */
export function withCorrection(
  n: Notice,
  correction: InputCorrection,
  objections: ReadonlyMap<string, Pick<Objection, 'dimension'>>,
  scheme: RankingScheme,
): Notice {
  const corrections = [...n.corrections, correction];
  const current = rankAggregates(
    n.ranking,
    correctedInputs({ inputs: n.inputs, corrections }, objections),
    scheme,
  );
  return { ...n, corrections, current };
}

/** Every unit whose rank, total or card differs between the draft put on notice and the current one. */
export function noticeChanges(before: Ranking, after: Ranking): NoticeChange[] {
  const was = new Map(before.rows.map((r) => [r.unitId, r]));
  const out: NoticeChange[] = [];
  for (const r of after.rows) {
    const b = was.get(r.unitId);
    if (!b) continue;
    if (b.rank === r.rank && b.score.total === r.score.total && b.carded === r.carded) continue;
    out.push({
      unitId: r.unitId,
      rankBefore: b.rank,
      rankAfter: r.rank,
      totalBefore: b.score.total,
      totalAfter: r.score.total,
      cardedBefore: b.carded,
      cardedAfter: r.carded,
    });
  }
  return out.sort((x, y) => (x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : 0));
}
