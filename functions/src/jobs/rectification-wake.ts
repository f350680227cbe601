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
  formatInstant,
  nextOverdueStepMs,
  overdueActions,
  type Rectification,
  type Scheme,
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

/**
 * `raised`: trigger keys the calling sweep has just seen raised (it raised them, or found them), so they
 * are not read again; any other trigger a step reached by now needs is read from the store.
 */
export async function rectificationWake(
  deps: Deps,
  r: Rectification,
  scheme: Scheme,
  goLive: GoLiveOf,
  nowMs: number,
  raised: ReadonlySet<string> = new Set(),
): Promise<number | null> {
  if (r.state === 'closed') return null;
  const isRaised = async (kind: 'alert' | 'case', key: string) =>
    raised.has(key) || (await triggerRaised(deps, kind, key));
  const counted = { ...r, deadline: countedFrom(r.deadline, goLive(r.unitId)) };
  const done = new Set<string>();
  for (const a of overdueActions(counted, formatInstant(nowMs, scheme.timeZone), scheme))
    if (await isRaised(a.kind, a.key)) done.add(a.level);
  const candidates = [nextOverdueStepMs(counted, scheme, done)];
  const response = firstResponseDueMs(r, scheme, goLive);
  if (response !== null && !(response <= nowMs && (await isRaised('alert', firstResponseKey(r)))))
    candidates.push(response);
  const due = candidates.filter((x): x is number => x !== null);
  return due.length === 0 ? null : Math.min(...due);
}
