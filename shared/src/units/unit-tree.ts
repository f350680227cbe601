/**
 * The unit tree: jurisdiction subtrees, government levels (a department stands at its government's
 * level), the unit a record is scored for (a village counts for its township), and peer groups.
 */
import { DomainError } from '../errors/index.js';
import type { GovLevel } from '../schemas/enums.js';
import type { Unit } from '../schemas/org.js';
import type { PeerGroupRef } from '../schemas/ranking.js';
import type { PeerGroupRule } from '../scheme/scheme.js';

export type UnitLike = Pick<Unit, 'id' | 'kind' | 'parentId'> & Partial<Pick<Unit, 'history' | 'mergedInto'>>;

/**
 * The parent a unit stood under on `day` (a local date; absent: now, its current parent). A day before the
 * first placement's `from` gets the first placement (chosen: the tree knows nothing earlier).
 */
export function parentIdOn(u: UnitLike, day?: string): string | null {
  if (day === undefined) return u.parentId;
  for (const h of u.history ?? []) if (day < h.to) return h.parentId;
  return u.parentId;
}

/** Whether the unit still stood on `day` (a merged unit ceases on its merge's effective day). */
export const standsOn = (u: UnitLike, day?: string): boolean =>
  day === undefined || u.mergedInto === undefined || day < u.mergedInto.on;

export class UnitTree<U extends UnitLike = UnitLike> {
  readonly byId: ReadonlyMap<string, U>;
  private readonly children = new Map<string, U[]>();

  constructor(units: Iterable<U>) {
    const byId = new Map<string, U>();
    for (const u of units) byId.set(u.id, u);
    this.byId = byId;
    for (const u of byId.values()) {
      if (u.parentId === null) continue;
      const list = this.children.get(u.parentId) ?? [];
      list.push(u);
      this.children.set(u.parentId, list);
    }
  }

  get(id: string): U {
    const u = this.byId.get(id);
    if (!u) throw new DomainError('unit.notFound', `unknown unit ${id}`, { field: 'unitId' });
    return u;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The unit's parent now, or on `day` (the tree as it stood then: DESIGN §2, units that move). */
  parent(id: string, day?: string): U | null {
    const p = parentIdOn(this.get(id), day);
    return p === null ? null : (this.byId.get(p) ?? null);
  }

  childrenOf(id: string): readonly U[] {
    return this.children.get(id) ?? [];
  }

  /** The unit and its ancestors (now, or as they stood on `day`), nearest first. */
  ancestry(id: string, day?: string): U[] {
    const out: U[] = [];
    const seen = new Set<string>();
    let cur: U | null = this.get(id);
    while (cur) {
      if (seen.has(cur.id)) throw new DomainError('unit.cycle', `unit tree has a cycle at ${cur.id}`);
      seen.add(cur.id);
      out.push(cur);
      const parentId = parentIdOn(cur, day);
      cur = parentId === null ? null : (this.byId.get(parentId) ?? null);
    }
    return out;
  }

  /** True when `id` is `rootId` or below it (jurisdiction). */
  isWithin(id: string, rootId: string): boolean {
    if (!this.byId.has(id)) return false;
    return this.ancestry(id).some((u) => u.id === rootId);
  }

  /** Ids of `rootId` and every unit below it. */
  subtree(rootId: string): string[] {
    const out: string[] = [];
    const stack = [this.get(rootId)];
    while (stack.length) {
      const u = stack.pop()!;
      out.push(u.id);
      stack.push(...this.childrenOf(u.id));
    }
    return out;
  }

  /**
   * The unit a record against `id` is scored for: a village's records count for its township (the
   * nearest township above it); any other unit scores for itself. A village with no township above it
   * scores for itself (chosen: there is nothing else it could count for).
   *
   * On `day` (the last day of the quarter scored) the tree as it stood then is used, and a unit merged by
   * then counts for the unit it was merged into (撤乡并镇: its open records pass to the survivor while
   * they keep their own unitId; its records of earlier quarters stay its own).
   */
  scoredUnitId(id: string, day?: string): string {
    let u = this.get(id);
    const seen = new Set<string>();
    while (u.mergedInto !== undefined && !standsOn(u, day) && !seen.has(u.id)) {
      seen.add(u.id);
      u = this.get(u.mergedInto.unitId);
    }
    if (u.kind !== 'village') return u.id;
    return this.ancestry(u.id, day).find((a) => a.kind === 'township')?.id ?? u.id;
  }

  /**
   * The government level a unit stands at (DESIGN §4.3): village, township, county, city; a department
   * stands at the level of the government it belongs to (its nearest non-department ancestor). A
   * department with no such ancestor is taken as county level (chosen; every real department has one).
   */
  level(id: string): GovLevel {
    for (const u of this.ancestry(id)) {
      if (u.kind !== 'department') return u.kind;
    }
    return 'county';
  }

  /**
   * The peer group of `id` under the scheme's rules (now, or on `day`: the group follows the parent the
   * unit stood under then), or null when no rule places it or the unit no longer stood (merged).
   */
  peerGroupOf(id: string, rules: readonly PeerGroupRule[], day?: string): PeerGroupRef | null {
    const u = this.get(id);
    if (!standsOn(u, day)) return null;
    const parent = this.parent(id, day);
    if (!parent) return null;
    const rule = rules.find((r) => r.memberKind === u.kind && r.parentKind === parent.kind);
    return rule ? { ruleId: rule.id, parentUnitId: parent.id } : null;
  }

  /** Every peer group of the scheme with its members (units with no records included), now or on `day`. */
  peerGroups(rules: readonly PeerGroupRule[], day?: string): { group: PeerGroupRef; memberIds: string[] }[] {
    const groups = new Map<string, { group: PeerGroupRef; memberIds: string[] }>();
    for (const u of this.byId.values()) {
      const g = this.peerGroupOf(u.id, rules, day);
      if (!g) continue;
      const key = `${g.ruleId}|${g.parentUnitId}`;
      const entry = groups.get(key) ?? { group: g, memberIds: [] };
      entry.memberIds.push(u.id);
      groups.set(key, entry);
    }
    for (const g of groups.values()) g.memberIds.sort();
    return [...groups.values()].sort((a, b) =>
      `${a.group.ruleId}|${a.group.parentUnitId}` < `${b.group.ruleId}|${b.group.parentUnitId}` ? -1 : 1,
    );
  }
}

/** Position of a level in village < township < county < city < province < national. */
export const LEVEL_ORDER: readonly GovLevel[] = [
  'village',
  'township',
  'county',
  'city',
  'province',
  'national',
];
export const levelRank = (l: GovLevel): number => LEVEL_ORDER.indexOf(l);
