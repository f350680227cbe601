/**
 * The daily first-response sweep of major negative opinion (DESIGN §2 "major negative opinion must not
 * happen unhandled", §4.5): the handling task a major negative signal opened (a rectification whose
 * deadline is the first-response deadline, shared/signals/major.ts) that nobody has started by the end of
 * that day raises one critical alert to the supervisors of the unit above — once per signal (trigger
 * marker and outbox notification in the same transaction). Work started (any state past `assigned`)
 * counts as the first response.
 *
 * Go-live (DESIGN §4.7, services/alerts/go-live.ts): a first-response deadline before the unit's go-live
 * counts as the go-live day — a task still unstarted at go-live has until the end of that day.
 */
import { type Alert, countedFrom, endOfLocalDay, formatInstant } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { raiseAlertOnce } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import { openRectifications } from '../services/rectifications/read.js';
import type { JobContext, JobResult } from './job.js';

export const FIRST_RESPONSE_RULE = 'signal.firstResponseMissed';

export async function signalResponseSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const tree = await deps.units.tree();
  const counts = { scanned: 0, missed: 0, alertsRaised: 0, alreadyRaised: 0 };
  const goLive = await goLiveLookup(deps);
  for (const { stored } of await openRectifications(deps)) {
    const r = stored.data;
    if (r.source.kind !== 'signal') continue;
    counts.scanned++;
    const deadline = countedFrom(r.deadline, goLive(r.unitId));
    if (r.state !== 'assigned' || now < endOfLocalDay(deadline, scheme.timeZone)) continue;
    counts.missed++;
    const signalId = r.source.id ?? r.id;
    const key = `${FIRST_RESPONSE_RULE}|${signalId}`;
    if (await triggerRaised(deps, 'alert', key)) {
      counts.alreadyRaised++;
      continue;
    }
    const alert: Alert = {
      id: deps.newId(),
      rule: FIRST_RESPONSE_RULE,
      alertKey: key,
      subject: { kind: 'signal', id: signalId },
      unitId: r.unitId,
      notifyUnitId: tree.parent(r.unitId)?.id ?? r.unitId,
      severity: 'critical',
      state: 'open',
      message: `重大负面舆情未在首次响应时限（${r.deadline}）内响应：${r.title}`.slice(0, 1000),
      raisedAt: at,
      version: 1,
    };
    if (await raiseAlertOnce(deps, alert, stored.unitPath ?? '', at)) counts.alertsRaised++;
    else counts.alreadyRaised++;
  }
  return { job: 'signal-response-sweep', counts };
}
