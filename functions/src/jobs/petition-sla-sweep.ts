/**
 * The daily petition SLA sweep (DESIGN §4.3, 信访工作条例): every petition still waiting for its
 * acceptance decision past its acceptance due, or accepted and not handled past its handling due (with the
 * approved extension, when there is one), raises one alert for the petition's unit — once for the
 * petition's life (trigger marker in the same transaction, with its outbox notification).
 * The §4.3 proposals (a repeated or escalated petition whose earlier one missed its SLA) are decided as
 * of the later petition's receipt, so they are raised at its intake, in its own transaction
 * (services/petitions/prepare.ts); the sweep raises what no intake sees: an SLA running out with no new
 * petition at all.
 *
 * Go-live (DESIGN §4.7, services/alerts/go-live.ts): a clock that started before the unit's go-live
 * starts at go-live (slaCountedFrom) — a petition still undecided at go-live gets its 15 days from then;
 * one decided or handled before go-live met its limit and raises nothing.
 */
import { type Alert, formatInstant, problemCategory, slaCountedFrom, slaStatus } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { raiseAlertOnce } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import type { StoredPetition } from '../services/petitions/records.js';
import { type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import type { JobContext, JobResult } from './job.js';

export const PETITION_SLA_RULES = {
  accept: 'petition.acceptOverdue',
  handle: 'petition.handleOverdue',
  extension: 'petition.extensionOverdue',
} as const;

/** Petitions whose SLA clocks still run: received (acceptance) and accepted (handling). */
async function openPetitions(deps: Deps): Promise<StoredRecord<StoredPetition>[]> {
  const out: StoredRecord<StoredPetition>[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<StoredPetition>('petition', {
      filters: [
        {
          expr: '#st IN (:received, :accepted)',
          names: { '#st': 'state' },
          values: { ':received': 'received', ':accepted': 'accepted' },
        },
      ],
      limit: 500,
      caller: SYSTEM_ACTOR.id,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

type Draft = Pick<Alert, 'rule' | 'alertKey' | 'severity' | 'message' | 'facts'>;

/** The alert an open petition's SLA calls for as of `at`, if any. */
export function petitionSlaAlert(
  p: StoredPetition,
  at: string,
  scheme: Parameters<typeof slaStatus>[2],
): Draft | null {
  const s = slaStatus(p, at, scheme);
  if (p.state === 'received' && s.accept.status === 'missed') {
    return {
      rule: PETITION_SLA_RULES.accept,
      alertKey: `${PETITION_SLA_RULES.accept}|${p.id}`,
      severity: 'warning',
      // Named by its kind and category, never its id (the alert's unit and link name the rest).
      message: `${problemCategory.labels[p.category].zh}类信访件受理超期：应于${s.accept.due}前作出受理决定，已超${s.accept.daysOver}天`,
      facts: { kind: 'petition.accept', days: s.accept.daysOver, due: s.accept.due, category: p.category },
    };
  }
  if (p.state === 'accepted' && s.handle?.status === 'missed') {
    const rule = p.extensionDays > 0 ? PETITION_SLA_RULES.extension : PETITION_SLA_RULES.handle;
    const what = p.extensionDays > 0 ? `延期${p.extensionDays}天后仍未办结` : '办理超期';
    return {
      rule,
      alertKey: `${rule}|${p.id}`,
      severity: p.extensionDays > 0 ? 'critical' : 'warning',
      message: `${problemCategory.labels[p.category].zh}类信访件${what}：应于${s.handle.due}前办结，已超${s.handle.daysOver}天`,
      facts: {
        kind: p.extensionDays > 0 ? 'petition.extension' : 'petition.handle',
        days: s.handle.daysOver,
        due: s.handle.due,
        category: p.category,
        ...(p.extensionDays > 0 ? { extensionDays: p.extensionDays } : {}),
      },
    };
  }
  return null;
}

export async function petitionSlaSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const counts = { scanned: 0, missed: 0, alertsRaised: 0, alreadyRaised: 0 };
  const goLive = await goLiveLookup(deps);
  for (const rec of await openPetitions(deps)) {
    counts.scanned++;
    const counted = slaCountedFrom(rec.data, goLive(rec.data.unitId), scheme.timeZone);
    const draft = petitionSlaAlert(counted, at, scheme);
    if (!draft) continue;
    counts.missed++;
    if (await triggerRaised(deps, 'alert', draft.alertKey)) {
      counts.alreadyRaised++;
      continue;
    }
    const alert: Alert = {
      ...draft,
      id: deps.newId(),
      subject: { kind: 'petition', id: rec.id },
      unitId: rec.data.unitId,
      notifyUnitId: rec.data.unitId,
      state: 'open',
      raisedAt: at,
      version: 1,
    };
    if (await raiseAlertOnce(deps, alert, rec.unitPath ?? '', at)) counts.alertsRaised++;
    else counts.alreadyRaised++;
  }
  return { job: 'petition-sla-sweep', counts };
}
