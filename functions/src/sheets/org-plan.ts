/**
 * What the organisation import would do, row by row, decided before anything is written (issue 14):
 * each unit's parent found (in the file or in the system, in whatever order the file lists them),
 * cycles refused, units already in the system matched by their natural key (a code, or parent + name)
 * and any difference reported as a conflict, never overwritten; each tenure's unit and person found,
 * its dates checked with the core's one past-instant rule, and tenures already recorded matched by
 * person + unit + post + from. The same plan answers a dry run and drives a commit.
 */
import { createHash } from 'node:crypto';
import {
  type MigrationRules,
  type PastInstantProblem,
  pastInstantProblem,
  type Tenure,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { OrgProblemCode } from '@jiandu/shared/api';
import { error, type OrgRowProblem, type TenureRow, type UnitRow } from './org-rows.js';
import { normalizeName, UnitMatcher } from './unit-matcher.js';

/** What the plan reads of the system. */
export interface OrgWorld {
  tree: UnitTree<Unit>;
  pathOf: (id: string) => string | null;
  /** The caller's jurisdiction (a unit path prefix). */
  scope: string;
  nowMs: number;
  rules: MigrationRules;
  timeZone: string;
  /**
   * The id of the person of a name and a 人员编号/身份证号后四位: a keyed hash (the PII cipher's match key),
   * since four digits of an ID number would be read back from a plain hash by trying all 10,000.
   */
  personIdOf: (name: string, key: string) => string;
  /** The tenures recorded at a unit, each with its person's name. */
  tenuresAt: (unitId: string) => Promise<(Tenure & { personName: string | null })[]>;
}

/** A row's outcome; `created` once a commit wrote it. */
export type Outcome = 'new' | 'created' | 'existing' | 'conflict' | 'problem';

export interface PlannedUnit {
  row: UnitRow;
  problems: OrgRowProblem[];
  outcome: Outcome;
  /** The unit the row stands for (an existing one, or the one a commit creates). */
  id?: string;
  /** The unit to create (outcome `new`). */
  unit?: Unit;
}

export interface PlannedTenure {
  row: TenureRow;
  problems: OrgRowProblem[];
  outcome: Outcome;
  unitId?: string;
  personId?: string;
  /** The tenure to create (outcome `new`), or the one already recorded. */
  tenure?: Tenure;
}

export interface OrgPlan {
  units: PlannedUnit[];
  tenures: PlannedTenure[];
  /** The units to create, parents before children. */
  newUnits: Unit[];
}

const hash = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
const normCode = (s: string) => s.replace(/[\s\u3000]/g, '').toUpperCase();
const sameName = (u: Unit, name: string) =>
  [u.name, ...u.aliases].some((n) => normalizeName(n) === normalizeName(name));

/**
 * Ids from natural keys: a re-run after a failure half-way computes the same ids, so what the first run
 * wrote is found again whatever else matches it.
 */
export const unitIdOf = (parentId: string, name: string) => `u-${hash(parentId, normalizeName(name))}`;
export const tenureIdOf = (personId: string, unitId: string, post: string, from: string) =>
  `t-${hash(personId, unitId, post, from)}`;

const hasError = (ps: readonly OrgRowProblem[]) => ps.some((p) => p.severity === 'error');
const outcomeOf = (ps: readonly OrgRowProblem[], found: boolean): Outcome =>
  hasError(ps)
    ? 'problem'
    : ps.some((p) => p.severity === 'conflict')
      ? 'conflict'
      : found
        ? 'existing'
        : 'new';
const conflict = (field: OrgRowProblem['field'], code: OrgProblemCode): OrgRowProblem => ({
  field,
  code,
  severity: 'conflict',
});

/** Names (and codes, aliases, parent + name) of the file's units, normalized, to the rows that carry them. */
class FileIndex {
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

/**
 * Tenures, after the units. People: a person is told apart by name and, where the sheet has it, a
 * 人员编号/身份证号后四位 (`personKey`): the same name and key is the same person anywhere in the county.
 * Without a key, the same name is the same person within one unit's history only (the 副镇长 of 2016
 * who became 镇长 in 2019) — two 王伟 of two townships stay two people, since accountability must not
 * land on a namesake — unless exactly one person of that name already held a post there (in the system,
 * or with a key elsewhere in the file): then it is that person. Several: the row asks for the key.
 */
export async function planTenures(
  rows: readonly TenureRow[],
  units: ReturnType<typeof planUnits>,
  w: OrgWorld,
): Promise<PlannedTenure[]> {
  const planned: PlannedTenure[] = rows.map((row) => ({
    row,
    problems: [...row.problems],
    outcome: 'problem',
  }));
  const recorded = new Map<string, Awaited<ReturnType<OrgWorld['tenuresAt']>>>();
  const tenuresAt = async (unitId: string) => {
    let list = recorded.get(unitId);
    if (!list) {
      list = w.tree.has(unitId) ? await w.tenuresAt(unitId) : [];
      recorded.set(unitId, list);
    }
    return list;
  };

  const unitOf = (text: string): { id: string } | { problem: OrgProblemCode } => {
    const hits = units.index.hits(text);
    if (hits.length > 1) return { problem: 'unit.ambiguous' };
    if (hits.length === 1) {
      const id = units.idOfRow[hits[0]!];
      return id ? { id } : { problem: 'unit.refused' };
    }
    const m = units.inScope.match(text);
    if (m.ok) return { id: m.unit.id };
    if (m.code === 'unit.ambiguous') return { problem: 'unit.ambiguous' };
    return { problem: units.anywhere.match(text).ok ? 'unit.outsideJurisdiction' : 'unit.unknown' };
  };
  const establishedOn = (unitId: string) =>
    units.establishedOf.has(unitId)
      ? units.establishedOf.get(unitId)
      : w.tree.byId.get(unitId)?.establishedOn;

  // First the unit of each row and the people with a key.
  const keyed = new Map<string, Set<string>>();
  const nameAt = (unitId: string, name: string) => `${unitId}\u0000${normalizeName(name)}`;
  for (const p of planned) {
    const r = p.row;
    if (r.unit === null) continue;
    const u = unitOf(r.unit);
    if ('problem' in u) {
      p.problems.push(error('unit', u.problem));
      continue;
    }
    p.unitId = u.id;
    for (const [field, value] of [
      ['from', r.from],
      ['to', r.to],
    ] as const) {
      if (value === null) continue;
      const bad = pastInstantProblem(value, {
        nowMs: w.nowMs,
        rules: w.rules,
        timeZone: w.timeZone,
        establishedOn: establishedOn(u.id),
      });
      if (bad) p.problems.push(error(field, bad));
    }
    if (r.person !== null && r.personKey !== null) {
      p.personId = w.personIdOf(normalizeName(r.person), normCode(r.personKey));
      const k = nameAt(u.id, r.person);
      keyed.set(k, (keyed.get(k) ?? new Set()).add(p.personId));
    }
  }
  // Then the people without a key, and whether each tenure is already recorded.
  const seen = new Set<string>();
  for (const p of planned) {
    const r = p.row;
    if (p.unitId === undefined || r.person === null) continue;
    const there = await tenuresAt(p.unitId);
    if (p.personId === undefined) {
      const known = new Set(keyed.get(nameAt(p.unitId, r.person)));
      for (const t of there)
        if (t.personName !== null && normalizeName(t.personName) === normalizeName(r.person))
          known.add(t.personId);
      if (known.size > 1) {
        p.problems.push(error('person', 'person.ambiguous'));
        continue;
      }
      p.personId = [...known][0] ?? `p-${hash('unit', p.unitId, normalizeName(r.person))}`;
    }
    if (hasError(p.problems) || r.post === null || r.from === null) continue;
    const naturalKey = `${p.personId}\u0000${p.unitId}\u0000${r.post}\u0000${r.from}`;
    if (seen.has(naturalKey)) {
      p.problems.push(error('from', 'tenure.duplicate'));
      continue;
    }
    seen.add(naturalKey);
    const found = there.find((t) => t.personId === p.personId && t.post === r.post && t.from === r.from);
    if (found && found.to !== r.to) p.problems.push(conflict('to', 'tenure.toDiffers'));
    const { personName: _, ...existing } = found ?? { personName: null };
    p.tenure = found
      ? (existing as Tenure)
      : {
          id: tenureIdOf(p.personId, p.unitId, r.post, r.from),
          personId: p.personId,
          unitId: p.unitId,
          post: r.post,
          ...(r.title !== null ? { title: r.title } : {}),
          from: r.from,
          to: r.to,
        };
    p.outcome = outcomeOf(p.problems, found !== undefined);
  }
  await warnOverlaps(planned, tenuresAt);
  return planned;
}

const END_OF_TIME = '9999-12-31';
const titleKey = (t: { title?: string | undefined }) => normalizeName(t.title ?? '');

/**
 * Two principals of one unit on the same day, with the same title (two 镇长 at once): a warning, not a
 * refusal. A township has two principals by design (党委书记 and 镇长, 党政"一把手"双组长), so different
 * titles never warn; and the handover day — one leaves on the day the next arrives — is no overlap.
 * Old rosters are often loose about handover dates, so the row is written and the administrator looks.
 */
async function warnOverlaps(
  planned: PlannedTenure[],
  tenuresAt: (unitId: string) => Promise<Tenure[]>,
): Promise<void> {
  const byUnit = new Map<string, PlannedTenure[]>();
  for (const p of planned) {
    if (p.outcome === 'problem' || !p.tenure || p.tenure.post !== 'principal') continue;
    byUnit.set(p.tenure.unitId, [...(byUnit.get(p.tenure.unitId) ?? []), p]);
  }
  for (const [unitId, mine] of byUnit) {
    const others = new Map<string, Tenure>();
    for (const t of await tenuresAt(unitId)) if (t.post === 'principal') others.set(t.id, t);
    for (const p of mine) others.set(p.tenure!.id, p.tenure!);
    for (const p of mine) {
      const a = p.tenure!;
      const overlaps = [...others.values()].some(
        (b) =>
          b.id !== a.id &&
          titleKey(a) === titleKey(b) &&
          a.from < (b.to ?? END_OF_TIME) &&
          b.from < (a.to ?? END_OF_TIME),
      );
      if (overlaps) p.problems.push({ field: 'from', code: 'tenure.principalOverlap', severity: 'warning' });
    }
  }
}
