/**
 * Which published snapshot of a quarter and group is in force: the one no other supersedes. Both the
 * original and its amendments stay visible (DESIGN §4.2); this only picks the effective one.
 */
import { instantMs } from '../calendar/local-date.js';
import type { QuarterKey } from '../calendar/quarter.js';
import { DomainError } from '../errors/index.js';
import type { PeerGroupRef, RankingSnapshot } from '../schemas/ranking.js';
import { sameGroup } from './snapshot.js';

/**
 * The snapshot of `snapshots` (one quarter and group) that no other supersedes; null when there is none.
 * Chosen: should several stand unsuperseded (two amendments of the same snapshot, or mixed groups passed
 * in), the latest published wins, then the greater id, so the answer never depends on the input order.
 */
export function latestEffective(snapshots: readonly RankingSnapshot[]): RankingSnapshot | null {
  const superseded = new Set(snapshots.map((s) => s.supersedes).filter((id) => id !== null));
  const standing = snapshots.filter((s) => !superseded.has(s.id));
  let best: RankingSnapshot | null = null;
  for (const s of standing) {
    if (best === null) {
      best = s;
      continue;
    }
    const d = instantMs(s.publishedAt) - instantMs(best.publishedAt);
    if (d > 0 || (d === 0 && s.id > best.id)) best = s;
  }
  return best;
}

/**
 * Guards a publication against the snapshots already published: a first publication of a quarter and
 * group that already has one is `ranking.alreadyPublished` (publish an amendment instead); an amendment
 * must supersede the snapshot in force, not one already superseded (`ranking.alreadySuperseded`), and
 * there must be one (`ranking.supersedesMissing`).
 */
export function assertPublishable(
  existing: readonly RankingSnapshot[],
  target: { quarter: QuarterKey; group: PeerGroupRef; supersedes: string | null },
): void {
  const same = existing.filter((s) => s.quarter === target.quarter && sameGroup(s.group, target.group));
  if (target.supersedes === null) {
    if (same.length > 0)
      throw new DomainError('ranking.alreadyPublished', `${target.quarter} is already published`, {
        details: { snapshotId: latestEffective(same)?.id },
      });
    return;
  }
  const effective = latestEffective(same);
  if (effective === null)
    throw new DomainError('ranking.supersedesMissing', 'nothing published to amend', { field: 'supersedes' });
  if (effective.id !== target.supersedes)
    throw new DomainError('ranking.alreadySuperseded', 'amend the snapshot in force', {
      field: 'supersedes',
      details: { effective: effective.id },
    });
}
