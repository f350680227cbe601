/**
 * Units named in a spreadsheet, matched inside the caller's jurisdiction only (DESIGN §1): by name,
 * by an alias (names as written in spreadsheets, DESIGN §3), by code, or by parent name + name
 * ("东山县青松镇") to tell apart namesakes. A unit outside the jurisdiction is unknown, exactly like a
 * unit that does not exist; a name that fits several units is ambiguous.
 */
import type { Unit, UnitTree } from '@jiandu/shared';

export type UnitMatch = { ok: true; unit: Unit } | { ok: false; code: 'unit.unknown' | 'unit.ambiguous' };

export const normalizeName = (s: string) =>
  s
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

export class UnitMatcher {
  private readonly byName = new Map<string, Set<string>>();

  constructor(
    private readonly tree: UnitTree<Unit>,
    paths: ReadonlyMap<string, string> | ((id: string) => string | null),
    scope: string,
  ) {
    const pathOf = typeof paths === 'function' ? paths : (id: string) => paths.get(id) ?? null;
    for (const u of tree.byId.values()) {
      if (!pathOf(u.id)?.startsWith(scope)) continue;
      const parent = u.parentId ? tree.byId.get(u.parentId) : undefined;
      const names = [u.name, u.code, ...u.aliases, ...(parent ? [parent.name + u.name] : [])];
      for (const n of names) {
        if (!n) continue;
        const k = normalizeName(n);
        const set = this.byName.get(k) ?? new Set<string>();
        set.add(u.id);
        this.byName.set(k, set);
      }
    }
  }

  match(text: string): UnitMatch {
    const ids = this.byName.get(normalizeName(text));
    if (!ids || ids.size === 0) return { ok: false, code: 'unit.unknown' };
    if (ids.size > 1) return { ok: false, code: 'unit.ambiguous' };
    return { ok: true, unit: this.tree.get([...ids][0]!) };
  }
}
