/**
 * Repeated petitions (重复信访, DESIGN §4.3): the same petitioner (same match key) with the same matter
 * (same responsible unit AND category) has an EARLIER petition at most `repeatWindowDays` days before,
 * measured between their local received dates in the scheme's zone (180 days apart: repeated; 181: not).
 */
import { daysBetween, type Instant, instantMs } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { Scheme } from '../scheme/scheme.js';

export interface RepeatCandidate {
  id: string;
  petitionerKey: string;
  unitId: string;
  category: string;
  receivedAt: Instant;
}

/** Same petitioner and same matter. */
export const matterKey = (p: Pick<RepeatCandidate, 'petitionerKey' | 'unitId' | 'category'>): string =>
  JSON.stringify([p.petitionerKey, p.unitId, p.category]);

/** "Earlier" = earlier receivedAt instant; equal instants are ordered by id (chosen, so the order is total). */
export function comparePetitions(a: RepeatCandidate, b: RepeatCandidate): number {
  const d = instantMs(a.receivedAt) - instantMs(b.receivedAt);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * For every petition, the petition it repeats (the most recent earlier one of the same petitioner and
 * matter, when that one is within the window), or null. Since the window is measured back from the later
 * petition, the most recent earlier one is the only candidate: if it is out of the window, all are. The
 * result does not depend on the input order. Ids are unique (a later duplicate id replaces an earlier).
 */
export function classifyRepeats(
  petitions: readonly RepeatCandidate[],
  scheme: Scheme,
): Map<string, string | null> {
  const groups = new Map<string, RepeatCandidate[]>();
  const byId = new Map<string, RepeatCandidate>();
  for (const p of petitions) byId.set(p.id, p);
  for (const p of byId.values()) {
    const k = matterKey(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out = new Map<string, string | null>();
  const window = scheme.petitions.repeatWindowDays;
  for (const g of groups.values()) {
    g.sort(comparePetitions);
    let prev: { id: string; date: string } | null = null;
    for (const p of g) {
      const date = localDateOf(p.receivedAt, scheme.timeZone);
      out.set(p.id, prev !== null && daysBetween(prev.date, date) <= window ? prev.id : null);
      prev = { id: p.id, date };
    }
  }
  return out;
}

export interface RepeatUpdate {
  /** The new petition's repeatOf. */
  repeatOf: string | null;
  /** Existing petitions whose repeatOf changes because the new one was inserted before them, by id. */
  changed: { id: string; repeatOf: string | null }[];
}

/**
 * Incremental form for the store: the new petition's repeatOf and every existing petition whose repeatOf
 * changes (out-of-order ingestion puts the new one before a later one). `sameKeyPetitions` are the stored
 * petitions of the same petitioner key (other matters are ignored), with their stored `repeatOf` when
 * known — a stored value that differs from the recomputed one is reported too, so the store converges;
 * without it the value is recomputed from the group without the new petition. Re-ingesting a petition
 * with an id already present replaces it.
 */
export function repeatsAffectedBy(
  newPetition: RepeatCandidate,
  sameKeyPetitions: readonly (RepeatCandidate & { repeatOf?: string | null })[],
  scheme: Scheme,
): RepeatUpdate {
  const k = matterKey(newPetition);
  const existing = sameKeyPetitions.filter((p) => matterKey(p) === k && p.id !== newPetition.id);
  const before = classifyRepeats(existing, scheme);
  const after = classifyRepeats([...existing, newPetition], scheme);
  const changed: RepeatUpdate['changed'] = [];
  for (const p of existing) {
    const was = p.repeatOf !== undefined ? p.repeatOf : (before.get(p.id) ?? null);
    const now = after.get(p.id) ?? null;
    if (now !== was && !changed.some((c) => c.id === p.id)) changed.push({ id: p.id, repeatOf: now });
  }
  changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { repeatOf: after.get(newPetition.id) ?? null, changed };
}
