/**
 * The unit directory: every unit loaded once into a UnitTree (units are thousands, not millions) and
 * refreshed after a unit changes or after `ttlMs`. Jurisdiction paths ("/city/ds/ds-a/") come from it.
 */
import { type Unit, UnitTree } from '@jiandu/shared';
import { type RecordStore, SYSTEM_ACTOR } from '../../store/record-store.js';

export class UnitDirectory {
  private cached: Loaded | null = null;
  private loading: { generation: number; done: Promise<Loaded> } | null = null;
  /**
   * Bumped by every change: a load that began before a change (its list read before the write) is never
   * kept as fresh — it serves the callers that were already waiting for it, and the next call reads again.
   * Without it, a request that started loading just before a unit was created cached the old tree for a
   * whole TTL, and the admin's new unit was missing from the unit list for a minute.
   */
  private generation = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly clock: () => number,
    private readonly ttlMs = 60_000,
  ) {}

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /**
   * After this process changed the units, the tree it computed and committed: used at once, without
   * reading the list index again (in AWS a global secondary index read right after the write may not hold
   * it yet). Other processes see the change at their next load (at most `ttlMs`).
   */
  adopt(units: readonly Unit[]): void {
    this.generation++;
    this.cached = build(units, this.clock());
  }

  private async load(generation: number): Promise<Loaded> {
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
    const loaded = build(units, this.clock());
    if (generation === this.generation) this.cached = loaded;
    return loaded;
  }

  async tree(): Promise<UnitTree<Unit>> {
    return (await this.fresh()).tree;
  }

  /** The tree and every unit's path, from one load (an import matches names against all of them). */
  async treeAndPaths(): Promise<{ tree: UnitTree<Unit>; paths: ReadonlyMap<string, string> }> {
    const { tree, paths } = await this.fresh();
    return { tree, paths };
  }

  /** "/root/…/id/": begins_with on it selects the unit's subtree. */
  async pathOf(id: string): Promise<string | null> {
    return (await this.fresh()).paths.get(id) ?? null;
  }

  private async fresh(): Promise<Loaded> {
    const hit = this.cached;
    if (hit && this.clock() - hit.at < this.ttlMs) return hit;
    const generation = this.generation;
    if (this.loading?.generation !== generation) {
      const done = this.load(generation).finally(() => {
        if (this.loading?.done === done) this.loading = null;
      });
      this.loading = { generation, done };
    }
    return this.loading.done;
  }
}

interface Loaded {
  tree: UnitTree<Unit>;
  paths: Map<string, string>;
  at: number;
}

function build(units: readonly Unit[], at: number): Loaded {
  const tree = new UnitTree([...units]);
  const paths = new Map<string, string>();
  for (const u of units) paths.set(u.id, unitPath(tree, u.id));
  return { tree, paths, at };
}

/** The jurisdiction path of a unit, given the tree (for writers that already hold it). */
export const unitPath = (tree: UnitTree, id: string): string =>
  `/${tree
    .ancestry(id)
    .map((a) => a.id)
    .reverse()
    .join('/')}/`;
