/**
 * What happens to the demo's rectifications after they are assigned: most are worked and closed by two
 * reviewers, some late, some rejected once, some extended, a few reopened, and the rest stay in every
 * other state (some overdue) — each action sent through the API on its own day.
 */
import { addDays } from '@jiandu/shared';
import type { ApiClient } from './demo-api.js';
import { officerOf } from './demo-org.js';
import type { Rng } from './random.js';

export type Step = { date: string; user: string; action: Record<string, unknown> };

const MEASURES = [
  '成立整改专班，明确责任人和完成时限',
  '逐户核查建档立卡数据并更新',
  '完善项目资金拨付台账，按月对账',
];
const PROGRESS = ['已完成核查工作的60%', '问题资金已追回并退还群众', '整改材料已报县扶贫办审核'];

/** The steps a rectification of `unitId` assigned on `start` with `deadline` will go through. */
export function planRectification(r: Rng, start: string, deadline: string, unitId: string): Step[] {
  const officer = officerOf(unitId) ?? 'officer';
  const fate = r.next();
  const steps: Step[] = [];
  const day = (n: number) => addDays(start, n);
  const span = Math.max(3, Math.round((Date.parse(deadline) - Date.parse(start)) / 86_400_000));
  if (fate < 0.12) return steps; // stays assigned
  steps.push({ date: day(r.int(1, 5)), user: officer, action: { type: 'start' } });
  steps.push({
    date: day(r.int(5, 8)),
    user: officer,
    action: { type: 'addMeasure', text: r.pick(MEASURES) },
  });
  if (fate < 0.25) return steps; // in progress
  if (fate < 0.3) {
    steps.push({
      date: day(10),
      user: officer,
      action: { type: 'requestExtension', deadline: addDays(deadline, 30), reason: '涉及跨部门协调，需延期' },
    });
    steps.push({
      date: day(12),
      user: 'supervisor',
      action: { type: 'decideExtension', approve: true, reason: '同意延期30天' },
    });
  }
  const late = r.chance(0.2);
  const submitDay = late ? span + r.int(3, 20) : Math.max(9, Math.round(span * (0.5 + r.next() * 0.4)));
  steps.push({
    date: day(submitDay - 1),
    user: officer,
    action: { type: 'addProgress', text: r.pick(PROGRESS) },
  });
  steps.push({ date: day(submitDay), user: officer, action: { type: 'submit' } });
  if (fate < 0.36) return steps; // submitted
  if (fate < 0.42) {
    steps.push({
      date: day(submitDay + 1),
      user: 'reviewer1',
      action: { type: 'reject', reason: '佐证材料不全，请补充' },
    });
    steps.push({ date: day(submitDay + 4), user: officer, action: { type: 'submit' } });
  }
  const last = steps[steps.length - 1]!.date;
  steps.push({ date: addDays(last, 1), user: 'reviewer1', action: { type: 'approve' } });
  if (fate < 0.5) return steps; // first approved
  steps.push({ date: addDays(last, 2), user: 'reviewer2', action: { type: 'approve' } });
  if (fate > 0.97)
    steps.push({
      date: addDays(last, 40),
      user: 'inspector',
      action: { type: 'reopen', reason: '回头看发现问题反弹' },
    });
  return steps;
}

/**
 * A rectification the unit drags its feet on: started, a measure, then nothing until well after the
 * deadline (open and overdue at its quarter's end, swept into alerts), submitted and closed late.
 */
export function planLateRectification(r: Rng, start: string, deadline: string, unitId: string): Step[] {
  const officer = officerOf(unitId) ?? 'officer';
  const submitted = addDays(deadline, r.int(35, 60));
  return [
    { date: addDays(start, r.int(3, 6)), user: officer, action: { type: 'start' } },
    { date: addDays(start, 9), user: officer, action: { type: 'addMeasure', text: r.pick(MEASURES) } },
    { date: addDays(submitted, -1), user: officer, action: { type: 'addProgress', text: r.pick(PROGRESS) } },
    { date: submitted, user: officer, action: { type: 'submit' } },
    { date: addDays(submitted, 2), user: 'reviewer1', action: { type: 'approve' } },
    { date: addDays(submitted, 3), user: 'reviewer2', action: { type: 'approve' } },
  ];
}

/** Sends one step; null when the API refused it (tallied by the client), which the demo tolerates. */
export async function sendStep(
  api: ApiClient,
  id: string,
  version: number,
  step: Step,
): Promise<number | null> {
  const res = await api.call<{ version: number }>(step.user, 'POST', `/api/v1/rectifications/${id}/actions`, {
    action: step.action,
    expectedVersion: version,
  });
  return res.ok ? res.body.version : null;
}
