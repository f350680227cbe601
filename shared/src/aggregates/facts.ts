/**
 * The facts of a record that the score depends on. The store derives them from the stored record and
 * passes the before/after facts of every change; nothing else of a record reaches the aggregates.
 */
import type { Instant, LocalDate } from '../calendar/local-date.js';
import type { QuarterKey } from '../calendar/quarter.js';
import type { FindingSeverity, Polarity, SignalSeverity } from '../schemas/enums.js';
import type { Indicator } from '../schemas/indicator.js';
import type { Petition } from '../schemas/petition.js';
import type { Rectification } from '../schemas/rectification.js';
import type { Signal } from '../schemas/signal.js';

export interface FindingFacts {
  kind: 'finding';
  id: string;
  unitId: string;
  severity: FindingSeverity;
  discoveredOn: LocalDate;
}

export interface PetitionFacts {
  kind: 'petition';
  id: string;
  unitId: string;
  receivedAt: Instant;
  repeated: boolean;
  escalated: boolean;
}

export interface SignalFacts {
  kind: 'signal';
  id: string;
  /** Null while the signal waits in the triage queue: it counts for nobody. */
  unitId: string | null;
  publishedAt: Instant;
  polarity: Polarity;
  severity: SignalSeverity;
}

export interface RectificationFacts {
  kind: 'rectification';
  id: string;
  unitId: string;
  /** The current deadline (after approved extensions). */
  deadline: LocalDate;
  /** When it was closed, if its current state is closed. */
  closedAt: Instant | null;
  /**
   * The last quarter its "open and overdue at quarter end" count is materialized for. An open
   * rectification counts for every quarter end until it is closed — an unbounded future — so the store
   * keeps the horizon on the record and the daily sweep advances it when a quarter begins (one
   * transaction per record, so apply = rebuild holds at every moment).
   */
  horizon: QuarterKey;
}

export interface IndicatorFacts {
  kind: 'indicator';
  id: string;
  indicator: Indicator;
}

export type RecordFacts = FindingFacts | PetitionFacts | SignalFacts | RectificationFacts | IndicatorFacts;

export const findingFacts = (f: {
  id: string;
  unitId: string;
  severity: FindingSeverity;
  discoveredOn: LocalDate;
}): FindingFacts => ({
  kind: 'finding',
  id: f.id,
  unitId: f.unitId,
  severity: f.severity,
  discoveredOn: f.discoveredOn,
});

export const petitionFacts = (
  p: Pick<Petition, 'id' | 'unitId' | 'receivedAt' | 'repeatOf' | 'escalated'>,
): PetitionFacts => ({
  kind: 'petition',
  id: p.id,
  unitId: p.unitId,
  receivedAt: p.receivedAt,
  repeated: p.repeatOf !== null,
  escalated: p.escalated,
});

export const signalFacts = (
  s: Pick<Signal, 'id' | 'unitId' | 'publishedAt' | 'polarity' | 'severity'>,
): SignalFacts => ({
  kind: 'signal',
  id: s.id,
  unitId: s.unitId,
  publishedAt: s.publishedAt,
  polarity: s.polarity,
  severity: s.severity,
});

export const rectificationFacts = (
  r: Pick<Rectification, 'id' | 'unitId' | 'deadline' | 'state' | 'closedAt'>,
  horizon: QuarterKey,
): RectificationFacts => ({
  kind: 'rectification',
  id: r.id,
  unitId: r.unitId,
  deadline: r.deadline,
  closedAt: r.state === 'closed' ? r.closedAt : null,
  horizon,
});

export const indicatorFacts = (i: Indicator): IndicatorFacts => ({
  kind: 'indicator',
  id: i.id,
  indicator: i,
});
