/**
 * The few things the demo makes happen on purpose, so every screen has its story: two townships that
 * fall behind for two quarters running (last of their peer group twice → two cards → a proposed
 * accountability case, one of them across a change of deputy on 2026-04-15), a major negative opinion
 * about one of them, and a township whose under-reported actuals make a published ranking wrong until
 * it is amended.
 */
import { quarterKey, quarterOfDate } from '@jiandu/shared';

export const DEMO_START = '2025-06-01';
export const DEMO_END = '2026-11-20';

export interface Laggard {
  unitId: string;
  quarters: readonly string[];
  /** Share of the plan the township reaches in those quarters. */
  completion: number;
}

export const LAGGARDS: readonly Laggard[] = [
  // 西川县河口镇: projects stall in the second half of 2025, petitions go over its head.
  { unitId: 'xichuan-t05', quarters: ['2025Q3', '2025Q4'], completion: 0.35 },
  // 东山县红岭镇: grave findings left unrectified in the first half of 2026 (its deputy changes 2026-04-15).
  { unitId: 'dongshan-t03', quarters: ['2026Q1', '2026Q2'], completion: 0.4 },
];

/** The laggard whose bad quarter `date` falls in, for `unitId` (or any unit when omitted). */
export function laggardOn(date: string, unitId?: string): Laggard | null {
  const q = quarterKey(quarterOfDate(date));
  return (
    LAGGARDS.find((l) => l.quarters.includes(q) && (unitId === undefined || l.unitId === unitId)) ?? null
  );
}

/** The major negative opinion (舆情) of the demo: about 红岭镇, with its unit from the start. */
export const MAJOR_NEGATIVE = {
  date: '2026-05-12',
  unitId: 'dongshan-t03',
  title: '红岭镇多户群众反映危房改造补助被层层截留，视频在网上大量转发',
} as const;

/**
 * 碧水乡 reports a fraction of its 2026Q1 actuals, is carded when the quarter is published, reports the
 * rest a week later, and the city's supervisor amends the published ranking with the reason.
 */
export const AMENDMENT = {
  unitId: 'xichuan-t02',
  quarter: '2026Q1',
  groupKey: 'county-townships@xichuan',
  underReported: 0.3,
  correctedOn: '2026-04-16',
  amendedOn: '2026-04-20',
  reason: '碧水乡一季度产业项目完成数、脱贫人口巩固数漏报，经县督查室核实补报，更正一季度排名',
} as const;

/**
 * 公示与异议: 东山县's townships' 2026Q3 is not published on its day; in November the administrator gives
 * the scheme a 5-working-day notice period (optional, so the other groups stay published directly), the
 * city's supervisor puts the quarter on notice, and the bottom township's officer objects to one input of
 * its score with a reason — the objection is left pending, for a reviewer to decide in the demo.
 */
export const NOTICE = {
  quarter: '2026Q3',
  groupKey: 'county-townships@dongshan',
  noticeOn: '2026-11-16',
  objectOn: '2026-11-18',
  workingDays: 5,
} as const;
