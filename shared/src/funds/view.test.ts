import { describe, expect, it } from 'vitest';
import type { FundProject } from '../schemas/fund.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { UnitTree } from '../units/unit-tree.js';
import { applyFundEntry } from './ledger.js';
import { fundsView } from './view.js';

const WAN = 1_000_000;
const tree = new UnitTree([
  { id: 'ds', kind: 'county', parentId: null },
  { id: 'ds-a', kind: 'township', parentId: 'ds' },
  { id: 'ds-a-1', kind: 'village', parentId: 'ds-a' },
  { id: 'ds-b', kind: 'township', parentId: 'ds' },
  { id: 'xs', kind: 'county', parentId: null },
] as const);
const p = (
  id: string,
  unitId: string,
  allocatedWan: number,
  disbursedWan: number,
  plannedCompletion: string,
): FundProject => ({
  id,
  unitId,
  name: id,
  allocatedFen: allocatedWan * WAN,
  disbursedFen: disbursedWan * WAN,
  plannedCompletion,
});

describe('the funds view of a unit', () => {
  it('folds villages into their township, keeps the unit’s own projects in a row, and ignores other subtrees', () => {
    const v = fundsView(
      [
        p('own', 'ds', 5, 5, '2025-01-31'),
        p('village', 'ds-a-1', 30, 10, '2025-03-31'),
        p('town', 'ds-a', 8, 0, '2025-03-31'),
        p('far', 'xs', 99, 0, '2025-01-01'),
      ],
      tree,
      'ds',
      '2025-05-15',
      DEFAULT_SCHEME,
    );
    expect(
      v.rows.map((r) => [
        r.unitId,
        r.own,
        r.totals.projects,
        r.totals.unspentFen / WAN,
        r.totals.idleFen / WAN,
      ]),
    ).toEqual([
      ['ds', true, 1, 0, 0],
      ['ds-a', false, 2, 28, 20],
      ['ds-b', false, 0, 0, 0],
    ]);
    expect(v.totals).toEqual({
      projects: 3,
      allocatedFen: 43 * WAN,
      disbursedFen: 15 * WAN,
      unspentFen: 28 * WAN,
      idleProjects: 1,
      idleFen: 20 * WAN,
    });
    expect(v.projects.map((x) => [x.id, x.idle])).toEqual([
      ['village', true],
      ['town', false],
      ['own', false],
    ]);
  });
});

describe('a ledger entry', () => {
  const project = { ...p('fp', 'ds-a', 10, 0, '2025-03-31'), entries: 0 };

  it('adds an allocation to the allocated money and a disbursement to the disbursed', () => {
    const a = applyFundEntry(project, { projectId: 'fp', kind: 'allocation', amountFen: 300 });
    const d = applyFundEntry(a, { projectId: 'fp', kind: 'disbursement', amountFen: 120 });
    expect([d.allocatedFen, d.disbursedFen, d.entries]).toEqual([10 * WAN + 300, 120, 2]);
  });

  it('refuses an entry of another project', () => {
    expect(() => applyFundEntry(project, { projectId: 'other', kind: 'allocation', amountFen: 1 })).toThrow();
  });
});
