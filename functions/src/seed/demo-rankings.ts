/**
 * The demo's published rankings: ten days after each quarter of the period ends, the city's supervisor
 * reads the draft (every peer group it sees) and publishes each group — the API freezes the snapshot,
 * issues the pre-yellow cards and, for a unit carded in two consecutive quarters, proposes the case. One
 * published ranking is amended later, with its reason, after a township's actuals were corrected.
 */
import {
  addDays,
  quarterBounds,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterOfDate,
  type Scheme,
} from '@jiandu/shared';
import type { Agenda } from './demo-agenda.js';
import type { ApiClient } from './demo-api.js';
import { AMENDMENT, DEMO_END, DEMO_START } from './demo-story.js';

const PUBLISHER = 'city-supervisor';

export interface RankingTally {
  published: number;
  quarters: number;
  cards: number;
  proposals: number;
  amendments: number;
  withdrawn: number;
}

interface Publication {
  snapshot: { id: string; groupKey: string };
  cards: unknown[];
  withdrawnCardIds: string[];
  proposedCaseIds: string[];
}

/** `scheme`: the one in force, whose publishing delay (10 days, DESIGN §4.2) sets the days. */
export function planRankings(agenda: Agenda, api: ApiClient, scheme: Scheme): RankingTally {
  const tally: RankingTally = {
    published: 0,
    quarters: 0,
    cards: 0,
    proposals: 0,
    amendments: 0,
    withdrawn: 0,
  };
  const snapshots = new Map<string, string>();
  const first = quarterIndex(quarterOfDate(DEMO_START));
  for (let i = first; ; i++) {
    const q = quarterFromIndex(i);
    const quarter = quarterKey(q);
    const on = addDays(quarterBounds(q).last, scheme.publishing.autoPublishDelayDays);
    if (on > DEMO_END) break;
    agenda.on(on, 'rankings', '', async () => {
      const draft = await api.call<{ groups: { groupKey: string }[] }>(
        PUBLISHER,
        'GET',
        `/api/v1/rankings/draft?quarter=${quarter}`,
      );
      if (!draft.ok) return;
      tally.quarters++;
      for (const { groupKey } of draft.body.groups) {
        const res = await api.call<Publication>(PUBLISHER, 'POST', '/api/v1/rankings/publish', {
          quarter,
          groupKey,
        });
        if (!res.ok) continue;
        tally.published++;
        count(tally, res.body);
        snapshots.set(`${quarter} ${groupKey}`, res.body.snapshot.id);
      }
    });
  }
  agenda.on(AMENDMENT.amendedOn, 'rankings', '', async () => {
    const snapshotId = snapshots.get(`${AMENDMENT.quarter} ${AMENDMENT.groupKey}`);
    if (!snapshotId) return;
    const res = await api.call<Publication>(PUBLISHER, 'POST', '/api/v1/rankings/amend', {
      snapshotId,
      reason: AMENDMENT.reason,
    });
    if (!res.ok) return;
    tally.amendments++;
    tally.withdrawn += res.body.withdrawnCardIds.length;
    count(tally, res.body);
  });
  return tally;
}

function count(tally: RankingTally, pub: Publication) {
  tally.cards += pub.cards.length;
  tally.proposals += pub.proposedCaseIds.length;
}
