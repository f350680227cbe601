import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/index.js';
import type { Unit } from '../schemas/org.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { DEMO_UNITS } from '../testing/demo-tree.js';
import { planMerge, planMove } from './moves.js';
import { parentIdOn, UnitTree } from './unit-tree.js';

const base = new UnitTree(DEMO_UNITS);
const withChanges = (changed: Unit[], tree: UnitTree<Unit> = base) =>
  new UnitTree([...tree.byId.values()].map((u) => changed.find((c) => c.id === u.id) ?? u));
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return [(e as DomainError).code, (e as DomainError).field];
  }
  return null;
};
const groupOf = (tree: UnitTree, id: string, day?: string) => {
  const g = tree.peerGroupOf(id, DEFAULT_SCHEME.peerGroups, day);
  return g ? `${g.ruleId}@${g.parentUnitId}` : null;
};

describe('a unit that moves (撤县设区, a township to another county)', () => {
  const moved = withChanges(planMove(base, 'ds-a', 'xs', '2026-10-01'));

  it('stands under its old parent before the effective day and under the new one from it', () => {
    expect(moved.parent('ds-a', '2026-09-30')?.id).toBe('ds');
    expect(moved.parent('ds-a', '2026-10-01')?.id).toBe('xs');
    expect(moved.parent('ds-a')?.id).toBe('xs');
    expect(moved.get('ds-a').history).toEqual([{ parentId: 'ds', from: null, to: '2026-10-01' }]);
  });

  it('changes its peer group from the effective day, and its villages follow it', () => {
    expect(groupOf(moved, 'ds-a', '2026-09-30')).toBe(groupOf(base, 'ds-a'));
    expect(groupOf(moved, 'ds-a', '2026-12-31')?.endsWith('@xs')).toBe(true);
    expect(moved.ancestry('ds-a-1', '2026-09-30').map((u) => u.id)).toEqual(['ds-a-1', 'ds-a', 'ds', 'city']);
    expect(moved.ancestry('ds-a-1', '2026-10-01').map((u) => u.id)).toEqual(['ds-a-1', 'ds-a', 'xs', 'city']);
  });

  it('a village moved to another township scores for the old township before and the new one after', () => {
    const t = withChanges(planMove(base, 'ds-a-1', 'ds-b', '2026-10-01'));
    expect(t.scoredUnitId('ds-a-1', '2026-09-30')).toBe('ds-a');
    expect(t.scoredUnitId('ds-a-1', '2026-12-31')).toBe('ds-b');
  });

  it('is nothing to do when already in effect (a retry)', () => {
    expect(planMove(moved, 'ds-a', 'xs', '2026-10-01')).toEqual([]);
  });

  it('refuses a cycle, a day before the unit was established or before its last move, an unknown parent', () => {
    expect(codeOf(() => planMove(base, 'ds', 'ds-a', '2026-10-01'))).toEqual([
      'unit.moveIntoSubtree',
      'parentId',
    ]);
    expect(codeOf(() => planMove(base, 'ds', 'ds', '2026-10-01'))).toEqual([
      'unit.moveIntoSubtree',
      'parentId',
    ]);
    const est = withChanges([{ ...base.get('ds-a'), establishedOn: '2027-01-01' } as Unit]);
    expect(codeOf(() => planMove(est, 'ds-a', 'xs', '2026-10-01'))).toEqual([
      'unit.moveBeforeEstablished',
      'effectiveOn',
    ]);
    expect(codeOf(() => planMove(moved, 'ds-a', 'ds', '2026-09-01'))).toEqual([
      'unit.moveBeforeLast',
      'effectiveOn',
    ]);
    expect(codeOf(() => planMove(base, 'ds-a', 'nowhere', '2026-10-01'))).toEqual([
      'unit.notFound',
      'parentId',
    ]);
  });
});

describe('units that merge (撤乡并镇)', () => {
  const merged = withChanges(planMerge(base, ['ds-a'], 'ds-b', '2026-10-01'));

  it('ends the source on the effective day: its records score for the survivor from then on', () => {
    expect(merged.get('ds-a').mergedInto).toEqual({ unitId: 'ds-b', on: '2026-10-01' });
    expect(merged.scoredUnitId('ds-a', '2026-09-30')).toBe('ds-a');
    expect(merged.scoredUnitId('ds-a', '2026-12-31')).toBe('ds-b');
    expect(merged.scoredUnitId('ds-a-1', '2026-12-31')).toBe('ds-b');
    expect(merged.scoredUnitId('ds-a-1', '2026-09-30')).toBe('ds-a');
  });

  it('leaves the peer group from the effective day; a past quarter keeps it', () => {
    const members = (day?: string) =>
      merged
        .peerGroups(DEFAULT_SCHEME.peerGroups, day)
        .find((g) => g.group.parentUnitId === 'ds' && g.memberIds.includes('ds-b'))?.memberIds;
    expect(members('2026-09-30')).toContain('ds-a');
    expect(members('2026-12-31')).not.toContain('ds-a');
  });

  it("puts the source and its children in the survivor's jurisdiction", () => {
    expect(merged.isWithin('ds-a', 'ds-b')).toBe(true);
    expect(merged.isWithin('ds-a-1', 'ds-b')).toBe(true);
    expect(merged.parent('ds-a-1', '2026-09-30')?.id).toBe('ds-a');
  });

  it('is nothing to do on a retry, and refuses merging into a descendant or a merged unit', () => {
    expect(planMerge(merged, ['ds-a'], 'ds-b', '2026-10-01')).toEqual([]);
    expect(codeOf(() => planMerge(base, ['ds'], 'ds-a', '2026-10-01'))).toEqual([
      'unit.moveIntoSubtree',
      'sourceIds/0',
    ]);
    expect(codeOf(() => planMerge(merged, ['ds-c'], 'ds-a', '2026-11-01'))).toEqual([
      'unit.merged',
      'targetId',
    ]);
    expect(codeOf(() => planMerge(merged, ['ds-a'], 'ds-c', '2026-11-01'))).toEqual([
      'unit.merged',
      'sourceIds/0',
    ]);
  });
});

describe('dated placements (properties)', () => {
  const townships = ['ds-a', 'ds-b', 'ds-c', 'xs-a', 'xs-b'];
  const day = fc
    .date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2028-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('after any sequence of moves, every day before a move sees the tree as it was then', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ unit: fc.constantFrom(...townships), parent: fc.constantFrom('ds', 'xs'), on: day }),
          {
            maxLength: 8,
          },
        ),
        day,
        (moves, probe) => {
          let tree = base;
          const snapshots: { on: string; parents: Map<string, string | null> }[] = [];
          for (const m of [...moves].sort((a, b) => (a.on < b.on ? -1 : 1))) {
            const before = new Map([...tree.byId.values()].map((u) => [u.id, u.parentId]));
            const changed = planMove(tree, m.unit, m.parent, m.on);
            if (changed.length) snapshots.push({ on: m.on, parents: before });
            tree = withChanges(changed, tree);
          }
          // The parent on `probe` is the parent before the first move effective after `probe`.
          const next = snapshots.find((s) => probe < s.on);
          for (const id of townships) {
            const expected = next ? next.parents.get(id) : tree.get(id).parentId;
            expect(parentIdOn(tree.get(id), probe)).toBe(expected);
          }
        },
      ),
    );
  });

  it('a move or merge never changes the scored unit or peer group of a day before it takes effect', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...townships, 'ds-a-1', 'ds-a-2', 'xs-a-1'),
        fc.constantFrom(...townships),
        fc.boolean(),
        day,
        day,
        (unit, target, merge, on, probe) => {
          let changed: Unit[];
          try {
            changed = merge ? planMerge(base, [unit], target, on) : planMove(base, unit, target, on);
          } catch {
            return; // refused (a cycle, the unit itself): nothing changes
          }
          const after = withChanges(changed);
          const probeBefore = probe < on ? probe : undefined;
          if (probeBefore === undefined) return;
          for (const id of base.byId.keys()) {
            expect(after.scoredUnitId(id, probeBefore)).toBe(base.scoredUnitId(id));
            expect(groupOf(after, id, probeBefore)).toBe(groupOf(base, id));
          }
        },
      ),
    );
  });
});
