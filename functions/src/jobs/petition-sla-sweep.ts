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
 *
 * It reads the petitions due on the sweeps' wake list (services/sweeps/wake.ts: written since the last
 * run, or with a step or an SLA day ending now), never every open one, and keys each at what comes next.
 */
import {
  type Alert,
  daysBetween,
  type EscalationStep,
  endOfLocalDay,
  formatInstant,
  ladderOf,
  localDateOf,
  nextStepDueMs,
  problemCategory,
  type Scheme,
  slaCountedFrom,
  slaStatus,
  stepDueMs,
  stepKey,
  stepsReached,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { raiseAlertOnce, writeAlert } from '../services/alerts/alerts.js';
import { type GoLiveOf, goLiveLookup } from '../services/alerts/go-live.js';
import { addLandingNotifications, commitLadderStep, landOn } from '../services/alerts/ladder.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import type { StoredPetition } from '../services/petitions/records.js';
import { dueMatters, rekey } from '../services/sweeps/wake.js';
import { RecordStore, type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx } from '../store/tx.js';
import type { JobContext, JobResult } from './job.js';

export const PETITION_SLA_RULES = {
  accept: 'petition.acceptOverdue',
  handle: 'petition.handleOverdue',
  extension: 'petition.extensionOverdue',
} as const;

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

/** The time limit the petition ladder counts over: receipt to the due day of the clock running now. */
function petitionLadderLimit(p: StoredPetition): { start: string; deadline: string } | null {
  const due = p.state === 'received' ? p.acceptDue : p.state === 'accepted' ? p.handleDue : null;
  return due === null ? null : { start: p.receivedAt, deadline: due };
}

/**
 * The petition ladder (梯度督办, issue 16): the scheme's `escalation.petition` steps, at points of the
 * petition's time limit — from its receipt to the end of the due day of the clock running now (the
 * acceptance day while received, the handling day with its extension once accepted). Chosen: one ladder
 * over the matter, each step once per petition (a step reached while it waited for acceptance is not
 * repeated against the handling clock). Each step is an alert that lands on the post holders of the day
 * it was reached (landOn; a vacant post reported to the unit above), with an event in the petition's
 * chain, in one transaction.
 */
export function petitionLadderDrafts(
  p: StoredPetition,
  at: string,
  scheme: Pick<Scheme, 'rectification' | 'escalation' | 'timeZone'>,
): { step: EscalationStep; reachedOn: string; due: string; days: number }[] {
  const ladder = ladderOf('petition', scheme);
  const limit = petitionLadderLimit(p);
  if (ladder.length === 0 || limit === null) return [];
  const due = limit.deadline;
  const today = localDateOf(at, scheme.timeZone);
  return stepsReached(ladder, limit, at, scheme.timeZone).map((step) => ({
    step,
    reachedOn: localDateOf(stepDueMs(step, limit, scheme.timeZone), scheme.timeZone),
    due,
    days: Math.max(0, daysBetween(due, today)),
  }));
}

async function raiseLadderStep(
  deps: Deps,
  rec: StoredRecord<StoredPetition>,
  d: ReturnType<typeof petitionLadderDrafts>[number],
  at: string,
): Promise<'raised' | 'already' | 'deferred'> {
  const p = rec.data;
  const key = stepKey('petition', p.id, d.step.id);
  if (await triggerRaised(deps, 'alert', key)) return 'already';
  const tree = await deps.units.tree();
  const id = deps.newId();
  const land = await landOn(deps, tree, d.step.action, d.step.id, p.unitId, d.reachedOn);
  const category = problemCategory.labels[p.category].zh;
  const parent = d.step.action === 'alert_parent' ? (tree.parent(p.unitId)?.id ?? p.unitId) : p.unitId;
  const over = d.days > 0;
  const alert: Alert = {
    id,
    rule: `petition.ladder.${d.step.id}`,
    alertKey: key,
    subject: { kind: 'petition', id: p.id },
    unitId: p.unitId,
    notifyUnitId: parent,
    severity:
      d.step.action === 'alert_parent' ? 'critical' : d.step.action === 'remind_leaders' ? 'info' : 'warning',
    state: 'open',
    message: over
      ? `${category}类信访件超过办理时限${d.days}天（应于${d.due}前），梯度督办`
      : `${category}类信访件临近办理时限（${d.due}），请按期办理`,
    facts: over
      ? {
          kind: p.state === 'received' ? 'petition.accept' : 'petition.handle',
          days: d.days,
          due: d.due,
          category: p.category,
        }
      : { kind: 'petition.near', days: 0, due: d.due, category: p.category },
    landing: land,
    raisedAt: at,
    version: 1,
  };
  const tx = new Tx(deps.tableName);
  writeAlert(deps, tx, alert, rec.unitPath ?? '', SYSTEM_ACTOR, at);
  addLandingNotifications(tx, alert, tree);
  return commitLadderStep(
    deps,
    tx,
    { type: 'petition', id: p.id },
    { step: d.step.id, action: d.step.action, reachedOn: d.reachedOn, alertId: id, landing: land },
    at,
  );
}

/**
 * When the sweep next has something to do with a petition (the wake list, services/sweeps/wake.ts): the
 * earliest of its next ladder step not raised yet and the end of the due day of its running SLA clock,
 * unless that alert was raised. Null when its clocks have stopped (decided, handled). `raised`: trigger
 * keys the sweep has just seen raised, not read again.
 */
export async function petitionWake(
  deps: Deps,
  p: StoredPetition,
  scheme: Scheme,
  goLive: GoLiveOf,
  nowMs: number,
  raised: ReadonlySet<string> = new Set(),
): Promise<number | null> {
  if (p.state !== 'received' && p.state !== 'accepted') return null;
  const isRaised = async (key: string) => raised.has(key) || (await triggerRaised(deps, 'alert', key));
  const counted = slaCountedFrom(p, goLive(p.unitId), scheme.timeZone);
  const at = formatInstant(nowMs, scheme.timeZone);
  const candidates: number[] = [];
  const limit = petitionLadderLimit(counted);
  if (limit) {
    const done = new Set<string>();
    for (const d of petitionLadderDrafts(counted, at, scheme))
      if (await isRaised(stepKey('petition', p.id, d.step.id))) done.add(d.step.id);
    const next = nextStepDueMs(ladderOf('petition', scheme), limit, done, scheme.timeZone);
    if (next !== null) candidates.push(next);
  }
  const s = slaStatus(counted, at, scheme);
  const clock = p.state === 'received' ? s.accept : s.handle;
  if (clock) {
    // Missed by now: due again only while its alert is not raised (the alert of this very clock).
    const missed = petitionSlaAlert(counted, at, scheme);
    if (!(missed && (await isRaised(missed.alertKey))))
      candidates.push(endOfLocalDay(clock.due, scheme.timeZone));
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}

export async function petitionSlaSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const counts = { scanned: 0, missed: 0, alertsRaised: 0, alreadyRaised: 0, ladderSteps: 0, deferred: 0 };
  const goLive = await goLiveLookup(deps);
  const due = await dueMatters(deps, 'petition', 'petition-sla-sweep', now);
  for await (const item of due.items) {
    const rec = RecordStore.fromItem<StoredPetition>(item);
    counts.scanned++;
    const counted = slaCountedFrom(rec.data, goLive(rec.data.unitId), scheme.timeZone);
    /** Triggers seen raised in this run (the wake below need not read them again). */
    const raised = new Set<string>();
    for (const d of petitionLadderDrafts(counted, at, scheme)) {
      const outcome = await raiseLadderStep(deps, rec, d, at);
      if (outcome !== 'deferred') raised.add(stepKey('petition', rec.id, d.step.id));
      if (outcome === 'raised') counts.ladderSteps++;
      else if (outcome === 'deferred') counts.deferred++;
    }
    const draft = petitionSlaAlert(counted, at, scheme);
    if (draft) {
      counts.missed++;
      raised.add(draft.alertKey);
      if (await triggerRaised(deps, 'alert', draft.alertKey)) counts.alreadyRaised++;
      else {
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
    }
    await rekey(deps, item, await petitionWake(deps, rec.data, scheme, goLive, now, raised));
  }
  await due.keyed();
  return { job: 'petition-sla-sweep', counts };
}
