/**
 * The per-unit-per-quarter aggregate (DESIGN §5): everything the score of §4.1 needs, as counts, so
 * ranking reads one aggregate per unit and never raw records. Every field is a sum of per-record
 * contributions (see contributions.ts), which is what makes `apply` over changes equal `rebuild`.
 */
import type { QuarterKey } from '../calendar/quarter.js';

export interface TaskLine {
  /** Cumulative plan for the quarter (already defaulted to target × q/4). */
  plan: number;
  /** Cumulative actual at quarter end, null when not reported (counts as 0). */
  actual: number | null;
}

export interface UnitQuarterAggregate {
  /** The scored unit (a village's records are folded into its township). */
  unitId: string;
  quarter: QuarterKey;
  /** Indicators with a target, by indicator id. */
  tasks: Record<string, TaskLine>;
  /** Rectifications with deadline inside the quarter (|D|) and those closed on or before it. */
  rectDue: number;
  rectOnTime: number;
  /** Rectifications open and overdue at quarter end, whatever their deadline. */
  rectOpenOverdue: number;
  findings: { general: number; serious: number; grave: number };
  petitions: { received: number; repeated: number; escalated: number };
  /** Negative signals published in the quarter, by severity. */
  signals: { notable: number; major: number };
}

export function emptyAggregate(unitId: string, quarter: QuarterKey): UnitQuarterAggregate {
  return {
    unitId,
    quarter,
    tasks: {},
    rectDue: 0,
    rectOnTime: 0,
    rectOpenOverdue: 0,
    findings: { general: 0, serious: 0, grave: 0 },
    petitions: { received: 0, repeated: 0, escalated: 0 },
    signals: { notable: 0, major: 0 },
  };
}
