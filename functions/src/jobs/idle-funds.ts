/**
 * The daily idle-funds sweep (资金趴账, DESIGN §4.6, seed 001): every fund project past its planned
 * completion (plus the scheme's grace days) whose unspent balance is above the scheme's threshold raises
 * one alert for the project's life. The alert is written with its trigger marker (`keys.trigger`, put
 * only if new), so a second run, a concurrent run or a retry after a crash raises nothing twice.
 *
 * Go-live (DESIGN §4.7, services/alerts/go-live.ts): a planned completion before the unit's go-live
 * counts as the go-live day — money still idle at go-live is alerted once the grace days after go-live
 * have passed, not on the first morning.
 */
import {
  type Alert,
  addDays,
  countedFrom,
  fenToWan,
  formatInstant,
  idleFundsAlert,
  localDateOf,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { raiseAlertOnce } from '../services/alerts/alerts.js';
import { goLiveLookup } from '../services/alerts/go-live.js';
import { triggerRaised } from '../services/alerts/triggers.js';
import { projectsUnder, ruleProject } from '../services/funds/funds.js';
import type { JobContext, JobResult } from './job.js';

export async function idleFundsSweep(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const today = localDateOf(now, scheme.timeZone);
  const counts = { scanned: 0, idle: 0, alertsRaised: 0, alreadyRaised: 0 };
  // Only projects whose planned completion + grace lies before today can be idle: a range of the list.
  const lastIdleCompletion = addDays(today, -(scheme.funds.idleGraceDays + 1));
  const goLive = await goLiveLookup(deps);
  for (const stored of await projectsUnder(deps, undefined, { from: '0', to: lastIdleCompletion })) {
    counts.scanned++;
    const rule = ruleProject(stored.data);
    const counted = { ...rule, plannedCompletion: countedFrom(rule.plannedCompletion, goLive(rule.unitId)) };
    const draft = idleFundsAlert(counted, today, scheme);
    if (!draft) continue;
    counts.idle++;
    if (await triggerRaised(deps, 'alert', draft.key)) {
      counts.alreadyRaised++;
      continue;
    }
    const p = stored.data;
    const alert: Alert = {
      id: deps.newId(),
      rule: draft.rule,
      alertKey: draft.key,
      subject: draft.subject,
      unitId: draft.unitId,
      notifyUnitId: draft.unitId,
      severity: 'warning',
      state: 'open',
      message: `资金趴账：${p.name}结余${fenToWan(draft.unspentFen)}万元，计划完工日期${p.plannedCompletion}已过`,
      raisedAt: at,
      version: 1,
    };
    if (await raiseAlertOnce(deps, alert, stored.unitPath ?? '', at)) counts.alertsRaised++;
    else counts.alreadyRaised++;
  }
  return { job: 'idle-funds', counts };
}
