/**
 * Duplicate signals (DESIGN §4.5): a new signal with the same canonical URL OR the same text key as an
 * existing one is a repost of it — the caller adds 1 to the original's repostCount instead of storing a
 * new signal. An empty text key (a title of nothing but punctuation) never matches (chosen: it would make
 * every such signal one). Chosen when several existing signals match: a URL match wins over a text match,
 * then the smallest id (ULIDs: the oldest). The store should pass, as extra entries with the original's id,
 * the keys of reposts it folded in, so a repost of a repost is found too (the batch does the same).
 */
import type { SignalKeys } from './normalize-text.js';

export interface ExistingSignalKeys extends SignalKeys {
  id: string;
}

export interface DedupIndex {
  byUrl: Map<string, string>;
  byText: Map<string, string>;
}

const keep = (m: Map<string, string>, k: string, id: string) => {
  const cur = m.get(k);
  if (cur === undefined || id < cur) m.set(k, id);
};

export function buildDedupIndex(existing: Iterable<ExistingSignalKeys>): DedupIndex {
  const ix: DedupIndex = { byUrl: new Map(), byText: new Map() };
  for (const e of existing) {
    keep(ix.byUrl, e.canonicalUrl, e.id);
    if (e.textKey !== '') keep(ix.byText, e.textKey, e.id);
  }
  return ix;
}

const asIndex = (existing: DedupIndex | Iterable<ExistingSignalKeys>): DedupIndex =>
  'byUrl' in existing && 'byText' in existing
    ? existing
    : buildDedupIndex(existing as Iterable<ExistingSignalKeys>);

/** Match of one key set: 0 = by URL, 1 = by text (lower wins), and the existing id. */
function match(keys: SignalKeys, ix: DedupIndex): { rank: 0 | 1; id: string } | null {
  const u = ix.byUrl.get(keys.canonicalUrl);
  if (u !== undefined) return { rank: 0, id: u };
  const t = keys.textKey === '' ? undefined : ix.byText.get(keys.textKey);
  return t === undefined ? null : { rank: 1, id: t };
}

/** The id of the existing signal the new one duplicates, or null. */
export function findDuplicate(
  keys: SignalKeys,
  existing: DedupIndex | Iterable<ExistingSignalKeys>,
): string | null {
  return match(keys, asIndex(existing))?.id ?? null;
}

export type DedupOutcome =
  | { status: 'accepted' }
  | { status: 'duplicate'; of: { existingId: string } | { index: number } };

/**
 * Item by item for a batch: accepted, or a duplicate of an existing signal or of an earlier item of the
 * batch. Items sharing a key — directly or through other items (A shares the URL with B, B the text with
 * C) — form one group. A group with a member matching an existing signal is all duplicates of it (best
 * match over the group as in findDuplicate); otherwise its first item (lowest index) is accepted and the
 * others are duplicates of that index. So the grouping does not depend on the order; only which member
 * is "first" does. Two accepted items never share a key, and no accepted item shares one with `existing`.
 */
export function dedupBatch(
  items: readonly SignalKeys[],
  existing: DedupIndex | Iterable<ExistingSignalKeys>,
): DedupOutcome[] {
  const ix = asIndex(existing);
  const parent = items.map((_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    for (let c = x; c !== r; ) {
      const next = parent[c]!;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the root is the lowest index
  };
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    for (const k of [`u:${it.canonicalUrl}`, it.textKey === '' ? null : `t:${it.textKey}`]) {
      if (k === null) continue;
      const j = seen.get(k);
      if (j === undefined) seen.set(k, i);
      else union(i, j);
    }
  });
  const best = new Map<number, { rank: 0 | 1; id: string }>();
  items.forEach((it, i) => {
    const m = match(it, ix);
    if (m === null) return;
    const r = find(i);
    const cur = best.get(r);
    if (!cur || m.rank < cur.rank || (m.rank === cur.rank && m.id < cur.id)) best.set(r, m);
  });
  return items.map((_, i) => {
    const r = find(i);
    const m = best.get(r);
    if (m) return { status: 'duplicate', of: { existingId: m.id } };
    return r === i ? { status: 'accepted' } : { status: 'duplicate', of: { index: r } };
  });
}
