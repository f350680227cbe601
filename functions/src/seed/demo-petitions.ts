/**
 * The demo's petitions (信访) for 东山县 and 西川县: registered by the county's supervisor on the day they
 * arrive, then accepted (mostly within the 15 days, some late), handled (some after the 60 days, some
 * with the one extension) and closed with the petitioner's satisfaction on later days; a few are not
 * accepted, a few wait. Some petitioners come back with the same matter within 180 days (重复信访) or go
 * over the township's head to the city or province (越级信访) — when the earlier petition had missed its
 * SLA by then, the API raises the alert and proposes the case itself.
 */
import { addDays, fromEpochDay, type ProblemCategory, toEpochDay, type Unit } from '@jiandu/shared';
import type { Agenda } from './demo-agenda.js';
import type { ApiClient } from './demo-api.js';
import { supervisorOf } from './demo-org.js';
import { type DemoPetitioner, demoPetitioners } from './demo-people.js';
import { DEMO_END, DEMO_START, laggardOn } from './demo-story.js';
import { type Rng, rng } from './random.js';

const MATTERS: Partial<Record<ProblemCategory, string>> = {
  withholding: '反映村干部截留低保金和产业扶持资金，至今未足额发放到户',
  embezzling: '反映扶贫项目负责人侵占项目资金，要求查清资金去向',
  false_claims: '反映有人虚报贫困户信息冒领危房改造补助',
  inaction: '反映危房改造申请提交半年无人办理',
  slow_action: '反映易地搬迁安置房建成后迟迟未分配入住',
  formalism: '反映帮扶干部入户走访只拍照留痕，实际困难没有解决',
  policy: '反映教育资助政策未落实，子女未享受“两免一补”',
  misappropriating: '反映村集体扶贫资金被挪作修建办公楼',
};
const CATEGORIES = Object.keys(MATTERS) as ProblemCategory[];
const CHANNELS = ['letter', 'visit', 'online', 'hotline_12345', 'hotline_12317'] as const;
const NOT_ACCEPTED = [
  '所反映事项已进入行政复议程序，不予受理，已告知信访人',
  '属于民事纠纷，不属于信访受理范围，已引导通过诉讼途径解决',
];
const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

type Fate = 'waits' | 'notAccepted' | 'acceptedLate' | 'onTime' | 'handledLate' | 'extended';

interface Planned {
  date: string;
  who: DemoPetitioner;
  unit: Unit;
  category: ProblemCategory;
  levelReceived: string;
  channel: string;
  fate: Fate;
  repeat: boolean;
}

export interface PetitionTally {
  registered: number;
  repeated: number;
  escalated: number;
  actions: number;
  notAccepted: number;
  closed: number;
}

interface Live {
  id: string | null;
  version: number;
}

const normalLevel = (r: Rng, u: Unit): string =>
  u.kind === 'township' ? r.pick(['township', 'county']) : 'county';
const overHead = (r: Rng, u: Unit): string =>
  u.kind === 'township' ? r.pick(['city', 'city', 'province']) : 'province';

function fateOf(r: Rng): Fate {
  const x = r.next();
  return x < 0.04
    ? 'waits'
    : x < 0.1
      ? 'notAccepted'
      : x < 0.24
        ? 'acceptedLate'
        : x < 0.36
          ? 'handledLate'
          : x < 0.45
            ? 'extended'
            : 'onTime';
}

/** Every petition of the period, in order of receipt: first ones, their repeats and escalations. */
function plan(r: Rng, units: readonly Unit[]): Planned[] {
  const people = demoPetitioners(r, 140);
  let nextPerson = 0;
  const out: Planned[] = [];
  for (let day = toEpochDay(DEMO_START); day <= toEpochDay(DEMO_END) - 3; day++) {
    const date = fromEpochDay(day);
    // The laggard township's bad quarters bring extra petitions, some over its head.
    const lag = laggardOn(date);
    const lagUnit = lag ? units.find((u) => u.id === lag.unitId) : undefined;
    const unit = lagUnit && r.chance(0.05) ? lagUnit : r.chance(0.19) ? r.pick(units) : null;
    if (!unit) continue;
    const who = people[nextPerson++ % people.length]!;
    const category = r.pick(CATEGORIES);
    const escalated = r.chance(unit === lagUnit ? 0.25 : 0.03);
    const first: Planned = {
      date,
      who,
      unit,
      category,
      levelReceived: escalated ? overHead(r, unit) : normalLevel(r, unit),
      channel: r.pick(CHANNELS),
      fate: fateOf(r),
      repeat: false,
    };
    out.push(first);
    if (!r.chance(unit === lagUnit ? 0.4 : 0.14)) continue;
    // The petitioner comes back with the same matter; half the time because the first was left lying.
    if (r.chance(0.5) && first.fate !== 'notAccepted') first.fate = r.chance(0.8) ? 'acceptedLate' : 'waits';
    const again = addDays(date, r.int(20, 150));
    if (again > addDays(DEMO_END, -3)) continue;
    out.push({
      ...first,
      date: again,
      levelReceived: r.chance(0.2) ? overHead(r, unit) : first.levelReceived,
      channel: r.pick(CHANNELS),
      fate: fateOf(r),
      repeat: true,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Plans every petition and its workflow on the agenda; the tally fills in as the days run. */
export function planPetitions(agenda: Agenda, api: ApiClient, units: readonly Unit[]): PetitionTally {
  const r = rng(20_260_301);
  const tally: PetitionTally = {
    registered: 0,
    repeated: 0,
    escalated: 0,
    actions: 0,
    notAccepted: 0,
    closed: 0,
  };
  let n = 0;
  for (const p of plan(r, units)) {
    const sup = supervisorOf(p.unit.id);
    const live: Live = { id: null, version: 1 };
    const externalId = `XF${p.date.replaceAll('-', '')}${String(++n).padStart(4, '0')}`;
    const receivedAt = `${p.date}T${String(r.int(0, 8)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`;
    const village = p.unit.kind === 'township' && r.chance(0.5) ? `${p.unit.name}某村` : p.unit.name;
    agenda.on(p.date, 'petitions', p.unit.id, async () => {
      const res = await api.call<{
        id: string;
        version: number;
        repeatOf: string | null;
        escalated: boolean;
      }>(sup, 'POST', '/api/v1/petitions', {
        petitioner: p.who,
        channel: p.channel,
        levelReceived: p.levelReceived,
        unitId: p.unit.id,
        category: p.category,
        matter: `${village}群众${MATTERS[p.category]}`,
        receivedAt,
        externalId,
      });
      if (!res.ok) return;
      live.id = res.body.id;
      live.version = res.body.version;
      tally.registered++;
      if (res.body.repeatOf) tally.repeated++;
      if (res.body.escalated) tally.escalated++;
    });
    const step = (days: number, action: string, extra: Record<string, unknown> = {}, onDone?: () => void) =>
      agenda.on(addDays(p.date, days), 'workflow', p.unit.id, async () => {
        if (await act(api, sup, live, action, extra)) {
          tally.actions++;
          onDone?.();
        }
      });
    if (p.fate === 'waits') continue;
    if (p.fate === 'notAccepted') {
      step(r.int(3, 12), 'not-accept', { reason: r.pick(NOT_ACCEPTED) }, () => tally.notAccepted++);
      continue;
    }
    const accept = p.fate === 'acceptedLate' ? r.int(18, 30) : r.int(1, 12);
    step(accept, 'accept');
    let handle = accept + r.int(15, 55);
    if (p.fate === 'handledLate') handle = accept + r.int(64, 90);
    if (p.fate === 'extended') {
      const days = r.int(15, 30);
      step(accept + r.int(35, 55), 'extend', { days });
      handle = accept + 60 + r.int(1, days - 2);
    }
    step(handle, 'handle');
    // Now and then the follow-up call (回访) is still to be made: handled, not closed.
    if (r.chance(0.06)) continue;
    step(
      handle + r.int(2, 10),
      'close',
      { satisfaction: r.pick([...SATISFACTION, ...SATISFACTION.slice(0, 2)]) },
      () => tally.closed++,
    );
  }
  return tally;
}

/** One workflow action at the version last seen; a stale version is read from the 409 and retried once. */
async function act(
  api: ApiClient,
  user: string,
  live: Live,
  action: string,
  extra: Record<string, unknown>,
): Promise<boolean> {
  if (live.id === null) return false;
  const path = `/api/v1/petitions/${live.id}/${action}`;
  for (let attempt = 0; ; attempt++) {
    const res = await api.send<{ version: number; code?: string; current?: { version: number } }>(
      user,
      'POST',
      path,
      { expectedVersion: live.version, ...extra },
    );
    if (res.status === 200) {
      live.version = res.body.version;
      return true;
    }
    if (attempt === 0 && res.body.code === 'conflict.version' && res.body.current) {
      live.version = res.body.current.version;
      continue;
    }
    api.tally('POST', path, res.status, res.body);
    return false;
  }
}
