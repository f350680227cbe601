/**
 * The daily overdue sweep (DESIGN §4.4): for every open rectification, the core's `overdueActions` says
 * which levels it has reached; each level is raised once for the record's life — the alert or case is
 * written in the same transaction as its trigger marker (`keys.trigger`, put only if new) and its outbox
 * notification, so a second run, a concurrent run, or a retry after a crash raises nothing twice.
 *
 * Go-live (DESIGN §4.7, services/alerts/go-live.ts): an open rectification whose deadline fell before
 * its unit's go-live is overdue as of the go-live day — its days overdue count from max(deadline,
 * go-live), so the day-1 alert comes the day after go-live, the escalation 15 days and the 慢作为
 * proposal 30 days after it, and the leaders named are those in post from go-live on. A rectification
 * closed before go-live (a ledger's 已销号 row, imported closed) lay wholly before it: closed, it is never
 * overdue. A sweep run before go-live raises nothing (no day counted from go-live has passed).
 *
 * It reads only the rectifications due on the sweeps' wake list (services/sweeps/wake.ts: written since
 * the last run, or with a step falling due now), never every open one, and keys each at its next step.
 */
import {
  type Alert,
  caseDecideBy,
  countedFrom,
  formatInstant,
  type OverdueAction,
  overdueActions,
  type Rectification,
  supersededAlert,
  type Tenure,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { alertIndex, writeAlert } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { addLandingNotifications, commitLadderStep, landOn } from '../services/alerts/ladder.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import { writeCaseProposal } from '../services/cases/cases.js';
import { tenuresOf } from '../services/org/org.js';
import { overdueAlert, overdueCase } from '../services/rectifications/overdue.js';
import { dueMatters, rekey } from '../services/sweeps/wake.js';
import { keys } from '../store/keys.js';
import { RecordStore, type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx, TxCancelled } from '../store/tx.js';
import type { JobContext, JobResult } from './job.js';
import { rectificationWake } from './rectification-wake.js';

/**
 * Writes the alert or case of one draft with its trigger marker, its notifications and the step's event
 * in the rectification's chain (`ladder.step`: which step, what it did, whom it landed on), in one
 * transaction: 'raised'; 'already' when the marker existed; 'deferred' when the rectification changed
 * between reading and writing (its chain moved on) — the next run raises it.
 * An alert step lands on the post holders of the day it was reached (landOn; a vacant post reported to
 * the unit above); a case step's subjects are the leaders in post while it was overdue.
 */
async function raise(
  deps: Deps,
  a: OverdueAction,
  rect: StoredRecord<Rectification>,
  at: string,
  tenures: () => Promise<Tenure[]>,
): Promise<'raised' | 'already' | 'deferred'> {
  const tx = new Tx(deps.tableName);
  const id = deps.newId();
  const unitPath = rect.unitPath ?? '';
  const tree = await deps.units.tree();
  let after: Record<string, unknown>;
  if (a.kind === 'alert') {
    const land = await landOn(deps, tree, a.action, a.level, a.unitId, a.reachedOn);
    const alert: Alert = { ...overdueAlert(a, rect.data, tree, { id, at }), landing: land };
    writeAlert(deps, tx, alert, unitPath, SYSTEM_ACTOR, at);
    addLandingNotifications(tx, alert, tree);
    after = { step: a.level, action: a.action, reachedOn: a.reachedOn, alertId: id, landing: land };
  } else {
    const c = overdueCase(a, await tenures(), { id, at, decideBy: caseDecideBy(at, await deps.scheme()) });
    writeCaseProposal(deps, tx, c, unitPath, SYSTEM_ACTOR, at);
    after = {
      step: a.level,
      action: 'propose_case',
      reachedOn: a.reachedOn,
      caseId: id,
      subjects: c.subjects.map((x) => x.personId),
    };
  }
  return commitLadderStep(deps, tx, { type: 'rectification', id: rect.id }, after, at);
}

/**
 * One live overdue alert per record: once a higher alert step of the record has been raised, every lower
 * step's alert still open or acknowledged is resolved by the system (supersededAlert). Checked on every run,
 * so a crash between raising and superseding is mended by the next; a concurrent change of the lower alert
 * (a supervisor acknowledging it) wins and is superseded on the next run. Returns how many it resolved.
 */
async function supersedeLowerAlerts(
  deps: Deps,
  drafts: readonly OverdueAction[],
  at: string,
): Promise<number> {
  const alertKeys = drafts.filter((d) => d.kind === 'alert').map((d) => d.key);
  const highest = alertKeys.pop();
  if (highest === undefined || alertKeys.length === 0) return 0;
  if ((await deps.store.item(keys.trigger('alert', highest))) === null) return 0;
  let resolved = 0;
  for (const key of alertKeys) {
    const marker = await deps.store.item(keys.trigger('alert', key));
    const alertId = marker?.alertId;
    if (typeof alertId !== 'string') continue;
    const before = await deps.store.get<Alert>('alert', alertId);
    const after = before && supersededAlert(before.data);
    if (!before || !after) continue;
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'alert',
      id: alertId,
      before,
      data: after,
      index: alertIndex(after, before.unitPath ?? ''),
      actor: SYSTEM_ACTOR,
      at,
      action: 'alert.supersede',
      reason: '由同一整改更高一级的逾期预警取代',
    });
    try {
      await tx.commit(deps.doc);
      resolved++;
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e;
    }
  }
  return resolved;
}

export async function overdueSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const counts = {
    /** Open rectifications read: those due on the wake list (all of them once after a scheme change). */
    scanned: 0,
    overdue: 0,
    alertsRaised: 0,
    casesProposed: 0,
    alreadyRaised: 0,
    alertsSuperseded: 0,
    /** Steps not written because the rectification changed meanwhile (the next run writes them). */
    deferred: 0,
  };
  const tenureCache = new Map<string, Promise<Tenure[]>>();
  const goLive = await goLiveLookup(deps);
  const due = await dueMatters(deps, 'rectification', 'overdue-sweep', now);
  for await (const item of due.items) {
    const stored = RecordStore.fromItem<Rectification>(item);
    counts.scanned++;
    const r = stored.data;
    const counted = { ...r, deadline: countedFrom(r.deadline, goLive(r.unitId)) };
    const drafts = r.state === 'closed' ? [] : overdueActions(counted, at, scheme);
    if (drafts.length > 0) counts.overdue++;
    const unitId = stored.data.unitId;
    const tenures = () => {
      if (!tenureCache.has(unitId)) tenureCache.set(unitId, tenuresOf(deps, unitId));
      return tenureCache.get(unitId)!;
    };
    /** The steps' triggers seen raised in this run (the wake below need not read them again). */
    const raised = new Set<string>();
    for (const a of drafts) {
      const outcome = (await triggerRaised(deps, a.kind, a.key))
        ? 'already'
        : await raise(deps, a, stored, at, tenures);
      if (outcome !== 'deferred') raised.add(a.key);
      if (outcome === 'already') counts.alreadyRaised++;
      else if (outcome === 'deferred') counts.deferred++;
      else if (a.kind === 'alert') counts.alertsRaised++;
      else counts.casesProposed++;
    }
    counts.alertsSuperseded += await supersedeLowerAlerts(deps, drafts, at);
    await rekey(deps, item, await rectificationWake(deps, r, scheme, goLive, now, raised));
  }
  await due.keyed();
  return { job: 'overdue-sweep', counts };
}
