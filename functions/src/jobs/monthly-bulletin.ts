/**
 * The monthly bulletin (通报每月工作进度, seed 001): on the scheme's day of each month
 * (`bulletins.dayOfMonth`) the bulletin of the month before is issued for every city and county — the
 * levels whose supervision offices (扶贫办/督查室) issue them. Catches up: a month whose day passed
 * while the stack was off is issued at the next run. Idempotent: the record of a month and unit is put
 * only if new, so a second run issues nothing.
 */
import { localDateOf, monthsDueForBulletin } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { issueBulletin } from '../services/bulletins/issue.js';
import { keys } from '../store/keys.js';
import type { JobContext, JobResult } from './job.js';

/** Chosen: bulletins are issued for these unit kinds (DESIGN leaves the scope units open). */
export const BULLETIN_SCOPE_KINDS = new Set(['city', 'county']);

export async function monthlyBulletinJob(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const today = localDateOf(now, scheme.timeZone);
  const counts = { months: 0, scopes: 0, issued: 0, alreadyIssued: 0 };
  const tree = await deps.units.tree();
  const scopes = [...tree.byId.values()].filter((u) => BULLETIN_SCOPE_KINDS.has(u.kind));
  for (const month of monthsDueForBulletin(today, scheme)) {
    counts.months++;
    for (const unit of scopes) {
      counts.scopes++;
      if (await deps.store.getItem('bulletin', keys.bulletinId(month, unit.id))) {
        counts.alreadyIssued++;
        continue;
      }
      const path = await deps.units.pathOf(unit.id);
      if (!path) continue;
      try {
        await issueBulletin(deps, { kind: 'system' }, month, unit.id, path, now);
        counts.issued++;
      } catch (e) {
        if (!(e instanceof EdgeError && e.code === 'conflict.duplicate')) throw e;
        counts.alreadyIssued++;
      }
    }
  }
  return { job: 'monthly-bulletin', counts };
}
