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
 *
 * It reads the rectifications due on the sweeps' wake list (services/sweeps/wake.ts), as the overdue
 * sweep does, and keys each with the same answer (rectification-wake.ts).
 */
import { type Alert, formatInstant, type Rectification } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { raiseAlertOnce } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import { dueMatters, rekey } from '../services/sweeps/wake.js';
import { RecordStore } from '../store/record-store.js';
import type { JobContext, JobResult } from './job.js';
import {
  FIRST_RESPONSE_RULE,
  firstResponseDueMs,
  firstResponseKey,
  rectificationWake,
} from './rectification-wake.js';

export { FIRST_RESPONSE_RULE };

export async function signalResponseSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const tree = await deps.units.tree();
  const counts = { scanned: 0, missed: 0, alertsRaised: 0, alreadyRaised: 0 };
  const goLive = await goLiveLookup(deps);
  const due = await dueMatters(deps, 'rectification', 'signal-response-sweep', now);
  for await (const item of due.items) {
    const stored = RecordStore.fromItem<Rectification>(item);
    const r = stored.data;
    const rekeyed = (raised: ReadonlySet<string> = new Set()) =>
      rectificationWake(deps, r, scheme, goLive, now, raised).then((next) => rekey(deps, item, next));
    const responseDue = firstResponseDueMs(r, scheme, goLive);
    if (r.source.kind === 'signal') counts.scanned++;
    if (responseDue === null || now < responseDue) {
      await rekeyed();
      continue;
    }
    counts.missed++;
    const key = firstResponseKey(r);
    if (await triggerRaised(deps, 'alert', key)) {
      counts.alreadyRaised++;
      await rekeyed(new Set([key]));
      continue;
    }
    const alert: Alert = {
      id: deps.newId(),
      rule: FIRST_RESPONSE_RULE,
      alertKey: key,
      subject: { kind: 'signal', id: r.source.id ?? r.id },
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
    await rekeyed(new Set([key]));
  }
  await due.keyed();
  return { job: 'signal-response-sweep', counts };
}
