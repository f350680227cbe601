/** A small fictional unit tree for tests: 示范市 with two counties, townships, departments, villages. */
import type { Unit } from '../schemas/org.js';

const u = (id: string, name: string, kind: Unit['kind'], parentId: string | null): Unit => ({
  id,
  name,
  kind,
  parentId,
  code: id.toUpperCase(),
  aliases: [],
});

export const DEMO_UNITS: Unit[] = [
  u('city', '示范市', 'city', null),
  u('city-fin', '示范市财政局', 'department', 'city'),
  u('city-agr', '示范市农业农村局', 'department', 'city'),
  u('city-edu', '示范市教育局', 'department', 'city'),
  u('ds', '东山县', 'county', 'city'),
  u('ds-a', '东山县青松镇', 'township', 'ds'),
  u('ds-b', '东山县白石乡', 'township', 'ds'),
  u('ds-c', '东山县红岭镇', 'township', 'ds'),
  u('ds-a-1', '青松镇柳溪村', 'village', 'ds-a'),
  u('ds-a-2', '青松镇枫林村', 'village', 'ds-a'),
  u('ds-fpb', '东山县扶贫办', 'department', 'ds'),
  u('ds-jyj', '东山县教育局', 'department', 'ds'),
  u('ds-wjj', '东山县卫健局', 'department', 'ds'),
  u('xs', '西川县', 'county', 'city'),
  u('xs-a', '西川县龙门镇', 'township', 'xs'),
  u('xs-b', '西川县桃源乡', 'township', 'xs'),
  u('xs-a-1', '龙门镇石桥村', 'village', 'xs-a'),
];
