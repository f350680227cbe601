/**
 * Publishing a quarter's ranking of one peer group (DESIGN §4.2): the inputs (the aggregates) and the
 * outputs are frozen into a snapshot with a content hash; only then are cards issued and, for a unit
 * carded in consecutive quarters, an accountability case proposed (once per trigger). A published
 * snapshot is never edited: an amendment supersedes it, naming it and why; both stay visible, and the
 * cards follow the amendment (those of the superseded snapshot are withdrawn, the amendment issues its own).
 *
 * Go-live (DESIGN §4.7): a quarter whose last day lies before a unit's go-live (the core's goLiveOf /
 * whollyBeforeGoLive) is history for that unit. It is ranked and frozen like any other — the snapshot
 * keeps which rows the ranking carded — but its cards are not issued and, with no card, no consecutive-
 * card case is proposed, unless the supervisor says `sanctions: true` for that publication (or
 * amendment). The schedule never does (p null: no request). Chosen per unit, not per group, because a
 * scheme may list go-live dates below a group's parent (one township moved in later than its county);
 * `sanctions` given for a quarter that is history for no unit of the group is refused
 * (`ranking.sanctionsOnLiveQuarter`) — it would otherwise read as a way to withhold live cards.
 */

import {
  assertDirectPublicationAllowed,
  assertNoticePublishable,
  assertPublishable,
  assertQuarterEnded,
  buildSnapshot,
  cardsFromSnapshot,
  caseDecideBy,
  correctedInputs,
  DomainError,
  goLiveOf,
  latestEffective,
  localDateOf,
  type Notice,
  noticeChanges,
  type Objection,
  parseQuarter,
  proposeForConsecutiveCards,
  quarterBounds,
  type Ranking,
  type RankingSnapshot,
  rankAggregates,
  type SnapshotNotice,
  type UnitQuarterAggregate,
  whollyBeforeGoLive,
} from '@jiandu/shared';
import type {
  Publication,
  SnapshotList,
  SnapshotSummary,
  SnapshotView,
  UnitHistory,
} from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { keys, partitions } from '../../store/keys.js';
import { type Actor, type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import { readPartition } from '../../store/table-ops.js';
import { MAX_TX_ITEMS, Tx, TxCancelled } from '../../store/tx.js';
import { triggerRaised } from '../alerts/triggers.js';
import { PROPOSAL_TX_ITEMS, proposedCase, writeCaseProposal } from '../cases/cases.js';
import { scopeOf } from '../org/jurisdiction.js';
import { tenuresOf } from '../org/org.js';
import { CARD_TX_ITEMS, cardsOfUnit, writeNewCard, writeWithdrawal } from './cards.js';
import { noticeOf, writeNotice } from './notices.js';
import {
  groupInputs,
  groupKeyOf,
  groupVisibility,
  type PeerGroup,
  peerGroups,
  rankInputs,
  readAggregates,
  visibleGroup,
} from './rankings.js';

type SnapshotHead = Pick<
  RankingSnapshot,
  'id' | 'quarter' | 'group' | 'publishedAt' | 'publishedBy' | 'supersedes' | 'reason' | 'contentHash'
>;

/** A summary of `s` among the snapshots of its quarter and group. */
export function summarize(s: SnapshotHead, siblings: readonly SnapshotHead[]): SnapshotSummary {
  const effective = latestEffective(siblings as RankingSnapshot[]);
  return {
    id: s.id,
    quarter: s.quarter,
    groupKey: groupKeyOf(s.group),
    group: s.group,
    publishedAt: s.publishedAt,
    publishedBy: s.publishedBy,
    supersedes: s.supersedes,
    reason: s.reason,
    contentHash: s.contentHash,
    effective: effective?.id === s.id,
    supersededBy: siblings.find((x) => x.supersedes === s.id)?.id ?? null,
  };
}

/** Snapshots of a quarter and group, oldest first. */
export async function snapshotsOf(
  deps: Deps,
  quarter: string,
  groupKey: string,
): Promise<StoredRecord<RankingSnapshot>[]> {
  return deps.store.queryIndex<RankingSnapshot>(partitions.snapshots(quarter, groupKey));
}

/** Heads (no rows, no inputs) of every snapshot of a quarter, from the type list: one query. */
export async function snapshotHeadsOfQuarter(deps: Deps, quarter: string): Promise<SnapshotHead[]> {
  const fields = [
    'id',
    'quarter',
    'group',
    'publishedAt',
    'publishedBy',
    'supersedes',
    'reason',
    'contentHash',
  ];
  const items = await readPartition(deps, partitions.list('snapshot'), {
    skBetween: [`${quarter}#`, `${quarter}#\uffff`],
    attributes: fields.map((f) => `data.${f}`),
  });
  return items.map((item) => item.data as SnapshotHead);
}

/** A few transaction items that belong together (a card, a withdrawal, a proposal). */
interface Piece {
  size: number;
  write: (tx: Tx) => void;
}

interface FreezeInput {
  g: PeerGroup;
  quarter: string;
  supersedes: StoredRecord<RankingSnapshot> | null;
  reason: string | null;
  actor: Actor;
  at: string;
  /** The supervisor's `sanctions` for a pre-go-live quarter (undefined: not said; the schedule). */
  sanctions: boolean | undefined;
  /** The notice the quarter went through (a first publication only): its corrected draft is published. */
  notice?: StoredRecord<Notice>;
}

async function freezeAndIssue(deps: Deps, input: FreezeInput): Promise<Publication> {
  const { g, quarter, actor, at } = input;
  const scheme = await deps.scheme();
  const existing = (await snapshotsOf(deps, quarter, g.groupKey)).map((s) => s.data);
  assertPublishable(existing, { quarter, group: g.group, supersedes: input.supersedes?.id ?? null });
  const notice = input.notice;
  let inputs: UnitQuarterAggregate[];
  let ranking: Ranking;
  let kept: SnapshotNotice | undefined;
  if (notice) {
    // Published from its notice: the frozen draft with the upheld objections' corrections — not the
    // aggregates of today — and the snapshot keeps the objections, decisions and what they changed.
    const objections = (
      await Promise.all(notice.data.objections.map((o) => deps.store.get<Objection>('objection', o.id)))
    ).flatMap((o) => (o ? [o.data] : []));
    inputs = correctedInputs(notice.data, new Map(objections.map((o) => [o.id, o])));
    ranking = rankAggregates(notice.data.ranking, inputs, scheme);
    kept = {
      noticeId: notice.id,
      draftHash: notice.data.contentHash,
      startedAt: notice.data.startedAt,
      endsOn: notice.data.endsOn,
      objections,
      corrections: notice.data.corrections,
      changes: noticeChanges(notice.data.ranking, ranking),
    };
  } else {
    inputs = groupInputs(g, quarter, await readAggregates(deps, quarter));
    ranking = rankInputs(g, quarter, inputs, scheme);
  }
  const tree = await deps.units.tree();
  const lastDay = quarterBounds(parseQuarter(quarter)).last;
  const history = new Set(
    ranking.rows
      .map((r) => r.unitId)
      .filter((u) => whollyBeforeGoLive(lastDay, goLiveOf(tree, u, scheme.migration))),
  );
  if (input.sanctions !== undefined && history.size === 0)
    throw new DomainError(
      'ranking.sanctionsOnLiveQuarter',
      `${quarter} did not end before the go-live of any unit of ${g.groupKey}: its cards are issued as always`,
      { field: 'sanctions' },
    );
  const issues = (unitId: string) => !history.has(unitId) || input.sanctions === true;
  const snapshot = buildSnapshot({
    id: deps.newId(),
    ranking,
    inputs,
    publishedAt: at,
    publishedBy: actor.id,
    supersedes: input.supersedes?.data ?? null,
    reason: input.reason,
    ...(kept ? { notice: kept } : {}),
  });
  const parentPath = (await deps.units.pathOf(g.group.parentUnitId)) ?? '';

  const main = new Tx(deps.tableName);
  deps.store.write(main, {
    type: 'snapshot',
    id: snapshot.id,
    before: null,
    data: snapshot,
    index: {
      unitPath: parentPath,
      listSort: `${quarter}#${g.groupKey}#${at}`,
      extra: {
        ...keys.snapshotIndex(quarter, g.groupKey, at, snapshot.id),
        ...keys.snapshotsOfGroup(g.groupKey, quarter, at, snapshot.id),
        quarter,
        groupKey: g.groupKey,
      },
    },
    actor,
    at,
    action: input.supersedes ? 'ranking.amend' : 'ranking.publish',
    // The supervisor's word that a pre-go-live quarter sanctions is kept in the publication's event.
    reason:
      input.reason ??
      (input.sanctions === true
        ? 'sanctions: pre-go-live quarter, cards and proposals issued on request'
        : null),
  });
  const slot = input.supersedes ? `amends#${input.supersedes.id}` : 'first';
  main.putNew('publication', { ...keys.publication(quarter, g.groupKey, slot), snapshotId: snapshot.id });
  if (notice) {
    const published: Notice = { ...notice.data, state: 'published', publishedSnapshotId: snapshot.id };
    await writeNotice(deps, main, notice, published, actor, at, 'notice.publish', {
      before: { state: notice.data.state },
      after: { state: 'published', snapshotId: snapshot.id, contentHash: snapshot.contentHash },
    });
  }

  const pieces: Piece[] = [];
  // The superseded snapshot's cards are withdrawn; the amendment issues its own.
  const withdrawnCardIds: string[] = [];
  if (input.supersedes) {
    const old = input.supersedes.data;
    for (const row of old.ranking.rows.filter((r) => r.carded)) {
      for (const c of await cardsOfUnit(deps, row.unitId)) {
        if (c.data.snapshotId !== old.id || c.data.withdrawn) continue;
        withdrawnCardIds.push(c.id);
        const withdrawn = { snapshotId: snapshot.id, at, reason: input.reason ?? '' };
        pieces.push({ size: CARD_TX_ITEMS, write: (tx) => writeWithdrawal(deps, tx, c, withdrawn, actor) });
      }
    }
  }
  const carded = cardsFromSnapshot(snapshot, () => deps.newId(), at);
  const cards = carded.filter((c) => issues(c.unitId));
  const withheldCardUnitIds = carded.filter((c) => !issues(c.unitId)).map((c) => c.unitId);
  const proposedCaseIds: string[] = [];
  for (const card of cards) {
    const unitPath = (await deps.units.pathOf(card.unitId)) ?? '';
    pieces.push({ size: CARD_TX_ITEMS, write: (tx) => writeNewCard(deps, tx, card, unitPath, actor, at) });
    const prior = (await cardsOfUnit(deps, card.unitId)).filter(
      (c) => c.data.withdrawn === null && c.data.quarter !== quarter,
    );
    const proposal = proposeForConsecutiveCards({
      unitId: card.unitId,
      quarters: [...prior.map((c) => c.data.quarter), quarter],
      cardIds: [...prior.map((c) => c.id), card.id],
      tenures: await tenuresOf(deps, card.unitId),
      scheme,
    });
    if (!proposal || (await triggerRaised(deps, 'case', proposal.triggerKey))) continue;
    const c = proposedCase(
      deps.newId(),
      proposal.triggerKey,
      proposal.trigger,
      proposal.subjects,
      at,
      caseDecideBy(at, scheme),
    );
    proposedCaseIds.push(c.id);
    pieces.push({
      size: PROPOSAL_TX_ITEMS,
      write: (tx) => writeCaseProposal(deps, tx, c, unitPath, actor, at),
    });
  }

  // The snapshot and as many pieces as fit go in one transaction; the rest (a group with very many
  // units tied at the bottom) follow in further transactions.
  const txs = [main];
  for (const piece of pieces) {
    let tx = txs[txs.length - 1]!;
    if (tx.size + piece.size > MAX_TX_ITEMS) {
      tx = new Tx(deps.tableName);
      txs.push(tx);
    }
    piece.write(tx);
  }
  try {
    await main.commit(deps.doc);
  } catch (e) {
    // Another publication of the same slot won the race.
    if (e instanceof TxCancelled && e.failedLabels().includes('publication'))
      throw new DomainError(
        input.supersedes ? 'ranking.alreadySuperseded' : 'ranking.alreadyPublished',
        `${quarter} ${g.groupKey} was published meanwhile`,
      );
    throw e;
  }
  for (const tx of txs.slice(1)) await tx.commit(deps.doc);

  const siblings = [...existing, snapshot];
  return {
    snapshot: summarize(snapshot, siblings),
    cards: cards.map((c) => ({ ...c, withdrawn: null })),
    withdrawnCardIds,
    proposedCaseIds,
    withheldCardUnitIds,
  };
}

/** Supervisors publish groups whose parent unit is in their jurisdiction; the schedule (p null) any. */
async function publishableGroup(
  deps: Deps,
  p: Principal | null,
  groupKey: string,
  quarter: string,
): Promise<PeerGroup> {
  const g = await visibleGroup(deps, p, groupKey, quarter);
  if (p) {
    assertCan(p, 'ranking.publish');
    const parent = (await deps.units.pathOf(g.group.parentUnitId)) ?? '';
    if (!parent.startsWith(await scopeOf(deps, p)))
      throw new EdgeError('auth.forbidden', 'the group’s parent unit is outside your jurisdiction', {
        field: 'groupKey',
      });
  }
  return g;
}

export async function publishGroup(
  deps: Deps,
  p: Principal | null,
  quarter: string,
  groupKey: string,
  at: string,
  sanctions?: boolean,
): Promise<Publication> {
  const g = await publishableGroup(deps, p, groupKey, quarter);
  assertQuarterEnded(quarter, localDateOf(at, (await deps.scheme()).timeZone));
  const scheme = await deps.scheme();
  const today = localDateOf(at, scheme.timeZone);
  const actor: Actor = p ? { id: p.id, role: 'supervisor' } : SYSTEM_ACTOR;
  // The schedule (p null) never says sanctions: a pre-go-live quarter it publishes is history only.
  const said = p ? sanctions : undefined;
  // 公示: a quarter on notice is published from its notice once the period is over and every objection
  // decided; one never put on notice is published directly unless the scheme requires a notice.
  const notice = await noticeOf(deps, quarter, g.groupKey);
  if (notice?.data.state === 'on_notice') assertNoticePublishable(notice.data, today);
  else if (!notice) assertDirectPublicationAllowed(scheme);
  return freezeAndIssue(deps, {
    g,
    quarter,
    supersedes: null,
    reason: null,
    actor,
    at,
    sanctions: said,
    ...(notice?.data.state === 'on_notice' ? { notice } : {}),
  });
}

export async function amendSnapshot(
  deps: Deps,
  p: Principal,
  snapshotId: string,
  reason: string,
  at: string,
  sanctions?: boolean,
): Promise<Publication> {
  const old = await deps.store.get<RankingSnapshot>('snapshot', snapshotId);
  if (!old) throw notFound('snapshot');
  const g = await publishableGroup(deps, p, groupKeyOf(old.data.group), old.data.quarter).catch(
    (e: unknown) => {
      throw e instanceof EdgeError && e.code === 'record.notFound' ? notFound('snapshot') : e;
    },
  );
  const actor: Actor = { id: p.id, role: 'supervisor' };
  return freezeAndIssue(deps, {
    g,
    quarter: old.data.quarter,
    supersedes: old,
    reason,
    actor,
    at,
    sanctions,
  });
}

/** One snapshot, whole, with its place among the snapshots of its quarter and group. */
export async function getSnapshot(deps: Deps, p: Principal, id: string): Promise<SnapshotView> {
  const s = await deps.store.get<RankingSnapshot>('snapshot', id);
  if (!s) throw notFound('snapshot');
  const groupKey = groupKeyOf(s.data.group);
  const visible = await groupVisibility(deps, p);
  const g = peerGroups(await deps.units.tree(), await deps.scheme(), s.data.quarter).find(
    (x) => x.groupKey === groupKey,
  );
  // A snapshot of a group the tree no longer forms is visible to whoever holds its parent unit.
  const parentPath = await deps.units.pathOf(s.data.group.parentUnitId);
  const seen = g ? visible(g) : parentPath?.startsWith(await scopeOf(deps, p));
  if (!seen) throw notFound('snapshot');
  const siblings = (await snapshotsOf(deps, s.data.quarter, groupKey)).map((x) => x.data);
  return { ...s.data, ...summarize(s.data, siblings) };
}

/** Summaries of the snapshots of a quarter (one group, or every group the caller sees). */
export async function listSnapshots(
  deps: Deps,
  p: Principal,
  quarter: string,
  groupKey?: string,
): Promise<SnapshotList> {
  const heads = groupKey
    ? (await snapshotsOf(deps, quarter, (await visibleGroup(deps, p, groupKey, quarter)).groupKey)).map(
        (s) => s.data,
      )
    : await snapshotHeadsOfQuarter(deps, quarter);
  const visible = await groupVisibility(deps, p);
  const groups = new Map(
    peerGroups(await deps.units.tree(), await deps.scheme(), quarter).map((g) => [g.groupKey, g]),
  );
  const byGroup = new Map<string, SnapshotHead[]>();
  for (const h of heads) {
    const k = groupKeyOf(h.group);
    const g = groups.get(k);
    if (!g || !visible(g)) continue;
    byGroup.set(k, [...(byGroup.get(k) ?? []), h]);
  }
  const items = [...byGroup.values()].flatMap((sibs) => sibs.map((s) => summarize(s, sibs)));
  items.sort((a, b) =>
    a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : a.publishedAt < b.publishedAt ? -1 : 1,
  );
  return { quarter, items };
}

/** A unit's published ranks across quarters (the snapshot in force of each quarter), oldest first. */
export async function unitHistory(deps: Deps, p: Principal, unitId: string): Promise<UnitHistory> {
  const tree = await deps.units.tree();
  const scheme = await deps.scheme();
  if (!tree.has(unitId)) throw notFound('unit');
  const ref = tree.peerGroupOf(unitId, scheme.peerGroups);
  const g = ref ? peerGroups(tree, scheme).find((x) => x.groupKey === groupKeyOf(ref)) : undefined;
  const unitPath = (await deps.units.pathOf(unitId)) ?? '';
  const scope = await scopeOf(deps, p);
  const seen = g ? (await groupVisibility(deps, p))(g) : unitPath.startsWith(scope);
  if (!seen) throw notFound('unit');
  if (!g) return { unitId, groupKey: null, items: [] };
  const all = await deps.store.queryIndex<RankingSnapshot>(partitions.snapshotsOfGroup(g.groupKey));
  const byQuarter = new Map<string, RankingSnapshot[]>();
  for (const s of all) byQuarter.set(s.data.quarter, [...(byQuarter.get(s.data.quarter) ?? []), s.data]);
  const items: UnitHistory['items'] = [];
  for (const [quarter, sibs] of [...byQuarter.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = latestEffective(sibs);
    const row = s?.ranking.rows.find((r) => r.unitId === unitId);
    if (!s || !row) continue;
    items.push({
      quarter,
      snapshotId: s.id,
      rank: row.rank,
      groupSize: s.ranking.rows.length,
      total: row.score.total,
      carded: row.carded,
      amended: s.supersedes !== null,
    });
  }
  return { unitId, groupKey: g.groupKey, items };
}
