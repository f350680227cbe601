/**
 * What each record contributes to the per-unit-per-quarter aggregates. `apply` (a change = before and
 * after facts) subtracts the before contributions and adds the after ones; `rebuild` sums the
 * contributions of all records. Both use this one function, so they agree by construction — and the
 * property tests check it on random workloads.
 */

import {
  nextQuarter,
  parseQuarter,
  type Quarter,
  quarterBounds,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterOfDate,
} from '../calendar/quarter.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { Scheme } from '../scheme/scheme.js';
import { taskLine } from '../scoring/task.js';
import type { UnitTree } from '../units/unit-tree.js';
import type { AggregateDelta, Counter } from './delta.js';
import type { RecordFacts, RectificationFacts } from './facts.js';

export interface ContributionContext {
  tree: UnitTree;
  scheme: Scheme;
}

const counter = (unitId: string, q: Quarter, c: Counter, v = 1): AggregateDelta => ({
  unitId,
  quarter: quarterKey(q),
  counters: { [c]: v },
  tasks: {},
});

/**
 * The unit a record of `unitId` scores for in quarter `q`: the tree as it stood on the quarter's last day
 * (units that move and merge: a quarter is scored — and ranked — on the tree at its end, so a move
 * effective after a quarter leaves that quarter as it was).
 */
const scoredIn = (tree: UnitTree, unitId: string, q: Quarter): string =>
  tree.scoredUnitId(unitId, quarterBounds(q).last);

/** The quarters in which an open rectification is "open and overdue at quarter end" (DESIGN §4.1). */
export function overdueQuarters(r: RectificationFacts, tz: string): Quarter[] {
  const horizon = parseQuarter(r.horizon);
  // "Open and overdue at quarter end" = a deadline before the quarter's last day and not closed by the
  // end of that day. Chosen: the rectification's *current* deadline and current close are used for every
  // quarter (a reopened rectification counts as open again, also for past quarters' drafts; published
  // quarters are frozen snapshots and do not change).
  const dq = quarterOfDate(r.deadline);
  const first = r.deadline < quarterBounds(dq).last ? dq : nextQuarter(dq);
  const closedOn = r.closedAt === null ? null : localDateOf(r.closedAt, tz);
  const out: Quarter[] = [];
  for (let i = quarterIndex(first); i <= quarterIndex(horizon); i++) {
    const q = quarterFromIndex(i);
    if (closedOn !== null && closedOn <= quarterBounds(q).last) break;
    out.push(q);
  }
  return out;
}

/** The aggregate deltas a record contributes (all positive; negate them to take a record out). */
export function contributions(rec: RecordFacts, ctx: ContributionContext): AggregateDelta[] {
  const { tree, scheme } = ctx;
  const tz = scheme.timeZone;
  switch (rec.kind) {
    case 'finding': {
      return [
        counter(
          scoredIn(tree, rec.unitId, quarterOfDate(rec.discoveredOn)),
          quarterOfDate(rec.discoveredOn),
          `findings.${rec.severity}`,
        ),
      ];
    }
    case 'petition': {
      const q = quarterOfDate(localDateOf(rec.receivedAt, tz));
      const u = scoredIn(tree, rec.unitId, q);
      const out = [counter(u, q, 'petitions.received')];
      // A petition both repeated and escalated loses both (DESIGN §4.1).
      if (rec.repeated) out.push(counter(u, q, 'petitions.repeated'));
      if (rec.escalated) out.push(counter(u, q, 'petitions.escalated'));
      return out;
    }
    case 'signal': {
      // Chosen: "1 per notable + 5 per major negative signal" reads "negative" for both severities —
      // positive or neutral coverage never costs points. Unassigned signals count for nobody.
      if (rec.unitId === null || rec.polarity !== 'negative' || rec.severity === 'ordinary') return [];
      const q = quarterOfDate(localDateOf(rec.publishedAt, tz));
      return [counter(scoredIn(tree, rec.unitId, q), q, `signals.${rec.severity}`)];
    }
    case 'rectification': {
      const out: AggregateDelta[] = [];
      const dq = quarterOfDate(rec.deadline);
      out.push(counter(scoredIn(tree, rec.unitId, dq), dq, 'rectDue'));
      if (rec.closedAt !== null && localDateOf(rec.closedAt, tz) <= rec.deadline)
        out.push(counter(scoredIn(tree, rec.unitId, dq), dq, 'rectOnTime'));
      for (const q of overdueQuarters(rec, tz))
        out.push(counter(scoredIn(tree, rec.unitId, q), q, 'rectOpenOverdue'));
      return out;
    }
    case 'indicator': {
      const ind = rec.indicator;
      const out: AggregateDelta[] = [];
      for (const quarter of [1, 2, 3, 4] as const) {
        const line = taskLine(ind, { year: ind.year, quarter });
        const u = scoredIn(tree, ind.unitId, { year: ind.year, quarter });
        if (line)
          out.push({ unitId: u, quarter: `${ind.year}Q${quarter}`, counters: {}, tasks: { [ind.id]: line } });
      }
      return out;
    }
  }
}

/** The same deltas with every counter negated and every task line removed: taking a record out. */
export function negate(deltas: AggregateDelta[]): AggregateDelta[] {
  return deltas.map((d) => ({
    unitId: d.unitId,
    quarter: d.quarter,
    counters: Object.fromEntries(Object.entries(d.counters).map(([c, v]) => [c, -(v as number)])),
    tasks: Object.fromEntries(Object.keys(d.tasks).map((id) => [id, null])),
  }));
}
