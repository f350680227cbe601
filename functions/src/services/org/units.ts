/**
 * The unit directory: every unit loaded once into a UnitTree (units are thousands, not millions) and
 * refreshed after a unit changes or after `ttlMs`. Jurisdiction paths ("/city/ds/ds-a/") come from it.
 */
import { type Unit, UnitTree } from '@jiandu/shared';
import { type RecordStore, SYSTEM_ACTOR } from '../../store/record-store.js';

export class UnitDirectory {
  private cached: { tree: UnitTree<Unit>; paths: Map<string, string>; at: number } | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly clock: () => number,
    private readonly ttlMs = 60_000,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<void> {
    const units: Unit[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.list<Unit>('unit', {
        limit: 1000,
        caller: SYSTEM_ACTOR.id,
        ...(cursor ? { cursor } : {}),
      });
      for (const s of page.items) units.push(s.data);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    const tree = new UnitTree(units);
    const paths = new Map<string, string>();
    for (const u of units) paths.set(u.id, unitPath(tree, u.id));
    this.cached = { tree, paths, at: this.clock() };
  }

  async tree(): Promise<UnitTree<Unit>> {
    await this.fresh();
    return this.cached!.tree;
  }

  /** The tree and every unit's path, from one load (an import matches names against all of them). */
  async treeAndPaths(): Promise<{ tree: UnitTree<Unit>; paths: ReadonlyMap<string, string> }> {
    await this.fresh();
    return { tree: this.cached!.tree, paths: this.cached!.paths };
  }

  /** "/root/…/id/": begins_with on it selects the unit's subtree. */
  async pathOf(id: string): Promise<string | null> {
    await this.fresh();
    return this.cached!.paths.get(id) ?? null;
  }

  private async fresh(): Promise<void> {
    if (this.cached && this.clock() - this.cached.at < this.ttlMs) return;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }
}

/** The jurisdiction path of a unit, given the tree (for writers that already hold it). */
export const unitPath = (tree: UnitTree, id: string): string =>
  `/${tree
    .ancestry(id)
    .map((a) => a.id)
    .reverse()
    .join('/')}/`;
