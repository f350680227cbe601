/**
 * 异议 (DESIGN §4.2): during the notice period a unit's officers and leaders object to an input of
 * their own unit's score; a reviewer outside the unit's subtree upholds it (the input is corrected by a
 * correction of the notice — an event, never an edit of the frozen draft — and the draft recomputed) or
 * rejects it with a reason. Publication waits for the period to end and every objection to be decided.
 */
import type { UnitQuarterAggregate } from '../aggregates/aggregate.js';
import type { LocalDate } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import type { Role } from '../schemas/enums.js';
import type { Evidence } from '../schemas/evidence.js';
import type { Notice } from '../schemas/notice.js';
import type { Objection, ScoreDimension } from '../schemas/objection.js';
import { correctedInputs, type RankingScheme, withCorrection } from './draft.js';
import { correctInput, inputValue } from './inputs.js';
import { noticeOpen } from './period.js';

/**
 * Who speaks for a unit: its officers (责任单位联络员) and its leaders (the viewer role, 领导), whose home
 * unit is the unit itself. Chosen: not a parent unit's officer (the objection is the unit's own), and
 * not the officer of a village for its township's score (a village's records count for its township,
 * but the score is the township's to dispute).
 */
const SPEAKERS: readonly Role[] = ['unit_officer', 'viewer'];

export interface FileObjectionInput {
  id: string;
  notice: Notice;
  today: LocalDate;
  at: string;
  filer: { id: string; roles: readonly Role[]; homeUnitId: string };
  unitId: string;
  dimension: ScoreDimension;
  input: string;
  claimedValue: number | null;
  reason: string;
  evidence: readonly Evidence[];
}

function assertOnNotice(n: Notice): void {
  if (n.state !== 'on_notice')
    throw new DomainError('notice.notOnNotice', `${n.quarter} ${n.groupKey} is not on notice`, {
      details: { state: n.state },
    });
}

const unitInputs = (n: Notice, unitId: string): UnitQuarterAggregate | undefined =>
  (n.inputs as unknown as UnitQuarterAggregate[]).find((a) => a.unitId === unitId);

/** The objection as filed (pending), or the code of the rule it breaks. */
export function fileObjection(f: FileObjectionInput): Objection {
  const { notice: n } = f;
  assertOnNotice(n);
  if (!noticeOpen(n.endsOn, f.today))
    throw new DomainError('notice.periodOver', `the notice ended on ${n.endsOn}`, {
      details: { endsOn: n.endsOn },
    });
  const own = f.filer.homeUnitId === f.unitId && f.filer.roles.some((r) => SPEAKERS.includes(r));
  const agg = unitInputs(n, f.unitId);
  if (!own || !agg)
    throw new DomainError(
      'notice.notOwnUnit',
      'an objection is filed by the unit’s own officers or leaders',
      {
        field: 'unitId',
      },
    );
  const valueOnNotice = inputValue(agg, f.dimension, f.input);
  if (f.claimedValue !== null) correctInput(agg, f.dimension, f.input, f.claimedValue); // a value it can hold
  const reason = f.reason.trim();
  if (!reason)
    throw new DomainError('ranking.reasonRequired', 'an objection gives its reason', { field: 'reason' });
  return {
    id: f.id,
    noticeId: n.id,
    quarter: n.quarter,
    groupKey: n.groupKey,
    unitId: f.unitId,
    dimension: f.dimension,
    input: f.input,
    valueOnNotice,
    claimedValue: f.claimedValue,
    reason,
    evidence: [...f.evidence],
    filedAt: f.at,
    filedBy: f.filer.id,
    state: 'pending',
    decision: null,
  };
}

/** The notice listing one more objection. */
export const noticeWithObjection = (n: Notice, o: Objection): Notice => ({
  ...n,
  objections: [...n.objections, { id: o.id, unitId: o.unitId, state: o.state }],
});

export interface DecideObjectionInput {
  notice: Notice;
  objection: Objection;
  /** Every objection of the notice (for the dimensions of earlier corrections). */
  objections: readonly Objection[];
  at: string;
  decider: { id: string; homePath: string };
  /** The path of the unit objecting ("/city/ds/ds-a/"). */
  unitPath: string;
  outcome: 'upheld' | 'rejected';
  reason: string;
  correctedValue: number | null;
  scheme: RankingScheme;
}

/** The decided objection and the notice after it (an upheld one corrects the input and re-ranks). */
export function decideObjection(d: DecideObjectionInput): { objection: Objection; notice: Notice } {
  const { notice: n, objection: o } = d;
  assertOnNotice(n);
  if (o.state !== 'pending')
    throw new DomainError('notice.alreadyDecided', 'the objection is decided', {
      details: { state: o.state },
    });
  // Outside the unit's subtree: the reviewer's home unit is neither the unit nor below it.
  if (d.decider.homePath.startsWith(d.unitPath))
    throw new DomainError('notice.reviewerInSubtree', 'a reviewer outside the unit decides its objection');
  const reason = d.reason.trim();
  if (!reason)
    throw new DomainError('ranking.reasonRequired', 'a decision gives its reason', { field: 'reason' });
  const decision = {
    outcome: d.outcome,
    reason,
    correctedValue: d.outcome === 'upheld' ? d.correctedValue : null,
    decidedAt: d.at,
    decidedBy: d.decider.id,
  };
  const objection: Objection = { ...o, state: d.outcome, decision };
  const listed = n.objections.map((x) => (x.id === o.id ? { ...x, state: d.outcome } : x));
  if (d.outcome === 'rejected') return { objection, notice: { ...n, objections: listed } };

  if (d.correctedValue === null)
    throw new DomainError('notice.invalidValue', 'an upheld objection gives the corrected value', {
      field: 'correctedValue',
    });
  const dims = new Map(d.objections.map((x) => [x.id, x]));
  dims.set(o.id, o);
  const current = correctedInputs(n, dims).find((a) => a.unitId === o.unitId);
  if (!current) throw new DomainError('notice.notOwnUnit', 'the unit is not ranked in this notice');
  correctInput(current, o.dimension, o.input, d.correctedValue); // refuses a value the input cannot hold
  const correction = {
    objectionId: o.id,
    unitId: o.unitId,
    input: o.input,
    before: inputValue(current, o.dimension, o.input),
    after: d.correctedValue,
    at: d.at,
    by: d.decider.id,
  };
  const notice = withCorrection({ ...n, objections: listed }, correction, dims, d.scheme);
  return { objection, notice };
}

/**
 * Publication of a notice: after its last day and with every objection decided (`notice.periodNotOver`,
 * `notice.objectionsPending` otherwise).
 */
export function assertNoticePublishable(n: Notice, today: LocalDate): void {
  assertOnNotice(n);
  if (noticeOpen(n.endsOn, today))
    throw new DomainError('notice.periodNotOver', `the notice runs to the end of ${n.endsOn}`, {
      details: { endsOn: n.endsOn },
    });
  const pending = n.objections.filter((o) => o.state === 'pending').map((o) => o.id);
  if (pending.length > 0)
    throw new DomainError('notice.objectionsPending', `${pending.length} objection(s) wait for a decision`, {
      details: { pending },
    });
}
