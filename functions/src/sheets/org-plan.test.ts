import { DEFAULT_SCHEME, type Unit, UnitTree } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { planUnits } from './org-plan-units.js';
import type { UnitRow } from './org-rows.js';

const SYSTEM: Unit[] = [
  { id: 'city', name: '示范市', kind: 'city', parentId: null, code: 'CITY', aliases: [] },
  { id: 'ds', name: '东山县', kind: 'county', parentId: 'city', code: 'DS', aliases: [] },
];
const tree = new UnitTree(SYSTEM);
const paths = new Map([
  ['city', '/city/'],
  ['ds', '/city/ds/'],
]);
const world = {
  tree,
  pathOf: (id: string) => paths.get(id) ?? null,
  scope: '/city/ds/',
  nowMs: Date.parse('2025-05-15T02:00:00Z'),
  rules: DEFAULT_SCHEME.migration,
  timeZone: 'Asia/Shanghai',
  personIdOf: (name: string, key: string) => `${name}-${key}`,
  tenuresAt: async () => [],
};
const row = (line: number, name: string, parent: string | null, kind: Unit['kind'] = 'village'): UnitRow => ({
  line,
  name,
  kind,
  parent,
  code: null,
  aliases: [],
  establishedOn: null,
  problems: [],
});

describe('planning the units of a workbook', () => {
  it('places a chain listed children first parents before children', () => {
    const plan = planUnits(
      [row(2, '一组', '柳村'), row(3, '柳村', '东风镇'), row(4, '东风镇', '东山县', 'township')],
      world,
    );
    expect(plan.planned.map((p) => p.outcome)).toEqual(['new', 'new', 'new']);
    expect(plan.newUnits.map((u) => u.name)).toEqual(['东风镇', '柳村', '一组']);
    const [town, village, group] = plan.newUnits;
    expect([town!.parentId, village!.parentId, group!.parentId]).toEqual(['ds', town!.id, village!.id]);
  });

  it('refuses every row of a cycle — a unit its own parent included — and the rows below it, and creates none', () => {
    const plan = planUnits(
      [row(2, '甲', '丙'), row(3, '乙', '甲'), row(4, '丙', '乙'), row(5, '丁', '丁'), row(6, '戊', '乙')],
      world,
    );
    expect(plan.planned.map((p) => p.problems.map((x) => x.code))).toEqual([
      ['unit.cycle'],
      ['unit.cycle'],
      ['unit.cycle'],
      ['unit.cycle'],
      ['parent.refused'],
    ]);
    expect(plan.newUnits).toEqual([]);
  });

  it('gives a unit the same id on every run (its parent and name), so a re-run finds what an earlier one wrote', () => {
    const a = planUnits([row(2, '东风镇', '东山县', 'township')], world);
    const b = planUnits([row(9, ' 东风镇 ', 'DS', 'township')], world);
    expect(a.newUnits[0]!.id).toBe(b.newUnits[0]!.id);
  });
});
