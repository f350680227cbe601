/**
 * Task completion, DESIGN §4.1 dimension 1: for each indicator of u with a target,
 * completion = min(1, cumulative actual at quarter end / cumulative plan for q);
 * default plan = annual target × q/4 (时间过半任务过半). Points = round_half_up(weight × Σ completion ÷ n),
 * a missing actual counting as 0; no indicators → the full weight ("no targets").
 */
import type { TaskLine } from '../aggregates/aggregate.js';
import { parseQuarter, type Quarter, type QuarterKey } from '../calendar/quarter.js';
import type { Indicator } from '../schemas/indicator.js';
import { add, compare, div, fromNumber, type Rational, rational, roundHalfUp } from './rational.js';

const ONE = rational(1n);
const ZERO = rational(0n);

const asQuarter = (q: Quarter | QuarterKey): Quarter => (typeof q === 'string' ? parseQuarter(q) : q);

/**
 * The indicator's line for quarter q, or null when it has no target or belongs to another year.
 * plan = the indicator's cumulative plan for q when given, else target × q/4. The default is computed
 * from the target scaled to an integer (×10⁴) with a single division, so it is the double nearest the
 * exact decimal (target 0.1 in Q3 → 0.075, not 0.07500000000000001).
 * actual = the reported cumulative actual at the end of q, or null (not the previous quarter's value:
 * the design scores the "cumulative actual at quarter end").
 *
 * Chosen (issue 17, a draft of the running quarter scoring 0/40 on tasks): the rule stands as written —
 * an actual not reported for q's end counts as 0, in a draft as in a published ranking, so a draft is
 * always the ranking that would be published with what is known now, and a unit cannot gain points by not
 * reporting. The breakdown marks such lines `reported: false` and the SPA says, above a draft, how many
 * indicators are not reported yet and that they count 0 until they are. The latest earlier cumulative
 * actual is not carried forward: it would score a quarter on another quarter's figures.
 */
export function taskLine(indicator: Indicator, quarter: Quarter | QuarterKey): TaskLine | null {
  const q = asQuarter(quarter);
  if (indicator.target === null || indicator.year !== q.year) return null;
  const i = q.quarter - 1;
  const given = indicator.plan?.[i] ?? null;
  const plan = given ?? (Math.round(indicator.target * 10_000) * q.quarter) / 40_000;
  return { plan, actual: indicator.actuals[i] ?? null };
}

/**
 * Exact completion of a line: min(1, actual / plan), a missing actual counting as 0.
 * Chosen: a plan of 0 (or below) asks for nothing, so the line is complete (1) whatever the actual.
 * A negative actual (outside the schema) counts as 0, so a completion always lies in [0, 1].
 */
export function taskCompletion(line: TaskLine): Rational {
  const plan = fromNumber(line.plan);
  if (compare(plan, ZERO) <= 0) return ONE;
  const actual = line.actual === null ? ZERO : fromNumber(line.actual);
  if (compare(actual, ZERO) <= 0) return ZERO;
  const c = div(actual, plan);
  return compare(c, ONE) > 0 ? ONE : c;
}

/** round_half_up(weight × Σ completion ÷ n), rounded once; the full weight when there are no lines. */
export function taskPoints(lines: readonly TaskLine[], weight: number): number {
  if (lines.length === 0) return weight;
  const sum = lines.reduce((acc, line) => add(acc, taskCompletion(line)), ZERO);
  const points = roundHalfUp(rational(BigInt(weight) * sum.num, sum.den * BigInt(lines.length)));
  return Number(points);
}
