import { describe, expect, it } from 'vitest';
import type { FundProject } from '../schemas/fund.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { fundsSummary } from './summary.js';

/** 万元 to fen: 1 万元 = 10,000 yuan = 1,000,000 fen. */
const wan = (w: number) => Math.round(w * 1_000_000);

/**
 * Seed 001, with fictional names: on 2018-02-07, 9 of the 13 townships of 东山县 held 412.45 万元 of
 * unspent poverty funds — 403.38 万元 in unfinished projects and 9.07 万元 of finished projects not paid out.
 */
const ASOF = '2018-02-07';
const townships = [
  '青松',
  '白石',
  '红岭',
  '柳溪',
  '枫林',
  '石桥',
  '龙门',
  '桃源',
  '云台',
  '金沙',
  '梅岭',
  '松涛',
  '清河',
];
const p = (t: number, unspentWan: number, plannedCompletion: string, spentWan = 50): FundProject => ({
  id: `fp-${t}`,
  unitId: `ds-t${String(t).padStart(2, '0')}`,
  name: `东山县${townships[t - 1]}镇扶贫项目`,
  allocatedFen: wan(unspentWan + spentWan),
  disbursedFen: wan(spentWan),
  plannedCompletion,
});
const PROJECTS: FundProject[] = [
  // unfinished projects, 403.38 万元 in all; those past their planned completion are idle
  p(1, 120, '2017-12-31'),
  p(2, 85.5, '2017-10-31'),
  p(3, 64.3, '2018-06-30'),
  p(4, 52, '2017-11-30'),
  p(5, 41.58, '2018-03-31'),
  p(6, 25, '2017-12-31'),
  p(7, 15, '2017-09-30'),
  // finished projects not paid out, 9.07 万元 in all: each below the 10 万元 threshold
  p(8, 6, '2017-12-31'),
  p(9, 3.07, '2017-12-31'),
  // the four townships with nothing left, one of them over-disbursed
  p(10, 0, '2017-12-31'),
  p(11, 0, '2017-12-31'),
  p(12, 0, '2017-06-30'),
  { ...p(13, 0, '2017-12-31'), disbursedFen: wan(60) },
];

describe('the funds summary per unit', () => {
  it('finds 9 of 13 townships holding 412.45 万元 unspent, as in seed 001', () => {
    const summary = fundsSummary(PROJECTS, ASOF, DEFAULT_SCHEME);
    expect(summary).toHaveLength(13);
    const holding = summary.filter((s) => s.unspentFen > 0);
    expect(holding).toHaveLength(9);
    expect(holding.reduce((sum, s) => sum + s.unspentFen, 0)).toBe(412_450_000);
  });

  it('marks idle only the money above the threshold past planned completion', () => {
    const summary = fundsSummary(PROJECTS, ASOF, DEFAULT_SCHEME);
    const idle = summary.filter((s) => s.idleProjectIds.length > 0);
    expect(idle.map((s) => s.unitId)).toEqual(['ds-t01', 'ds-t02', 'ds-t04', 'ds-t06', 'ds-t07']);
    expect(idle.reduce((sum, s) => sum + s.idleFen, 0)).toBe(wan(120 + 85.5 + 52 + 25 + 15));
  });

  it('totals allocated, disbursed and unspent per unit, sorted by unit, without netting overspend', () => {
    const extra: FundProject = { ...p(1, 0, '2017-12-31'), id: 'fp-1b', disbursedFen: wan(80) };
    const [first] = fundsSummary(
      [PROJECTS[12] as FundProject, PROJECTS[0] as FundProject, extra],
      ASOF,
      DEFAULT_SCHEME,
    );
    expect(first).toEqual({
      unitId: 'ds-t01',
      projects: 2,
      allocatedFen: wan(170 + 50),
      disbursedFen: wan(50 + 80),
      unspentFen: wan(120),
      idleProjectIds: ['fp-1'],
      idleFen: wan(120),
    });
  });

  it('is empty without projects', () => {
    expect(fundsSummary([], ASOF, DEFAULT_SCHEME)).toEqual([]);
  });
});
