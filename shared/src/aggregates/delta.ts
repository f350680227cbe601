/**
 * An aggregate delta: additive counters plus indicator lines to set (or remove, null). Deltas of many
 * changes that hit the same unit-quarter fold into one, so a batch writes each aggregate once.
 */
import type { QuarterKey } from '../calendar/quarter.js';
import { emptyAggregate, type TaskLine, type UnitQuarterAggregate } from './aggregate.js';

export const COUNTERS = [
  'rectDue',
  'rectOnTime',
  'rectOpenOverdue',
  'findings.general',
  'findings.serious',
  'findings.grave',
  'petitions.received',
  'petitions.repeated',
  'petitions.escalated',
  'signals.notable',
  'signals.major',
] as const;
export type Counter = (typeof COUNTERS)[number];

export interface AggregateDelta {
  unitId: string;
  quarter: QuarterKey;
  counters: Partial<Record<Counter, number>>;
  /** Indicator lines to set; null removes the line. */
  tasks: Record<string, TaskLine | null>;
}

export const aggregateKey = (unitId: string, quarter: QuarterKey): string => `${unitId}|${quarter}`;

export function readCounter(a: UnitQuarterAggregate, c: Counter): number {
  switch (c) {
    case 'rectDue':
    case 'rectOnTime':
    case 'rectOpenOverdue':
      return a[c];
    default: {
      const [group, field] = c.split('.') as ['findings' | 'petitions' | 'signals', string];
      return (a[group] as Record<string, number>)[field] ?? 0;
    }
  }
}

export function writeCounter(a: UnitQuarterAggregate, c: Counter, v: number): void {
  switch (c) {
    case 'rectDue':
    case 'rectOnTime':
    case 'rectOpenOverdue':
      a[c] = v;
      return;
    default: {
      const [group, field] = c.split('.') as ['findings' | 'petitions' | 'signals', string];
      (a[group] as Record<string, number>)[field] = v;
    }
  }
}

/** Folds deltas by unit-quarter: counters add up, later task lines win. Zero counters are dropped. */
export function foldDeltas(deltas: Iterable<AggregateDelta>): AggregateDelta[] {
  const out = new Map<string, AggregateDelta>();
  for (const d of deltas) {
    const k = aggregateKey(d.unitId, d.quarter);
    const acc = out.get(k) ?? { unitId: d.unitId, quarter: d.quarter, counters: {}, tasks: {} };
    for (const [c, v] of Object.entries(d.counters) as [Counter, number][]) {
      acc.counters[c] = (acc.counters[c] ?? 0) + v;
    }
    Object.assign(acc.tasks, d.tasks);
    out.set(k, acc);
  }
  for (const d of out.values()) {
    for (const [c, v] of Object.entries(d.counters) as [Counter, number][]) if (v === 0) delete d.counters[c];
  }
  return [...out.values()].filter(
    (d) => Object.keys(d.counters).length > 0 || Object.keys(d.tasks).length > 0,
  );
}

/** Applies one delta to an aggregate (or to an empty one), returning a new aggregate. */
export function applyDelta(agg: UnitQuarterAggregate | undefined, d: AggregateDelta): UnitQuarterAggregate {
  const base = agg ?? emptyAggregate(d.unitId, d.quarter);
  const next: UnitQuarterAggregate = {
    ...base,
    tasks: { ...base.tasks },
    findings: { ...base.findings },
    petitions: { ...base.petitions },
    signals: { ...base.signals },
  };
  for (const [c, v] of Object.entries(d.counters) as [Counter, number][])
    writeCounter(next, c, readCounter(next, c) + v);
  for (const [id, line] of Object.entries(d.tasks)) {
    if (line === null) delete next.tasks[id];
    else next.tasks[id] = line;
  }
  return next;
}

/** True when the aggregate holds nothing (equal to an empty one). */
export function isEmptyAggregate(a: UnitQuarterAggregate): boolean {
  return Object.keys(a.tasks).length === 0 && COUNTERS.every((c) => readCounter(a, c) === 0);
}
