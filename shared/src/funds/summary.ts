/**
 * Per-unit funds summary for bulletins (seed 001: "9 of 13 townships held 4.1245 million yuan unspent").
 * Records are counted against the unit they carry; folding villages into townships is the caller's
 * choice (pass the projects with the unit id it wants them under).
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { FundProject } from '../schemas/fund.js';
import type { Scheme } from '../scheme/scheme.js';
import { idleFunds } from './idle.js';

export interface UnitFundsSummary {
  unitId: string;
  projects: number;
  allocatedFen: number;
  disbursedFen: number;
  /**
   * Σ of each project's unspent (floored at 0 per project): one project's overspend does not hide
   * another's idle money, so unspentFen may exceed allocatedFen − disbursedFen.
   */
  unspentFen: number;
  /** Projects whose money is idle at asOf, in input order, and the unspent money they hold. */
  idleProjectIds: string[];
  idleFen: number;
}

/** One summary per unit that has projects, sorted by unitId. */
export function fundsSummary(
  projects: readonly FundProject[],
  asOf: LocalDate,
  scheme: Pick<Scheme, 'funds'>,
): UnitFundsSummary[] {
  const byUnit = new Map<string, UnitFundsSummary>();
  for (const p of projects) {
    const { unspentFen, idle } = idleFunds(p, asOf, scheme);
    let s = byUnit.get(p.unitId);
    if (!s) {
      s = {
        unitId: p.unitId,
        projects: 0,
        allocatedFen: 0,
        disbursedFen: 0,
        unspentFen: 0,
        idleProjectIds: [],
        idleFen: 0,
      };
      byUnit.set(p.unitId, s);
    }
    s.projects += 1;
    s.allocatedFen += p.allocatedFen;
    s.disbursedFen += p.disbursedFen;
    s.unspentFen += unspentFen;
    if (idle) {
      s.idleProjectIds.push(p.id);
      s.idleFen += unspentFen;
    }
  }
  return [...byUnit.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
