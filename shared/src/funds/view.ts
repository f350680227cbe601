/**
 * The funds view of a unit (资金, DESIGN §4.6): every project of its subtree with its balance and
 * whether its money is idle, the subtree's totals, and the totals of each direct sub-unit's subtree
 * (a county sees its townships, each with its villages' projects folded in; the unit's own projects
 * are a row of their own). Pure: the caller passes the projects of the subtree and the unit tree.
 */

import type { LocalDate } from '../calendar/local-date.js';
import { type FundProject, fundProjectSchema } from '../schemas/fund.js';
import type { Scheme } from '../scheme/scheme.js';
import type { UnitLike, UnitTree } from '../units/unit-tree.js';
import * as z from '../zod.js';
import { idleFunds } from './idle.js';

export const fundsTotalsSchema = z.object({
  projects: z.number(),
  allocatedFen: z.number(),
  disbursedFen: z.number(),
  /** Σ unspent per project, each floored at 0 (see summary.ts). */
  unspentFen: z.number(),
  idleProjects: z.number(),
  idleFen: z.number(),
});
export type FundsTotals = z.infer<typeof fundsTotalsSchema>;

export const fundProjectLineSchema = z.extend(fundProjectSchema, {
  unspentFen: z.number(),
  idle: z.boolean(),
});
export type FundProjectLine = z.infer<typeof fundProjectLineSchema>;

export const fundsRowSchema = z.object({
  /** The direct sub-unit (or the scope unit itself, for its own projects). */
  unitId: z.string(),
  own: z.boolean(),
  totals: fundsTotalsSchema,
});
export type FundsRow = z.infer<typeof fundsRowSchema>;

export interface FundsView {
  unitId: string;
  asOf: LocalDate;
  thresholdFen: number;
  totals: FundsTotals;
  rows: FundsRow[];
  /** Idle first, then by unspent money, largest first. */
  projects: FundProjectLine[];
}

export const emptyTotals = (): FundsTotals => ({
  projects: 0,
  allocatedFen: 0,
  disbursedFen: 0,
  unspentFen: 0,
  idleProjects: 0,
  idleFen: 0,
});

function add(t: FundsTotals, p: FundProjectLine): void {
  t.projects += 1;
  t.allocatedFen += p.allocatedFen;
  t.disbursedFen += p.disbursedFen;
  t.unspentFen += p.unspentFen;
  if (p.idle) {
    t.idleProjects += 1;
    t.idleFen += p.unspentFen;
  }
}

/** The direct sub-unit of `scopeId` whose subtree holds `unitId` (the scope itself for its own). */
function rowUnitOf(tree: UnitTree<UnitLike>, scopeId: string, unitId: string): string | null {
  if (unitId === scopeId) return scopeId;
  if (!tree.has(unitId)) return null;
  const path = tree.ancestry(unitId);
  const at = path.findIndex((u) => u.id === scopeId);
  return at > 0 ? (path[at - 1]?.id ?? null) : null;
}

export function fundsView(
  projects: readonly FundProject[],
  tree: UnitTree<UnitLike>,
  scopeId: string,
  asOf: LocalDate,
  scheme: Pick<Scheme, 'funds'>,
): FundsView {
  const totals = emptyTotals();
  const rows = new Map<string, FundsRow>();
  // Every direct sub-unit has a row, even without projects: a township holding nothing is news too.
  for (const child of tree.childrenOf(scopeId))
    rows.set(child.id, { unitId: child.id, own: false, totals: emptyTotals() });
  const lines: FundProjectLine[] = [];
  for (const p of projects) {
    const rowUnit = rowUnitOf(tree, scopeId, p.unitId);
    if (rowUnit === null) continue; // outside the scope: not this view's business
    const line: FundProjectLine = { ...p, ...idleFunds(p, asOf, scheme) };
    lines.push(line);
    add(totals, line);
    let row = rows.get(rowUnit);
    if (!row) {
      row = { unitId: rowUnit, own: rowUnit === scopeId, totals: emptyTotals() };
      rows.set(rowUnit, row);
    }
    add(row.totals, line);
  }
  lines.sort(
    (a, b) =>
      Number(b.idle) - Number(a.idle) ||
      b.unspentFen - a.unspentFen ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ordered = [...rows.values()].sort(
    (a, b) => Number(b.own) - Number(a.own) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  return {
    unitId: scopeId,
    asOf,
    thresholdFen: scheme.funds.idleThresholdFen,
    totals,
    rows: ordered,
    projects: lines,
  };
}
