/**
 * The list index attributes of a record (ACCESS-PATTERNS "Lists"), derived in ONE place from the record's
 * type, id, data, list sort value and unit path: the record store writes them with every state item, the
 * rebuild re-derives them for items written under older keys, and a unit that moves re-indexes its
 * records by calling `indexAttributes` with the new path.
 */
import { searchKey } from '@jiandu/shared';
import { keys, LIST_LEVELS, type RecordType, rootShardOf, STATE_SK } from './keys.js';

/**
 * Types whose records arrive by the hundred thousand a year (or in bursts): they are listed only through
 * the jurisdiction lists, never on a type-wide gsi1 partition (that partition would take every write of
 * the type in the country). The other types (units, schemes, snapshots, indicators, accounts …) are a few
 * thousand items written by administrators and keep gsi1 as well, for their readers of the whole type.
 */
export const JURISDICTION_ONLY: ReadonlySet<RecordType> = new Set<RecordType>([
  'finding',
  'petition',
  'signal',
  'rectification',
  'alert',
  'case',
  'card',
  'fund_entry',
  'delivery',
  'oplog',
]);

/** The free-text fields keyword search reads, per type (titles and descriptions, issue 17). */
export const SEARCH_FIELDS: Partial<Record<RecordType, readonly string[]>> = {
  rectification: ['title', 'description'],
  finding: ['title', 'description'],
  petition: ['matter'],
  signal: ['title', 'excerpt'],
  case: ['decisionNote', 'dismissReason'],
  alert: ['message'],
};

/** The attribute holding a record's normalized search text. */
export const SEARCH_ATTR = 'qtext';
/** The attribute holding a record's list sort value (so the lists can be re-derived without the caller). */
export const SORT_ATTR = 'lsort';
/** The attribute holding an open record's due day (the due lists' sort value; absent once it closes). */
export const DUE_ATTR = 'dsort';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/**
 * The due day of an open record, per type, from its own data (so writes and the rebuild derive the same):
 * the day the clock running now ends, as its light counts it (lights/lights.ts). A rectification not
 * closed: its deadline (an approved extension included). A petition received: its acceptance day;
 * accepted: its handling day (its extension included); a case not yet decided: its decision day — the
 * days stored on it, which a later scheme change does not move. None once closed or decided (the record
 * leaves the due lists).
 */
export const DUE_OF: Partial<Record<RecordType, (data: Data) => string | undefined>> = {
  rectification: (r) => (r.state === 'closed' ? undefined : str(r.deadline)),
  petition: (p) =>
    p.state === 'received' ? str(p.acceptDue) : p.state === 'accepted' ? str(p.handleDue) : undefined,
  // A case proposed or under review: the day its decision is due (kept since it was proposed).
  case: (c) => (c.state === 'proposed' || c.state === 'under_review' ? str(c.decideBy) : undefined),
};

/**
 * The matters the sweeps look after (the wake list, keys.wake): a rectification not closed (the overdue
 * ladder, the first response of a major signal), a petition whose SLA clock runs (its SLA alerts and
 * ladder). Every write of one puts it on the wake list at the write's instant — a sweep after it reads it
 * once, works out with the scheme when it next has something to do, and keys it there (or takes it off).
 */
export const SWEPT: Partial<Record<RecordType, (data: Data) => boolean>> = {
  rectification: (r) => r.state !== 'closed',
  petition: (p) => p.state === 'received' || p.state === 'accepted',
};

const swept = (type: RecordType, data: unknown): boolean =>
  data !== null && typeof data === 'object' && (SWEPT[type]?.(data as Data) ?? false);

/** The wake list keys a record's write gives it (due at `ms`, the write's instant), or none. */
export function wakeAttributes(
  type: RecordType,
  id: string,
  data: unknown,
  ms: number,
): Record<string, unknown> {
  return swept(type, data) ? keys.wake(type, id, Number.isFinite(ms) ? ms : 0) : {};
}

/** Types no longer written to a state partition (gsi2 `S#<type>#<state>`); the re-index removes old entries. */
const RETIRED_STATE_PARTITIONS: ReadonlySet<RecordType> = new Set<RecordType>([
  'rectification',
  'alert',
  'case',
]);

/** The wake list attributes, as an item carries them. */
const WAKE_ATTRS = ['jwpk', 'jwsk'] as const;

const dueOf = (type: RecordType, data: unknown): string | undefined =>
  data !== null && typeof data === 'object' ? DUE_OF[type]?.(data as Data) : undefined;

/** The normalized search text of a record of `type` (undefined when the type is not searchable). */
export function searchTextOf(type: RecordType, data: unknown): string | undefined {
  const fields = SEARCH_FIELDS[type];
  if (!fields || data === null || typeof data !== 'object') return undefined;
  const parts = fields
    .map((f) => (data as Record<string, unknown>)[f])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  // A unit separator between fields, so no query matches across the end of one field and the next.
  return parts.map(searchKey).join('\u001f');
}

/** The ids of a unit path ("/city/ds/ds-a/" → city, ds, ds-a). */
export const pathIds = (unitPath: string | null | undefined): string[] =>
  unitPath ? unitPath.split('/').filter((s) => s.length > 0) : [];

/**
 * Every list index attribute of a record: its unit path, its sort value, its jurisdiction list entries
 * (level 1 sharded, one per ancestor at levels 2…LIST_LEVELS), gsi1 for the types not in
 * JURISDICTION_ONLY, and its search text. `listSort` undefined: the record is on no list. The attributes
 * not returned for a record (a gsi1 entry of a jurisdiction-only type, a level deeper than its path) are
 * the ones `staleIndexAttributes` names for removal.
 */
export function indexAttributes(
  type: RecordType,
  record: { id: string; data: unknown; listSort?: string | undefined },
  unitPath: string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = { unitPath };
  const text = searchTextOf(type, record.data);
  if (text !== undefined) out[SEARCH_ATTR] = text;
  if (record.listSort === undefined) return out;
  const due = dueOf(type, record.data);
  if (due !== undefined) Object.assign(out, dueAttributes(type, record.id, due, unitPath));
  const sk = `${record.listSort}#${record.id}`;
  out[SORT_ATTR] = record.listSort;
  if (!JURISDICTION_ONLY.has(type)) Object.assign(out, keys.listByType(type, record.listSort, record.id));
  out.jl1pk = keys.jurisdictionList(1, type, rootShardOf(record.id));
  out.jl1sk = sk;
  const ids = pathIds(unitPath);
  for (let level = 2; level <= Math.min(LIST_LEVELS, ids.length); level++) {
    out[`jl${level}pk`] = keys.jurisdictionList(level, type, ids[level - 1] as string);
    out[`jl${level}sk`] = sk;
  }
  return out;
}

/**
 * An open record's due list entries: level 1 sharded as jl1, one per ancestor at levels 2…LIST_LEVELS,
 * sorted by the due day then the id (ascending reads give the most overdue first).
 */
function dueAttributes(
  type: RecordType,
  id: string,
  due: string,
  unitPath: string | null,
): Record<string, unknown> {
  const sk = `${due}#${id}`;
  const out: Record<string, unknown> = {
    [DUE_ATTR]: due,
    jd1pk: keys.dueList(1, type, rootShardOf(id)),
    jd1sk: sk,
  };
  const ids = pathIds(unitPath);
  for (let level = 2; level <= Math.min(LIST_LEVELS, ids.length); level++) {
    out[`jd${level}pk`] = keys.dueList(level, type, ids[level - 1] as string);
    out[`jd${level}sk`] = sk;
  }
  return out;
}

/** The list index attributes an item may carry that `indexAttributes` does not give it (to REMOVE). */
export function staleIndexAttributes(
  item: Record<string, unknown>,
  derived: Record<string, unknown>,
): string[] {
  const names: string[] = ['gsi1pk', 'gsi1sk', SORT_ATTR, SEARCH_ATTR, DUE_ATTR, ...WAKE_ATTRS];
  for (let level = 1; level <= LIST_LEVELS; level++)
    names.push(`jl${level}pk`, `jl${level}sk`, `jd${level}pk`, `jd${level}sk`);
  // gsi1 of a type that keeps it is not ours to remove when the record has no list sort (e.g. snapshot heads).
  return names.filter((n) => item[n] !== undefined && derived[n] === undefined);
}

/**
 * The list sort value of a stored state item: its `lsort`, or — for an item written before `lsort`
 * existed — the sort part of its gsi1 key.
 */
export function listSortOfItem(item: Record<string, unknown>): string | undefined {
  if (typeof item[SORT_ATTR] === 'string') return item[SORT_ATTR] as string;
  const sk = item.gsi1sk;
  const id = String(item.id);
  if (
    typeof sk === 'string' &&
    item.gsi1pk === keys.listPartition(item.type as RecordType) &&
    sk.endsWith(`#${id}`)
  )
    return sk.slice(0, sk.length - id.length - 1);
  return undefined;
}

/**
 * The list index attributes a stored state item should carry and does not (SET), and the ones it carries
 * that its record no longer has (REMOVE): null when the item is up to date or not a record's state item.
 * The rebuild applies it to every record, so items written under older keys are found by the lists.
 */
export function reindexOf(
  item: Record<string, unknown>,
): { set: Record<string, unknown>; remove: string[] } | null {
  if (item.sk !== STATE_SK || typeof item.type !== 'string' || item.id === undefined) return null;
  const type = item.type as RecordType;
  const id = String(item.id);
  const derived = indexAttributes(
    type,
    { id, data: item.data, listSort: listSortOfItem(item) },
    (item.unitPath as string | null | undefined) ?? null,
  );
  // The wake instant is the sweeps' to set: an item that is on the wake list keeps its place; a swept
  // record written before the list existed goes on it due at once (the next sweep keys it).
  if (swept(type, item.data))
    Object.assign(
      derived,
      typeof item.jwpk === 'string' ? { jwpk: item.jwpk, jwsk: item.jwsk } : keys.wake(type, id, 0),
    );
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(derived)) if (item[k] !== v) set[k] = v;
  const remove = staleIndexAttributes(item, derived);
  // Types that left their type-wide state partition (S#<type>#<state>: every open one of the country in
  // one partition) for the jurisdiction, due and wake lists: an item written before keeps no entry there.
  if (
    RETIRED_STATE_PARTITIONS.has(type) &&
    String(item.gsi2pk ?? '').startsWith(keys.statePartition(type, ''))
  )
    remove.push('gsi2pk', 'gsi2sk');
  // The signal triage queue moved from one partition to ROOT_SHARDS shards (keys.triageShard).
  if (type === 'signal' && item.gsi2pk === keys.statePartition(type, 'triage'))
    set.gsi2pk = keys.triageShard(rootShardOf(id));
  return Object.keys(set).length === 0 && remove.length === 0 ? null : { set, remove };
}
