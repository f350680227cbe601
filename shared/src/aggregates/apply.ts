/** `apply` a change to aggregates, and `rebuild` them from records: the two must always agree. */
import type { QuarterKey } from '../calendar/quarter.js';
import type { UnitQuarterAggregate } from './aggregate.js';
import { type ContributionContext, contributions, negate } from './contributions.js';
import { type AggregateDelta, aggregateKey, applyDelta, foldDeltas, isEmptyAggregate } from './delta.js';
import type { RecordFacts, RectificationFacts } from './facts.js';

/** A change of one record: created (before null), updated, or deleted (after null). */
export interface RecordChange {
  before: RecordFacts | null;
  after: RecordFacts | null;
}

/** The folded deltas of a set of changes (one per unit-quarter they touch; unchanged ones dropped). */
export function changeDeltas(changes: readonly RecordChange[], ctx: ContributionContext): AggregateDelta[] {
  const all: AggregateDelta[] = [];
  for (const ch of changes) {
    if (ch.before) all.push(...negate(contributions(ch.before, ctx)));
    if (ch.after) all.push(...contributions(ch.after, ctx));
  }
  return foldDeltas(all);
}

export type AggregateMap = Map<string, UnitQuarterAggregate>;

/** Applies folded deltas to a map of aggregates in place; empty aggregates are removed. */
export function applyDeltas(aggs: AggregateMap, deltas: readonly AggregateDelta[]): void {
  for (const d of deltas) {
    const k = aggregateKey(d.unitId, d.quarter);
    const next = applyDelta(aggs.get(k), d);
    if (isEmptyAggregate(next)) aggs.delete(k);
    else aggs.set(k, next);
  }
}

/** apply(aggregates, change): the aggregates after one or more record changes. */
export function applyChanges(
  aggs: AggregateMap,
  changes: readonly RecordChange[],
  ctx: ContributionContext,
): void {
  applyDeltas(aggs, changeDeltas(changes, ctx));
}

/** rebuild(records): the aggregates computed from raw records alone. */
export function rebuild(records: Iterable<RecordFacts>, ctx: ContributionContext): AggregateMap {
  const aggs: AggregateMap = new Map();
  const all: AggregateDelta[] = [];
  for (const r of records) all.push(...contributions(r, ctx));
  applyDeltas(aggs, foldDeltas(all));
  return aggs;
}

/**
 * Moving a rectification's horizon to `to` (a new quarter began): the deltas that extend it, while
 * open and overdue, into the new quarters; the caller stores `to` on the record in the same transaction.
 */
export function horizonDeltas(
  rec: RectificationFacts,
  to: QuarterKey,
  ctx: ContributionContext,
): AggregateDelta[] {
  return foldDeltas([...negate(contributions(rec, ctx)), ...contributions({ ...rec, horizon: to }, ctx)]);
}
