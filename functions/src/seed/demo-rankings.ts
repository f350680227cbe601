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
import { officerOf } from './demo-org.js';
import { AMENDMENT, DEMO_END, DEMO_START, NOTICE } from './demo-story.js';

const PUBLISHER = 'city-supervisor';

export interface RankingTally {
  published: number;
  quarters: number;
  cards: number;
  proposals: number;
  amendments: number;
  withdrawn: number;
  /** Groups put on notice (公示) and objections filed (left pending). */
  noticed: number;
  objections: number;
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
    noticed: 0,
    objections: 0,
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
        if (quarter === NOTICE.quarter && groupKey === NOTICE.groupKey) continue; // goes on notice instead
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
  planNotice(agenda, api, tally);
  return tally;
}

interface DemoNotice {
  notice: { id: string; ranking: { rows: { unitId: string; carded: boolean; score: RowScore }[] } };
}
interface RowScore {
  rectification: { openOverdue: number };
  findings: { general: number; serious: number; grave: number };
  petitions: { received: number };
}

/** The quarter on notice with one objection pending (NOTICE in demo-story.ts). */
function planNotice(agenda: Agenda, api: ApiClient, tally: RankingTally) {
  let noticeId: string | null = null;
  let bottom: DemoNotice['notice']['ranking']['rows'][number] | undefined;
  agenda.on(NOTICE.noticeOn, 'rankings', '', async () => {
    await api.amendScheme((scheme) => ({
      publishing: {
        ...(scheme.publishing as object),
        noticePeriod: { workingDays: NOTICE.workingDays, required: false },
      },
    }));
    const res = await api.call<DemoNotice>(PUBLISHER, 'POST', '/api/v1/rankings/notices', {
      quarter: NOTICE.quarter,
      groupKey: NOTICE.groupKey,
    });
    if (!res.ok) return;
    tally.noticed++;
    noticeId = res.body.notice.id;
    bottom = res.body.notice.ranking.rows.findLast((r) => officerOf(r.unitId) !== null);
  });
  agenda.on(NOTICE.objectOn, 'rankings', '', async () => {
    const officer = bottom ? officerOf(bottom.unitId) : null;
    if (!noticeId || !bottom || !officer) return;
    const s = bottom.score;
    // The input it disputes: an open overdue rectification if it has one, else a finding, else a petition.
    const [dimension, input, value] =
      s.rectification.openOverdue > 0
        ? ['rectification', 'rectOpenOverdue', s.rectification.openOverdue]
        : s.findings.general > 0
          ? ['findings', 'findings.general', s.findings.general]
          : ['petitions', 'petitions.received', s.petitions.received];
    const res = await api.call(officer, 'POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      unitId: bottom.unitId,
      dimension,
      input,
      claimedValue: Math.max(0, value - 1),
      reason: '其中一项已于季度末前整改到位并经乡镇复核，系台账未及时更新，请予核减',
    });
    if (res.ok) tally.objections++;
  });
}

function count(tally: RankingTally, pub: Publication) {
  tally.cards += pub.cards.length;
  tally.proposals += pub.proposedCaseIds.length;
}
