/**
 * The demo's indicators (考核指标) for 2025 and 2026: two or three per township and department of 东山县
 * and 西川县, targets (and for project counts a 倒排工期 plan) set by the county's supervisor, cumulative
 * actuals reported at every quarter end by the unit's officer (the supervisor where the unit has none).
 * Most units keep pace, some fall behind; the laggards of the story fall far behind in their quarters;
 * 碧水乡 under-reports its 2026Q1 actuals and corrects them after the ranking is published.
 */
import { addDays, type Unit } from '@jiandu/shared';
import type { Agenda } from './demo-agenda.js';
import type { ApiClient } from './demo-api.js';
import { officerOf, supervisorOf } from './demo-org.js';
import { AMENDMENT, LAGGARDS } from './demo-story.js';
import { type Rng, rng } from './random.js';

type Quarterly = [number | null, number | null, number | null, number | null];

interface Spec {
  name: string;
  measure: string;
  target: (r: Rng) => number;
  /** Cumulative plan from the target (absent: target × q/4). */
  plan?: (target: number) => Quarterly;
  percent?: boolean;
}

const TOWNSHIP: Spec[] = [
  { name: '脱贫人口巩固数', measure: '人', target: (r) => r.int(20, 80) * 10 },
  {
    name: '产业项目完成数',
    measure: '个',
    target: (r) => r.int(4, 12),
    plan: (t) => [Math.ceil(t * 0.15), Math.ceil(t * 0.4), Math.ceil(t * 0.7), t],
  },
  { name: '扶贫资金拨付率', measure: '%', target: () => 100, plan: () => [20, 50, 80, 100], percent: true },
];
const DEPARTMENT: Spec[] = [
  { name: '扶贫资金拨付率', measure: '%', target: () => 100, plan: () => [25, 55, 85, 100], percent: true },
  { name: '扶贫项目开工数', measure: '个', target: (r) => r.int(6, 20) },
  { name: '技能培训人次', measure: '人次', target: (r) => r.int(20, 60) * 10 },
];

/** Quarter ends of the period whose actuals are reported, by year. */
const REPORTED: Record<number, { quarters: number[]; setOn: string; known: number }> = {
  // The 2025 targets are set when the demo begins, with the first quarter's actuals already known.
  2025: { quarters: [2, 3, 4], setOn: '2025-06-03', known: 1 },
  2026: { quarters: [1, 2, 3], setOn: '2026-01-06', known: 0 },
};
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

export interface IndicatorTally {
  set: number;
  reports: number;
  corrections: number;
}

interface Live {
  id: string | null;
  version: number;
}

export function planIndicators(agenda: Agenda, api: ApiClient, units: readonly Unit[]): IndicatorTally {
  const r = rng(20_250_603);
  const tally: IndicatorTally = { set: 0, reports: 0, corrections: 0 };
  for (const year of [2025, 2026]) {
    const { quarters, setOn, known } = REPORTED[year]!;
    for (const unit of units) {
      const sup = supervisorOf(unit.id);
      const reporter = officerOf(unit.id) ?? sup;
      const specs = unit.kind === 'township' ? TOWNSHIP : DEPARTMENT;
      const chosen = r.chance(0.15) ? specs : specs.slice(0, 2);
      const pace = paceOf(r, unit.id);
      const reportDay = quarters.map(() => r.int(-2, 6));
      for (const spec of chosen) {
        const target = spec.target(r);
        const plan = spec.plan?.(target) ?? null;
        const truth = cumulativeActuals(r, unit.id, year, spec, target, plan, pace);
        // 碧水乡's under-reported quarter stays so in later reports until it is corrected.
        let corrected = false;
        const reported = (q: number): Quarterly =>
          truth.map((v, i) => {
            if (i >= q) return null;
            const under =
              !corrected && unit.id === AMENDMENT.unitId && `${year}Q${i + 1}` === AMENDMENT.quarter;
            return under ? round(v * AMENDMENT.underReported, spec) : v;
          }) as Quarterly;
        const live: Live = { id: null, version: 1 };
        agenda.on(setOn, 'indicators', unit.id, async () => {
          const res = await api.call<{ id: string; version: number }>(sup, 'POST', '/api/v1/indicators', {
            unitId: unit.id,
            year,
            name: spec.name,
            measure: spec.measure,
            target,
            ...(plan ? { plan } : {}),
            actuals: reported(known),
          });
          if (!res.ok) return;
          live.id = res.body.id;
          live.version = res.body.version;
          tally.set++;
        });
        quarters.forEach((q, k) => {
          const on = addDays(`${year}-${QUARTER_END[q - 1]}`, reportDay[k]!);
          agenda.on(on, 'indicators', unit.id, async () => {
            if (await change(api, reporter, live, reported(q))) tally.reports++;
          });
        });
        if (unit.id === AMENDMENT.unitId && year === 2026)
          agenda.on(AMENDMENT.correctedOn, 'indicators', unit.id, async () => {
            corrected = true;
            if (await change(api, sup, live, reported(1))) tally.corrections++;
          });
      }
    }
  }
  return tally;
}

/**
 * The share of the plan a unit reaches at each quarter end of a year: most units near or above plan,
 * now and then a quarter that slips; a laggard of the story is back on track in its other year.
 */
function paceOf(r: Rng, unitId: string): number[] {
  const laggard = LAGGARDS.some((l) => l.unitId === unitId);
  const base = laggard ? 0.95 + r.next() * 0.1 : 0.8 + r.next() * 0.28;
  return [0, 1, 2, 3].map(() => {
    const slip = !laggard && r.chance(0.12) ? 0.7 : 1;
    return (base + (r.next() - 0.5) * 0.2) * slip;
  });
}

const round = (v: number, spec: Spec) => (spec.percent ? Math.round(v * 10) / 10 : Math.round(v));

/** The true cumulative actual at each quarter end: plan × pace (with noise), never falling, capped. */
function cumulativeActuals(
  r: Rng,
  unitId: string,
  year: number,
  spec: Spec,
  target: number,
  plan: Quarterly | null,
  pace: readonly number[],
): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < 4; i++) {
    const planned = plan?.[i] ?? (target * (i + 1)) / 4;
    const q = `${year}Q${i + 1}`;
    const lag = LAGGARDS.find((l) => l.unitId === unitId && l.quarters.includes(q));
    // A laggard already trails in the quarters of its year before its bad ones.
    const trailing = LAGGARDS.some(
      (l) => l.unitId === unitId && l.quarters.some((x) => x.startsWith(`${year}Q`) && x > q),
    );
    const noisy = pace[i]! + (r.next() - 0.5) * 0.08;
    const share = lag ? lag.completion : trailing ? Math.min(noisy, 0.85) : noisy;
    const cap = spec.percent ? 100 : Math.ceil(target * 1.1);
    const v = Math.min(cap, Math.max(prev, round(planned * share, spec)));
    out.push(v);
    prev = v;
  }
  return out;
}

async function change(api: ApiClient, user: string, live: Live, actuals: Quarterly): Promise<boolean> {
  if (!live.id) return false;
  const res = await api.call<{ version: number }>(user, 'PUT', `/api/v1/indicators/${live.id}`, {
    expectedVersion: live.version,
    actuals,
  });
  if (res.ok) live.version = res.body.version;
  return res.ok;
}
