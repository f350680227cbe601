/**
 * A year and a half of activity, through the API, with the clock moving along: every kind of record is
 * planned on the agenda on the days it happens, then the day loop sets the clock to 09:00 of each day
 * and runs that day's calls. Each kind logs one line with its counts; whatever the API refused is
 * listed at the end.
 */
import { addDays, fromEpochDay, toEpochDay, type Unit } from '@jiandu/shared';
import type { ApiApp } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import type { PublicUser } from '../services/accounts/users.js';
import { Agenda, laneOf } from './demo-agenda.js';
import { ApiClient } from './demo-api.js';
import { planFunds } from './demo-funds.js';
import { planIndicators } from './demo-indicators.js';
import { planJobs } from './demo-jobs.js';
import type { DemoOrg } from './demo-org.js';
import { planPetitions } from './demo-petitions.js';
import { planRankings } from './demo-rankings.js';
import { planLateRectification, planRectification, type Step, sendStep } from './demo-rectifications.js';
import { planSignals } from './demo-signals.js';
import { DEMO_END, DEMO_START, LAGGARDS } from './demo-story.js';
import { summarize } from './demo-summary.js';
import { type Rng, rng } from './random.js';

/** The clock the seed moves: set to a past instant while it replays the year, null to return to now. */
export interface SeedClock {
  set(ms: number | null): void;
}

export { ApiClient } from './demo-api.js';
export { DEMO_END, DEMO_START } from './demo-story.js';

const CATEGORIES = [
  'formalism',
  'inaction',
  'slow_action',
  'misappropriating',
  'false_claims',
  'idle_funds',
  'vagueness',
  'bureaucratism',
];
const SOURCES = ['inspection', 'unannounced', 'audit', 'third_party', 'self_check'];
const PROBLEMS = [
  '建档立卡贫困户信息更新不及时，部分家庭收入数据与实际不符',
  '扶贫项目资金拨付滞后，项目进度明显落后于倒排工期表',
  '帮扶干部入户走访流于形式，走访记录雷同',
  '产业扶贫项目验收把关不严，存在虚报冒领苗头',
  '易地扶贫搬迁安置点配套设施建设进度滞后',
  '危房改造补助资金发放不及时，群众反映强烈',
  '教育扶贫资助政策宣传不到位，部分学生未享受资助',
  '村级扶贫台账填报不规范，数据前后矛盾',
];
const GRAVE = [
  '危房改造补助资金被村组干部截留，涉及农户23户',
  '产业扶贫项目虚报完成量，套取项目资金',
  '上次督查交办问题整改不实，问题反弹',
];

/** 09:00 local on a date, as the instant the seed's clock shows. */
const at9 = (date: string) => Date.parse(`${date}T09:00:00+08:00`);

interface FindingTally {
  findings: number;
  steps: number;
}

/** Findings of 东山县 every fourth day, each with the life of its rectification planned ahead. */
function planFindings(agenda: Agenda, api: ApiClient, targets: readonly Unit[]): FindingTally {
  const r = rng(20251);
  const tally: FindingTally = { findings: 0, steps: 0 };
  const versions = new Map<string, number>();
  let n = 0;
  const file = (
    date: string,
    body: { unitId: string } & Record<string, unknown>,
    plan: (r: Rng, start: string, deadline: string, unitId: string) => Step[],
  ) => {
    // Its own generator: the rectification is planned when the finding is answered, and lanes answer
    // in any order, so the demo stays the same on every run.
    const own = rng(20_251_000 + n++);
    agenda.on(date, 'findings', laneOf(body.unitId), async () => {
      const res = await api.call<{ rectificationId: string; unitId: string; deadline: string }>(
        'inspector',
        'POST',
        '/api/v1/findings',
        body,
        [201],
      );
      if (!res.ok) throw new Error(`demo finding refused: ${JSON.stringify(res.body)}`);
      tally.findings++;
      const { rectificationId, unitId, deadline } = res.body;
      for (const step of plan(own, date, deadline, unitId))
        agenda.on(step.date, 'workflow', laneOf(unitId), async () => {
          const v = await sendStep(api, rectificationId, versions.get(rectificationId) ?? 1, step);
          if (v !== null) {
            versions.set(rectificationId, v);
            tally.steps++;
          }
        });
    });
  };
  for (let day = toEpochDay(DEMO_START); day <= toEpochDay(DEMO_END); day++) {
    if (day % 4 !== 0) continue;
    const date = fromEpochDay(day);
    const unit = r.pick(targets);
    file(
      date,
      {
        unitId: unit.kind === 'township' && r.chance(0.3) ? `${unit.id}-v1` : unit.id,
        category: r.pick(CATEGORIES),
        severity: r.chance(0.6) ? 'general' : r.chance(0.7) ? 'serious' : 'grave',
        source: r.pick(SOURCES),
        description: r.pick(PROBLEMS),
        amountFen: r.chance(0.3) ? r.int(1, 500) * 10_000 : 0,
        discoveredOn: date,
        deadline: addDays(date, r.int(20, 90)),
      },
      planRectification,
    );
  }
  // The 东山县 laggard: grave findings early in each of its bad quarters, rectified late.
  for (const lag of LAGGARDS.filter((l) => l.unitId.startsWith('dongshan-'))) {
    for (const quarter of lag.quarters) {
      const [year, q] = [quarter.slice(0, 4), Number(quarter.slice(5))];
      for (const [month, dayOfMonth] of [
        [1, 12],
        [2, 9],
        [2, 26],
      ] as const) {
        const date = `${year}-${String((q - 1) * 3 + month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
        file(
          date,
          {
            unitId: lag.unitId,
            category: r.pick(['withholding', 'false_claims', 'slow_action']),
            severity: 'grave',
            source: r.pick(['inspection', 'unannounced', 'petition']),
            description: r.pick(GRAVE),
            amountFen: r.int(5, 80) * 100_000,
            discoveredOn: date,
            deadline: addDays(date, 25),
          },
          planLateRectification,
        );
      }
    }
  }
  return tally;
}

export async function seedActivity(
  deps: Deps,
  app: ApiApp,
  clock: SeedClock,
  org: DemoOrg,
  users: ReadonlyMap<string, PublicUser>,
  log: (s: string) => void,
) {
  const api = new ApiClient(app, deps, users);
  const agenda = new Agenda(DEMO_END);
  const inCounty = (county: string) =>
    org.units.filter((u) => u.parentId === county && (u.kind === 'township' || u.kind === 'department'));
  const dongshan = inCounty('dongshan');
  const both = [...dongshan, ...inCounty('xichuan')];

  const jobs = planJobs(agenda, deps);
  const findings = planFindings(agenda, api, dongshan);
  const petitions = planPetitions(agenda, api, both);
  const signals = planSignals(agenda, api, both);
  const indicators = planIndicators(agenda, api, both);
  const rankings = planRankings(agenda, api, await deps.scheme());
  planFunds(agenda, api, deps, dongshan, await deps.scheme(), log);

  for (let day = toEpochDay(DEMO_START); day <= toEpochDay(DEMO_END); day++) {
    const date = fromEpochDay(day);
    clock.set(at9(date));
    await agenda.runDay(date);
  }

  log(`findings: ${findings.findings} (东山县), ${findings.steps} rectification steps`);
  log(
    `petitions: ${petitions.registered} (${petitions.repeated} repeated, ${petitions.escalated} escalated), ` +
      `${petitions.actions} workflow actions (${petitions.notAccepted} not accepted, ${petitions.closed} closed)`,
  );
  log(
    `signals: ${signals.ingested} (${signals.major} major negative), ${signals.reposts} reposts folded in, ` +
      `${signals.triage} left in triage, ${signals.assigned} assigned later, ` +
      `${signals.rectificationSteps} steps of the major one's rectification`,
  );
  log(
    `indicators: ${indicators.set} targets for 2025–2026, ${indicators.reports} quarterly actuals reported, ` +
      `${indicators.corrections} corrected`,
  );
  log(
    `rankings: ${rankings.published} published (${rankings.quarters} quarters), ${rankings.cards} cards, ` +
      `${rankings.proposals} cases proposed for consecutive cards, ${rankings.amendments} amendment ` +
      `(${rankings.withdrawn} card withdrawn), ${rankings.noticed} quarter on notice with ` +
      `${rankings.objections} objection pending`,
  );
  log(
    `jobs: overdue sweep ×${jobs.sweeps} (${jobs.alertsRaised} alerts, ${jobs.casesProposed} cases), ` +
      `horizon ×${jobs.horizons} (${jobs.advanced} moved)`,
  );
  for (const line of await summarize(api)) log(line);
  for (const [key, { count, example }] of api.refused) log(`refused ×${count}: ${key} ${example}`);
  return api;
}
