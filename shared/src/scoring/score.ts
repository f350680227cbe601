/**
 * The quarterly score of DESIGN §4.1, in integer hundredths of a point, from the unit's aggregate only.
 * Every weight and deduction is scheme data; the breakdown carries every input count so that anyone can
 * recompute the score by hand. Only two dimensions have fractions (task, rectification rate): each is
 * rounded once, half up, to the hundredth.
 */
import type { UnitQuarterAggregate } from '../aggregates/aggregate.js';
import type { ScoreBreakdown } from '../schemas/ranking.js';
import type { Scheme } from '../scheme/scheme.js';
import { rational, roundHalfUp, toFixed } from './rational.js';
import { taskCompletion, taskPoints } from './task.js';

export type ScoringScheme = Pick<Scheme, 'weights' | 'deductions'>;

const floor0 = (n: number): number => Math.max(0, n);

/**
 * Rectification: max(0, round_half_up(weight × onTime ÷ due) − deduction × openOverdue); rate 1 when
 * due = 0. Chosen: on-time is capped at due (rate ≤ 1), since an aggregate cannot honestly count more
 * rectifications closed on time than were due; this keeps the dimension within its weight.
 */
function rectificationPoints(agg: UnitQuarterAggregate, weight: number, deductionEach: number): number {
  const rated =
    agg.rectDue === 0
      ? weight
      : Number(
          roundHalfUp(
            rational(BigInt(weight) * BigInt(Math.min(agg.rectOnTime, agg.rectDue)), BigInt(agg.rectDue)),
          ),
        );
  return floor0(rated - deductionEach * agg.rectOpenOverdue);
}

export function scoreUnit(agg: UnitQuarterAggregate, scheme: ScoringScheme): ScoreBreakdown {
  const { weights: w, deductions: d } = scheme;
  // Lines in indicator-id order, so the breakdown does not depend on how the aggregate was built.
  const entries = Object.entries(agg.tasks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([, line]) => line);

  const task = {
    points: taskPoints(lines, w.task),
    max: w.task,
    noTargets: lines.length === 0,
    indicators: entries.map(([indicatorId, line]) => ({
      indicatorId,
      plan: line.plan,
      actual: line.actual ?? 0,
      completion: toFixed(taskCompletion(line), 4),
      ...(line.actual === null ? { reported: false as const } : {}),
    })),
  };
  const rectification = {
    points: rectificationPoints(agg, w.rectification, d.rectificationOpenOverdue),
    max: w.rectification,
    due: agg.rectDue,
    onTime: agg.rectOnTime,
    openOverdue: agg.rectOpenOverdue,
    deductionEach: d.rectificationOpenOverdue,
  };
  const f = agg.findings;
  const findings = {
    points: floor0(
      w.findings -
        (f.general * d.finding.general + f.serious * d.finding.serious + f.grave * d.finding.grave),
    ),
    max: w.findings,
    ...f,
    deductions: { ...d.finding },
  };
  // A petition both repeated and escalated is counted in both (the aggregate does so) and loses both.
  const p = agg.petitions;
  const petitions = {
    points: floor0(
      w.petitions -
        (p.received * d.petition.received +
          p.repeated * d.petition.repeated +
          p.escalated * d.petition.escalated),
    ),
    max: w.petitions,
    ...p,
    deductions: { ...d.petition },
  };
  const s = agg.signals;
  const opinion = {
    points: floor0(w.opinion - (s.notable * d.opinion.notable + s.major * d.opinion.major)),
    max: w.opinion,
    ...s,
    deductions: { ...d.opinion },
  };
  const total = task.points + rectification.points + findings.points + petitions.points + opinion.points;
  return { unitId: agg.unitId, total, task, rectification, findings, petitions, opinion };
}
