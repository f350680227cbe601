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
 */
import {
  countedFrom,
  formatInstant,
  type OverdueAction,
  overdueActions,
  type Rectification,
  type Tenure,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { writeAlert } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import { writeCaseProposal } from '../services/cases/cases.js';
import { tenuresOf } from '../services/org/org.js';
import { overdueAlert, overdueCase } from '../services/rectifications/overdue.js';
import { openRectifications } from '../services/rectifications/read.js';
import { type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx, TxCancelled } from '../store/tx.js';
import type { JobContext, JobResult } from './job.js';

/**
 * Writes the alert or case of one draft with its trigger marker and its notification (writeAlert,
 * writeCaseProposal); false when the marker already existed.
 */
async function raise(
  deps: Deps,
  a: OverdueAction,
  rect: StoredRecord<Rectification>,
  at: string,
  tenures: () => Promise<Tenure[]>,
): Promise<boolean> {
  const tx = new Tx(deps.tableName);
  const id = deps.newId();
  const unitPath = rect.unitPath ?? '';
  if (a.kind === 'alert') {
    writeAlert(
      deps,
      tx,
      overdueAlert(a, rect.data, await deps.units.tree(), { id, at }),
      unitPath,
      SYSTEM_ACTOR,
      at,
    );
  } else {
    writeCaseProposal(deps, tx, overdueCase(a, await tenures(), { id, at }), unitPath, SYSTEM_ACTOR, at);
  }
  try {
    await tx.commit(deps.doc);
    return true;
  } catch (e) {
    if (e instanceof TxCancelled && e.failedLabels().some((l) => l.startsWith('trigger:'))) return false;
    throw e;
  }
}

export async function overdueSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const counts = { scanned: 0, overdue: 0, alertsRaised: 0, casesProposed: 0, alreadyRaised: 0 };
  const tenureCache = new Map<string, Promise<Tenure[]>>();
  const goLive = await goLiveLookup(deps);
  for (const { stored } of await openRectifications(deps)) {
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
    for (const a of drafts) {
      if ((await triggerRaised(deps, a.kind, a.key)) || !(await raise(deps, a, stored, at, tenures))) {
        counts.alreadyRaised++;
        continue;
      }
      if (a.kind === 'alert') counts.alertsRaised++;
      else counts.casesProposed++;
    }
  }
  return { job: 'overdue-sweep', counts };
}
