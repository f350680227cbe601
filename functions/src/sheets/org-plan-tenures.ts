/**
 * The tenures of an organisation workbook planned (org-plan.ts), after its units: each tenure's unit
 * and person found, its dates checked with the core's one past-instant rule, tenures already recorded
 * matched by person + unit + post + from, and overlapping principals flagged.
 */
import { pastInstantProblem, type Tenure } from '@jiandu/shared';
import type { OrgProblemCode } from '@jiandu/shared/api';
import {
  conflict,
  hasError,
  hash,
  normCode,
  type OrgWorld,
  outcomeOf,
  type PlannedTenure,
  tenureIdOf,
} from './org-plan.js';
import type { planUnits } from './org-plan-units.js';
import { error, type TenureRow } from './org-rows.js';
import { normalizeName } from './unit-matcher.js';

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
