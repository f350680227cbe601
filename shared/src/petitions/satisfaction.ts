/**
 * Satisfaction rate per unit (认可度, DESIGN §4.3; seed 002 targets ≥ 90 %): (满意 + 基本满意) ÷ petitions
 * closed with a satisfaction. Chosen: integer basis points (1 % = 100 bp; 90 % = 9000), rounded once,
 * half up, in integer arithmetic; null when the unit has no closed petition (no rate, not 0 %). Counted
 * per responsible unit as recorded; the caller chooses the petitions (e.g. closed in a month).
 */
import type { Petition } from '../schemas/petition.js';

export interface SatisfactionRate {
  unitId: string;
  closed: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Basis points 0–10000, or null when `closed` is 0. */
  rateBp: number | null;
}

/** round(10000 × good ÷ total), half up, exactly. */
export const basisPoints = (good: number, total: number): number | null =>
  total === 0 ? null : Math.floor((20_000 * good + total) / (2 * total));

/** Rates of every unit with at least one petition closed with a satisfaction, sorted by unit id. */
export function satisfactionRates(
  petitions: Iterable<Pick<Petition, 'unitId' | 'state' | 'satisfaction'>>,
): SatisfactionRate[] {
  const by = new Map<string, SatisfactionRate>();
  for (const p of petitions) {
    if (p.state !== 'closed' || p.satisfaction === null) continue;
    let r = by.get(p.unitId);
    if (!r) {
      r = { unitId: p.unitId, closed: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, rateBp: null };
      by.set(p.unitId, r);
    }
    r.closed++;
    if (p.satisfaction === 'satisfied') r.satisfied++;
    else if (p.satisfaction === 'basically_satisfied') r.basicallySatisfied++;
    else r.dissatisfied++;
  }
  const out = [...by.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
  for (const r of out) r.rateBp = basisPoints(r.satisfied + r.basicallySatisfied, r.closed);
  return out;
}
