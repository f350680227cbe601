/**
 * The demo's "today": the seed replays its year and a half up to DEMO_END, then returns the clock to now —
 * so whatever was open then is, weeks later, only ever red or still far from its deadline. On the day the
 * demo is seeded, 东山县's inspector logs two findings for 青松镇 (the officer's township) with deadlines
 * counted from that day — one within the scheme's warning window (yellow), one well beyond it (green) —
 * so the lights of every colour (三色预警) are on the screens the demo opens on, whatever day it is seeded.
 * Red comes from the year's rectifications still open past their deadline. Live intake: the server's now.
 */
import { addDays, LIGHTS_DEFAULT, localDateOf } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { ApiClient } from './demo-api.js';

export const TODAY_UNIT = 'dongshan-t01';

export async function seedToday(deps: Deps, api: ApiClient): Promise<string[]> {
  const scheme = await deps.scheme();
  const today = localDateOf(deps.clock(), scheme.timeZone);
  const warn = (scheme.lights ?? LIGHTS_DEFAULT).rectificationWarnDays;
  const findings = [
    // Inside the warning window however its days are counted (calendar or working days): yellow.
    {
      description: '青松镇低保对象动态调整台账未按月更新，部分退出户仍在册',
      deadline: addDays(today, Math.max(1, Math.floor(warn / 2))),
    },
    // Far beyond the window, and just opened (not behind its plan): green.
    {
      description: '青松镇产业帮扶项目收益分配方案未经村民代表大会讨论',
      deadline: addDays(today, warn * 3 + 30),
    },
  ];
  const lines: string[] = [];
  for (const f of findings) {
    const res = await api.call<{ deadline: string }>('inspector', 'POST', '/api/v1/findings', {
      unitId: TODAY_UNIT,
      category: 'formalism',
      severity: 'general',
      source: 'inspection',
      description: f.description,
      amountFen: 0,
      discoveredOn: today,
      deadline: f.deadline,
    });
    lines.push(
      res.ok
        ? `today (${today}): a finding for 青松镇, deadline ${res.body.deadline}`
        : `today: refused ${res.status}`,
    );
  }
  return lines;
}
