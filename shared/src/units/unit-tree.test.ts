import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/index.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { DEMO_UNITS } from '../testing/demo-tree.js';
import { levelRank, UnitTree } from './unit-tree.js';

const tree = new UnitTree(DEMO_UNITS);

describe('the unit tree', () => {
  it('gives a county inspector the county, its townships, departments and villages, and nothing of the next county', () => {
    const ds = new Set(tree.subtree('ds'));
    expect(ds.has('ds-a-1')).toBe(true);
    expect(ds.has('ds-fpb')).toBe(true);
    expect(ds.has('xs-a')).toBe(false);
    expect(ds.has('city')).toBe(false);
    expect(tree.isWithin('ds-a-2', 'ds')).toBe(true);
    expect(tree.isWithin('xs-a-1', 'ds')).toBe(false);
    expect(tree.isWithin('nowhere', 'ds')).toBe(false);
  });

  it('scores a village for its township and every other unit for itself', () => {
    expect(tree.scoredUnitId('ds-a-1')).toBe('ds-a');
    expect(tree.scoredUnitId('ds-a')).toBe('ds-a');
    expect(tree.scoredUnitId('ds-fpb')).toBe('ds-fpb');
    const orphan = new UnitTree([...DEMO_UNITS, { id: 'v', kind: 'village', parentId: 'ds' }]);
    expect(orphan.scoredUnitId('v')).toBe('v');
  });

  it('puts a department at the level of the government it belongs to', () => {
    expect(tree.level('ds-fpb')).toBe('county');
    expect(tree.level('city-fin')).toBe('city');
    expect(tree.level('ds-a-1')).toBe('village');
    expect(levelRank('province') - levelRank(tree.level('ds-fpb'))).toBe(2);
  });

  it('forms the default peer groups: townships of a county, county departments, city departments', () => {
    const groups = tree.peerGroups(DEFAULT_SCHEME.peerGroups);
    const byKey = Object.fromEntries(
      groups.map((g) => [`${g.group.ruleId}@${g.group.parentUnitId}`, g.memberIds]),
    );
    expect(byKey).toEqual({
      'city-departments@city': ['city-agr', 'city-edu', 'city-fin'],
      'county-departments@ds': ['ds-fpb', 'ds-jyj', 'ds-wjj'],
      'county-townships@ds': ['ds-a', 'ds-b', 'ds-c'],
      'county-townships@xs': ['xs-a', 'xs-b'],
    });
    expect(tree.peerGroupOf('ds-a-1', DEFAULT_SCHEME.peerGroups)).toBeNull();
    expect(tree.peerGroupOf('city', DEFAULT_SCHEME.peerGroups)).toBeNull();
  });

  it('reports an unknown unit and a cycle with codes', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code(() => tree.get('nope'))).toBe('unit.notFound');
    const cyc = new UnitTree([
      { id: 'a', kind: 'county', parentId: 'b' },
      { id: 'b', kind: 'city', parentId: 'a' },
    ]);
    expect(code(() => cyc.ancestry('a'))).toBe('unit.cycle');
    expect(cyc.parent('a')?.id).toBe('b');
    expect(tree.parent('city')).toBeNull();
  });
});
