/**
 * The demo's project funds (资金趴账, seed 001: "9 of 13 townships held 4.1245 million yuan unspent"),
 * with fictional names: the county's supervisor opens one poverty-alleviation project per township of
 * 东山县 when the demo begins, tops some up in January, and each township's officer records its
 * disbursements month by month. Five townships spend everything by their planned completion; six stall
 * and hold well over the 10 万元 threshold past it (the idle-funds sweep raises their alerts); three
 * finish but leave a few 万元 unpaid, under the threshold. The idle-funds job runs on the first of every
 * month, and the monthly bulletins of the demo's last months are issued on the scheme's day (with a few
 * readers, so the issuer sees who has read them).
 */
import { addDays, bulletinDueOn, type Scheme, type Unit } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { idleFundsSweep } from '../jobs/idle-funds.js';
import { monthlyBulletinJob } from '../jobs/monthly-bulletin.js';
import type { Agenda } from './demo-agenda.js';
import type { ApiClient } from './demo-api.js';
import { officerOf, supervisorOf } from './demo-org.js';
import { DEMO_END, DEMO_START } from './demo-story.js';
import { rng } from './random.js';

const WAN = 1_000_000;
const KINDS = [
  '产业路硬化',
  '安全饮水巩固',
  '特色种植基地',
  '光伏扶贫电站',
  '村级活动场所改造',
  '易地搬迁配套',
];
const COMPLETIONS = ['2025-12-31', '2026-03-31', '2026-06-30'];
/** Per township, by its index among 东山县's townships: how its money goes. */
type Pattern = 'cleared' | 'stalled' | 'unpaid';
const PATTERNS: Pattern[] = [
  'stalled',
  'cleared',
  'stalled',
  'unpaid',
  'cleared',
  'stalled',
  'cleared',
  'unpaid',
  'stalled',
  'cleared',
  'stalled',
  'unpaid',
  'cleared',
  'stalled',
];

export interface FundsTally {
  projects: number;
  entries: number;
  sweeps: number;
  idleAlerts: number;
  bulletins: number;
  reads: number;
}

/** Month-end days from `from` to `to` (inclusive), as the 25th of each month (payday of the ledger). */
function paydays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-25`; d <= to; d = `${addDays(d, 31).slice(0, 7)}-25`)
    if (d >= from) out.push(d);
  return out;
}

export function planFunds(
  agenda: Agenda,
  api: ApiClient,
  deps: Deps,
  townships: readonly Unit[],
  scheme: Pick<Scheme, 'bulletins'>,
  log: (s: string) => void,
): FundsTally {
  const r = rng(20_180_207);
  const tally: FundsTally = { projects: 0, entries: 0, sweeps: 0, idleAlerts: 0, bulletins: 0, reads: 0 };
  const towns = townships.filter((u) => u.kind === 'township');
  towns.forEach((town, i) => {
    const pattern = PATTERNS[i % PATTERNS.length]!;
    const allocatedWan = r.int(40, 160);
    // Stalled projects get more money in January all the same: the money piles up (趴账).
    const topUpWan = pattern === 'stalled' && r.chance(0.5) ? r.int(10, 40) : 0;
    const total = (allocatedWan + topUpWan) * WAN;
    const completion = COMPLETIONS[i % COMPLETIONS.length]!;
    // What is spent by the end: all of it; 35–65 % of it; all but 2–9 万元.
    const spent =
      pattern === 'cleared'
        ? total
        : pattern === 'stalled'
          ? Math.round((total * r.int(35, 65)) / 100 / 10_000) * 10_000
          : total - r.int(2, 9) * WAN;
    const days = paydays(
      addDays(DEMO_START, 20),
      pattern === 'stalled' ? addDays(completion, 120) : completion,
    );
    const supervisor = supervisorOf(town.id);
    const officer = officerOf(town.id) ?? supervisor;
    const live: { id: string | null } = { id: null };
    agenda.on(addDays(DEMO_START, 2), 'indicators', town.id, async () => {
      const res = await api.call<{ id: string }>(supervisor, 'POST', '/api/v1/fund-projects', {
        unitId: town.id,
        name: `${town.name}${KINDS[i % KINDS.length]}项目`,
        plannedCompletion: completion,
        allocatedFen: allocatedWan * WAN,
        source: 'county-finance',
        externalId: `DS-FP-2025-${String(i + 1).padStart(3, '0')}`,
      });
      if (!res.ok) return;
      live.id = res.body.id;
      tally.projects++;
    });
    const entry = (on: string, who: string, body: Record<string, unknown>) =>
      agenda.on(on, 'indicators', town.id, async () => {
        if (!live.id) return;
        const res = await api.call(who, 'POST', '/api/v1/fund-entries', {
          projectId: live.id,
          date: on,
          ...body,
        });
        if (res.ok) tally.entries++;
      });
    if (topUpWan > 0)
      entry('2026-01-12', supervisor, {
        kind: 'allocation',
        amountFen: topUpWan * WAN,
        note: '追加下达资金',
      });
    // Spent in equal monthly payments (the last one takes the remainder), the stalled ones front-loaded.
    const n = Math.max(1, pattern === 'stalled' ? Math.ceil(days.length / 3) : days.length);
    const each = Math.floor(spent / n / 100) * 100;
    days.slice(0, n).forEach((day, k) => {
      const amount = k === n - 1 ? spent - each * (n - 1) : each;
      if (amount > 0)
        entry(day, officer, { kind: 'disbursement', amountFen: amount, note: `第${k + 1}期工程款` });
    });
  });

  // The idle-funds sweep on the first of every month, as the scheduler runs it.
  for (
    let d = `${addDays(DEMO_START, 31).slice(0, 7)}-01`;
    d <= DEMO_END;
    d = `${addDays(d, 31).slice(0, 7)}-01`
  )
    agenda.on(d, 'jobs', '', async () => {
      const { counts } = await idleFundsSweep(deps, { now: deps.clock() });
      tally.sweeps++;
      tally.idleAlerts += counts.alertsRaised ?? 0;
    });

  // The monthly bulletins of the demo's last three months, on the scheme's day; the city's leader and
  // the county's inspector read the county's latest one.
  const months = ['2026-08', '2026-09', '2026-10'];
  for (const month of months)
    agenda.on(bulletinDueOn(month, scheme), 'close', '', async () => {
      const { counts } = await monthlyBulletinJob(deps, { now: deps.clock() });
      tally.bulletins += counts.issued ?? 0;
    });
  const lastDue = bulletinDueOn(months.at(-1)!, scheme);
  agenda.on(addDays(lastDue, 1), 'close', '', async () => {
    for (const who of ['leader', 'inspector']) {
      const res = await api.call(who, 'GET', `/api/v1/issued-bulletins/${months.at(-1)}_dongshan`);
      if (res.ok) tally.reads++;
    }
  });
  agenda.on(DEMO_END, 'close', '', async () => {
    log(
      `funds: ${tally.projects} projects of 东山县's townships, ${tally.entries} ledger entries; ` +
        `idle-funds sweep ×${tally.sweeps} (${tally.idleAlerts} alerts); ` +
        `bulletins: ${tally.bulletins} issued, ${tally.reads} read receipts`,
    );
  });
  return tally;
}
