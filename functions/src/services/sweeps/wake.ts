/**
 * The sweeps' wake list (index `wake`, ACCESS-PATTERNS "Sweeps: what is due, not every open record"). Every write
 * of an open matter puts it on the list due at the write's instant (record-store, list-index `SWEPT`); a
 * sweep reads the entries due by now from the ROOT_SHARDS shards, does what is due, works out with the
 * scheme the instant it next has something to do with each matter, and keys the entry there — or takes it
 * off when nothing is left (every step of its ladder done). So a daily sweep reads what was written since
 * it last ran and what crosses a threshold now, whatever the number of open records.
 *
 * A new scheme (other ladders, SLA days, time zone, go-live dates) moves the instants: the first run under
 * it reads every open matter once (from the due list jd1, which holds them all) and re-keys each, then
 * records the scheme it keyed with. A unit that moves puts its matters on the list due at once (its
 * go-live may come from new ancestors). Every race errs early: a write racing a re-key wins (the re-key
 * is conditioned on the version read) and leaves the matter due now, read again by the next run.
 */
import { createHash } from 'node:crypto';
import type { Scheme } from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { keys, partitions, type RecordType } from '../../store/keys.js';
import { putItem, shardItems, updateAtVersion } from '../../store/table-ops.js';

type Item = Record<string, unknown>;

/** What a sweep keys its instants with: the scheme, whole (any change of it may move them). */
export const schemeFingerprint = (scheme: Scheme): string =>
  createHash('sha256').update(JSON.stringify(scheme)).digest('hex');

export interface DueMatters {
  /**
   * The state items of the matters due by now (all open ones when `full`), shard by shard, a page read
   * when the one before has been worked through: a full pass over a province's open matters is never
   * in memory at once.
   */
  items: AsyncIterable<Item>;
  /** True when the scheme changed since the last keying: every open matter was read. */
  full: boolean;
  /** Records that this scheme's instants are now keyed (after a full pass was worked through). */
  keyed: () => Promise<void>;
}

/** The matters of `type` a sweep (`job`) has something to do with at `nowMs`. */
export async function dueMatters(
  deps: Deps,
  type: RecordType,
  job: string,
  nowMs: number,
): Promise<DueMatters> {
  const fingerprint = schemeFingerprint(await deps.scheme());
  const marker = keys.sweepKeyed(job);
  const last = await deps.store.item(marker);
  const full = last?.scheme !== fingerprint;
  // A re-key moves an entry after now (nextMs > now), out of the range still to be read: no matter is
  // met twice, none is skipped.
  return {
    items: full
      ? shardItems(deps, partitions.dueShards(type))
      : shardItems(deps, partitions.wakeShards(type), { skUpTo: keys.wakeUpTo(nowMs) }),
    full,
    keyed: async () => {
      if (full) await putItem(deps, { ...marker, scheme: fingerprint, job });
    },
  };
}

/**
 * Keys a matter's wake entry at `nextMs` (null: off the list), if the item is still at the version read.
 * Nothing is written when the entry is already there.
 */
export async function rekey(deps: Deps, item: Item, nextMs: number | null): Promise<void> {
  const type = item.type as RecordType;
  const id = String(item.id);
  const key = { pk: String(item.pk), sk: String(item.sk) };
  const version = Number(item.version);
  if (nextMs === null) {
    if (item.jwpk !== undefined) await updateAtVersion(deps, key, version, {}, ['jwpk', 'jwsk']);
    return;
  }
  const wake = keys.wake(type, id, nextMs);
  if (item.jwpk === wake.jwpk && item.jwsk === wake.jwsk) return;
  await updateAtVersion(deps, key, version, wake, []);
}
