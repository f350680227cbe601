/**
 * When the sweeps next have something to do with an open rectification (the wake list,
 * services/sweeps/wake.ts): the earliest of the next step of its overdue ladder not raised yet (overdue
 * sweep) and, for the handling task of a major negative signal not started yet, the end of its
 * first-response day unless that alert was raised (first-response sweep). Both sweeps read the same
 * entries and key them with this one answer, so neither can take a matter off the list the other still
 * needs. A step reached and raised counts as done; one reached and not raised keeps the matter due now.
 */
import {
  countedFrom,
  endOfLocalDay,
  ladderOf,
  nextOverdueStepMs,
  overdueKey,
  type Rectification,
  type Scheme,
  stepDueMs,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { GoLiveOf } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';

export const FIRST_RESPONSE_RULE = 'signal.firstResponseMissed';

/** The first-response alert's trigger key of a signal's handling task. */
export const firstResponseKey = (r: Pick<Rectification, 'id' | 'source'>): string =>
  `${FIRST_RESPONSE_RULE}|${r.source.id ?? r.id}`;

/** The end of a signal task's first-response day as counted (go-live), or null when none applies. */
export function firstResponseDueMs(r: Rectification, scheme: Scheme, goLive: GoLiveOf): number | null {
  if (r.source.kind !== 'signal' || r.state !== 'assigned') return null;
  return endOfLocalDay(countedFrom(r.deadline, goLive(r.unitId)), scheme.timeZone);
}

export async function rectificationWake(
  deps: Deps,
  r: Rectification,
  scheme: Scheme,
  goLive: GoLiveOf,
  nowMs: number,
): Promise<number | null> {
  if (r.state === 'closed') return null;
  const counted = { ...r, deadline: countedFrom(r.deadline, goLive(r.unitId)) };
  const limit = { start: r.createdAt, deadline: counted.deadline };
  const done = new Set<string>();
  for (const step of ladderOf('rectification', scheme)) {
    if (stepDueMs(step, limit, scheme.timeZone) > nowMs) continue;
    const kind = step.action === 'propose_case' ? 'case' : 'alert';
    if (await triggerRaised(deps, kind, overdueKey(r.id, step.id))) done.add(step.id);
  }
  const candidates = [nextOverdueStepMs(counted, scheme, done)];
  const response = firstResponseDueMs(r, scheme, goLive);
  if (response !== null && !(response <= nowMs && (await triggerRaised(deps, 'alert', firstResponseKey(r)))))
    candidates.push(response);
  const due = candidates.filter((x): x is number => x !== null);
  return due.length === 0 ? null : Math.min(...due);
}
