/**
 * Automatic publication (DESIGN §4.2): `publishing.autoPublishDelayDays` (10) days after a quarter ends,
 * every peer group of it not yet published is published by the system — frozen snapshot, cards,
 * proposals. Idempotent: a group already published (by a supervisor earlier, or by an earlier run, or by
 * a run racing this one) is skipped. Looks back two quarters, so a missed day still publishes.
 * A quarter that ended before a unit's go-live is published as history: the schedule never asks for its
 * sanctions (publication.ts), so its cards are withheld (counted in `withheld`) and no case is proposed.
 *
 * 公示 (DESIGN §4.2): a group on notice is published only once its notice period is over and every
 * objection decided; until then the run skips it (`waiting`) and a later run publishes it. Chosen: where
 * the scheme requires a notice and nobody put a due group on notice, the schedule puts it on notice
 * itself (`noticed`) rather than publishing it directly or never — so the quarter is still published,
 * one notice period later than without one.
 */
import {
  assertNoticePublishable,
  formatInstant,
  isDomainError,
  localDateOf,
  noticePeriodOf,
  quartersDueForAutoPublish,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { noticeOf, startNotice } from '../services/rankings/notices.js';
import { publishGroup, snapshotHeadsOfQuarter } from '../services/rankings/publication.js';
import { groupKeyOf, peerGroups } from '../services/rankings/rankings.js';
import type { JobContext, JobResult } from './job.js';

export async function publishQuarter(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const at = formatInstant(now, scheme.timeZone);
  const counts = {
    quarters: 0,
    published: 0,
    alreadyPublished: 0,
    cards: 0,
    proposals: 0,
    withheld: 0,
    noticed: 0,
    waiting: 0,
  };
  const today = localDateOf(now, scheme.timeZone);
  const tree = await deps.units.tree();
  for (const quarter of quartersDueForAutoPublish(localDateOf(now, scheme.timeZone), scheme)) {
    counts.quarters++;
    const groups = peerGroups(tree, scheme, quarter);
    const done = new Set((await snapshotHeadsOfQuarter(deps, quarter)).map((h) => groupKeyOf(h.group)));
    for (const g of groups) {
      if (done.has(g.groupKey)) {
        counts.alreadyPublished++;
        continue;
      }
      const notice = await noticeOf(deps, quarter, g.groupKey);
      if (notice?.data.state === 'on_notice') {
        try {
          assertNoticePublishable(notice.data, today);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          counts.waiting++; // the period runs, or an objection waits for its decision
          continue;
        }
      } else if (!notice && noticePeriodOf(scheme)?.required) {
        await startNotice(deps, null, quarter, g.groupKey, at);
        counts.noticed++;
        continue;
      }
      try {
        const pub = await publishGroup(deps, null, quarter, g.groupKey, at);
        counts.published++;
        counts.cards += pub.cards.length;
        counts.proposals += pub.proposedCaseIds.length;
        counts.withheld += pub.withheldCardUnitIds.length;
      } catch (e) {
        // Published meanwhile (a supervisor, or another run): nothing left to do for this group.
        if (isDomainError(e) && e.code === 'ranking.alreadyPublished') counts.alreadyPublished++;
        else throw e;
      }
    }
  }
  return { job: 'publish-quarter', counts };
}
