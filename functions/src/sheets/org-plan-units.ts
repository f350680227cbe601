/**
 * The units of an organisation workbook planned (org-plan.ts): each parent found in the file or the
 * system whatever the file's order, cycles refused, units already in the system matched by their
 * natural key and any difference reported as a conflict.
 */
import { type PastInstantProblem, pastInstantProblem, type Unit } from '@jiandu/shared';
import type { OrgProblemCode } from '@jiandu/shared/api';
import {
  conflict,
  hasError,
  normCode,
  type OrgWorld,
  outcomeOf,
  type PlannedUnit,
  sameName,
  unitIdOf,
} from './org-plan.js';
import { error, type UnitRow } from './org-rows.js';
import { normalizeName, UnitMatcher } from './unit-matcher.js';

/** Names (and codes, aliases, parent + name) of the file's units, normalized, to the rows that carry them. */
export class FileIndex {
  private readonly map = new Map<string, Set<number>>();
  constructor(rows: readonly UnitRow[]) {
    rows.forEach((r, i) => {
      if (r.name === null) return;
      const names = [r.name, r.code, ...r.aliases, r.parent === null ? null : r.parent + r.name];
      for (const n of names) {
        if (!n) continue;
        const k = normalizeName(n);
        this.map.set(k, (this.map.get(k) ?? new Set()).add(i));
      }
    });
  }
  hits(text: string): number[] {
    return [...(this.map.get(normalizeName(text)) ?? [])];
  }
}

type Ref = { file: number } | { system: string } | { none: true } | { problem: OrgProblemCode };

export function planUnits(rows: readonly UnitRow[], w: OrgWorld) {
  const inScope = new UnitMatcher(w.tree, w.pathOf, w.scope);
  const anywhere = new UnitMatcher(w.tree, w.pathOf, '/');
  const rootId = w.scope.split('/').filter(Boolean).at(-1) ?? '';
  const index = new FileIndex(rows);
  const planned: PlannedUnit[] = rows.map((row) => ({
    row,
    problems: [...row.problems],
    outcome: 'problem',
  }));
  const instant = (value: string | null, establishedOn?: string): PastInstantProblem | null =>
    value === null
      ? null
      : pastInstantProblem(value, { nowMs: w.nowMs, rules: w.rules, timeZone: w.timeZone, establishedOn });

  const refOf = (r: UnitRow): Ref => {
    if (r.parent === null) return { none: true };
    const hits = index.hits(r.parent);
    if (hits.length === 1) return { file: hits[0]! };
    if (hits.length > 1) return { problem: 'parent.ambiguous' };
    const m = inScope.match(r.parent);
    if (m.ok) return { system: m.unit.id };
    if (m.code === 'unit.ambiguous') return { problem: 'parent.ambiguous' };
    // Unit names are no secret (the org chart is everyone's to read): saying the parent lies in another
    // jurisdiction tells the administrator the file mixes in another county, which is what to fix.
    return { problem: anywhere.match(r.parent).ok ? 'parent.outsideJurisdiction' : 'parent.unknown' };
  };
  const refs = rows.map(refOf);

  // Parents before children whatever the file's order: follow each row's chain of parents in the file
  // up to a unit already placed (or in the system), then place the chain top down. A chain that comes
  // back on itself is a cycle; its rows are refused, and so are the rows below them.
  const state: ('todo' | 'onPath' | 'done')[] = rows.map(() => 'todo');
  const order: number[] = [];
  const inCycle = new Set<number>();
  for (let s = 0; s < rows.length; s++) {
    const path: number[] = [];
    let cur: number | null = s;
    while (cur !== null && state[cur] === 'todo') {
      state[cur] = 'onPath';
      path.push(cur);
      const ref: Ref = refs[cur]!;
      cur = 'file' in ref ? ref.file : null;
    }
    if (cur !== null && state[cur] === 'onPath')
      for (const k of path.slice(path.indexOf(cur))) inCycle.add(k);
    for (const k of path.reverse()) {
      state[k] = 'done';
      order.push(k);
    }
  }

  const idOfRow: (string | null)[] = rows.map(() => null);
  const establishedOf = new Map<string, string | undefined>();
  const claimed = new Map<string, number>();
  const newCodes = new Map<string, number>();
  const newUnits: Unit[] = [];
  const byCode = new Map<string, Unit>();
  for (const u of w.tree.byId.values()) {
    if (w.pathOf(u.id)?.startsWith(w.scope)) byCode.set(normCode(u.code), u);
  }

  for (const i of order) {
    const p = planned[i]!;
    const r = rows[i]!;
    let ref = refs[i]!;
    const established = instant(r.establishedOn);
    if (established) p.problems.push(error('establishedOn', established));
    // The caller's own top unit, listed under its parent (示范市): it is in the system, and its parent
    // lies outside the jurisdiction by definition.
    if (r.name !== null && 'problem' in ref && ref.problem === 'parent.outsideJurisdiction') {
      const self = inScope.match(r.name);
      if (self.ok && self.unit.id === rootId) ref = { none: true };
    }
    if (inCycle.has(i)) p.problems.push(error('parent', 'unit.cycle'));
    else if ('problem' in ref) p.problems.push(error('parent', ref.problem));
    else if ('file' in ref && idOfRow[ref.file] === null) p.problems.push(error('parent', 'parent.refused'));
    if (hasError(p.problems) || r.name === null || r.kind === null) continue;
    const parentId = 'system' in ref ? ref.system : 'file' in ref ? idOfRow[ref.file]! : null;

    let existing: Unit | undefined;
    if (r.code !== null) existing = byCode.get(normCode(r.code));
    if (existing) {
      if (!sameName(existing, r.name)) p.problems.push(conflict('name', 'unit.nameDiffers'));
      if (parentId !== null && existing.parentId !== parentId)
        p.problems.push(conflict('parent', 'unit.parentDiffers'));
    } else if (parentId === null) {
      // No parent given: only a unit already in the system (a new unit needs its place in the tree).
      const m = inScope.match(r.name);
      if (m.ok) existing = m.unit;
      else if (m.code === 'unit.ambiguous') p.problems.push(error('name', 'unit.ambiguous'));
      else if (anywhere.match(r.name).ok) p.problems.push(error('name', 'unit.outsideJurisdiction'));
      else p.problems.push(error('parent', 'field.missing'));
    } else {
      existing =
        w.tree.childrenOf(parentId).find((u) => sameName(u, r.name!)) ??
        w.tree.byId.get(unitIdOf(parentId, r.name));
      if (existing && !sameName(existing, r.name)) p.problems.push(conflict('name', 'unit.nameDiffers'));
    }
    if (existing) {
      if (r.code !== null && normCode(existing.code) !== normCode(r.code))
        p.problems.push(conflict('code', 'unit.codeDiffers'));
      if (existing.kind !== r.kind) p.problems.push(conflict('kind', 'unit.kindDiffers'));
    }
    if (hasError(p.problems)) continue;
    const id = existing?.id ?? unitIdOf(parentId!, r.name);
    // One row per unit: a second row naming the same unit (same parent and name, or same code) is refused.
    const code = r.code === null ? null : normCode(r.code);
    if (claimed.has(id) || (!existing && code !== null && newCodes.has(code))) {
      p.problems.push(error('name', 'unit.duplicate'));
      continue;
    }
    claimed.set(id, i);
    idOfRow[i] = id;
    p.id = id;
    p.outcome = outcomeOf(p.problems, existing !== undefined);
    if (existing) {
      establishedOf.set(id, existing.establishedOn);
      continue;
    }
    if (code !== null) newCodes.set(code, i);
    establishedOf.set(id, r.establishedOn ?? undefined);
    const unit: Unit = {
      id,
      name: r.name,
      kind: r.kind,
      parentId,
      // A unit without a code in the file is filed under its id (the schema wants a code; no code is
      // invented that could pass for an administrative one).
      code: r.code ?? id,
      aliases: r.aliases,
      ...(r.establishedOn !== null ? { establishedOn: r.establishedOn } : {}),
    };
    p.unit = unit;
    newUnits.push(unit);
  }
  return { planned, newUnits, index, idOfRow, establishedOf, inScope, anywhere };
}
