/** A year and a half of activity, through the API, with the clock moving along. */
import { addDays, fromEpochDay, toEpochDay } from '@jiandu/shared';
import type { ApiApp } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { issueToken } from '../auth/tokens.js';
import type { PublicUser } from '../services/users.js';
import type { SeedClock } from './demo.js';
import type { DemoOrg } from './demo-org.js';
import { planRectification, type Step, sendStep } from './demo-rectifications.js';
import { rng } from './random.js';

export const DEMO_START = '2025-06-01';
export const DEMO_END = '2026-11-20';

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

/**
 * Calls the API as the demo's users. Tokens come from the built-in issuer directly (the seed holds its
 * key), signed at the seed clock's time, so a year and a half of activity needs no password hashing.
 */
export class ApiClient {
  constructor(
    private readonly app: ApiApp,
    private readonly deps: Deps,
    private readonly users: ReadonlyMap<string, PublicUser>,
  ) {}
  private tokens = new Map<string, string>();

  async signIn(username: string): Promise<string> {
    const key = `${username}@${Math.floor(this.deps.clock() / 3_600_000)}`;
    const hit = this.tokens.get(key);
    if (hit) return hit;
    const u = this.users.get(username);
    if (!u || !this.deps.issuer) throw new Error(`no demo user ${username}`);
    const { token } = await issueToken(
      this.deps.issuer.key,
      this.deps.issuer.cfg,
      { id: u.id, name: u.name, roles: u.roles, unitId: u.unitId },
      Math.floor(this.deps.clock() / 1000),
    );
    this.tokens.set(key, token);
    return token;
  }

  async send<T = unknown>(
    user: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const r = await this.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${await this.signIn(user)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

/** 09:00 local on a date, as the instant the seed's clock shows. */
const at9 = (date: string) => Date.parse(`${date}T09:00:00+08:00`);

export async function seedActivity(
  deps: Deps,
  app: ApiApp,
  clock: SeedClock,
  org: DemoOrg,
  users: ReadonlyMap<string, PublicUser>,
  log: (s: string) => void,
) {
  const r = rng(20251);
  const api = new ApiClient(app, deps, users);
  const townships = org.units.filter((u) => u.kind === 'township' && u.parentId === 'dongshan');
  const depts = org.units.filter((u) => u.kind === 'department' && u.parentId === 'dongshan');
  const targets = [...townships, ...depts];
  let findings = 0;
  let actions = 0;
  const queue: { date: string; id: string; step: Step }[] = [];
  const versions = new Map<string, number>();
  for (let day = toEpochDay(DEMO_START); day <= toEpochDay(DEMO_END); day++) {
    const date = fromEpochDay(day);
    clock.set(at9(date));
    // Today's workflow steps first, in the order they were planned.
    for (const q of queue.filter((x) => x.date === date)) {
      const v = await sendStep(api, q.id, versions.get(q.id) ?? 1, q.step);
      if (v !== null) {
        versions.set(q.id, v);
        actions++;
      }
    }
    if (day % 4 !== 0) continue;
    const unit = r.pick(targets);
    const res = await api.send('inspector', 'POST', '/api/v1/findings', {
      unitId: unit.kind === 'township' && r.chance(0.3) ? `${unit.id}-v1` : unit.id,
      category: r.pick(CATEGORIES),
      severity: r.chance(0.6) ? 'general' : r.chance(0.7) ? 'serious' : 'grave',
      source: r.pick(SOURCES),
      description: r.pick(PROBLEMS),
      amountFen: r.chance(0.3) ? r.int(1, 500) * 10_000 : 0,
      discoveredOn: date,
      deadline: addDays(date, r.int(20, 90)),
    });
    if (res.status !== 201) throw new Error(`demo finding refused: ${JSON.stringify(res.body)}`);
    findings++;
    const { rectificationId, unitId, deadline } = res.body as {
      rectificationId: string;
      unitId: string;
      deadline: string;
    };
    for (const step of planRectification(r, date, deadline, unitId)) {
      if (step.date <= DEMO_END) queue.push({ date: step.date, id: rectificationId, step });
    }
  }
  log(`logged ${findings} findings and ${actions} rectification steps`);
}
