/**
 * Every key of the single table, built in one place (STYLE: "keys in one place"). No other module
 * writes a key string. The access patterns are documented in ../../ACCESS-PATTERNS.md.
 */

/** Kinds of record stored as a state item plus an event chain. */
export type RecordType =
  | 'unit'
  | 'person'
  | 'tenure'
  | 'user'
  | 'finding'
  | 'petition'
  | 'signal'
  | 'rectification'
  | 'indicator'
  | 'scheme'
  | 'snapshot'
  | 'card'
  | 'alert'
  | 'case'
  | 'fund'
  | 'bulletin'
  | 'fund_entry'
  | 'bulletin_read'
  | 'jobrun'
  | 'delivery'
  | 'setting'
  | 'inboxread'
  | 'reminder'
  | 'oplog'
  | 'importrun'
  | 'notice'
  | 'objection'
  /** A unit's move or merge and its resumable re-index (services/org/moves.ts). */
  | 'unitmove';

export const STATE_SK = 'A';
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** An instant (ms) as a sort key part: 15 digits, so keys sort as the instants do (none before 1970). */
const msKey = (ms: number) => pad(Math.max(0, Math.floor(ms)), 15);

export const keys = {
  /** The state item of a record; its events live in the same partition. */
  record: (type: RecordType, id: string) => ({ pk: `${type}#${id}`, sk: STATE_SK }),
  recordKey: (type: RecordType, id: string) => `${type}#${id}`,
  /** Event `seq` of a record: sk sorts numerically. */
  event: (type: RecordType, id: string, seq: number) => ({ pk: `${type}#${id}`, sk: `E#${pad(seq, 10)}` }),
  eventPrefix: 'E#',
  /** gsi1: every record of a type in time order; the list index (filters on unit path, state …). */
  listByType: (type: RecordType, sortValue: string, id: string) => ({
    gsi1pk: `L#${type}`,
    gsi1sk: `${sortValue}#${id}`,
  }),
  listPartition: (type: RecordType) => `L#${type}`,
  /**
   * The jurisdiction lists (jl1…jl4, ACCESS-PATTERNS "Lists"): a listed record is in one partition per
   * level — level 1 is the whole deployment, split in ROOT_SHARDS shards by a hash of the id; level
   * d ≥ 2 is keyed by the record's ancestor at depth d of its unit path (county, township, village). The
   * sort key is the list's sort value and the id, as gsi1's.
   */
  jurisdictionList: (level: number, type: RecordType, scope: string) =>
    level === 1 ? `J1#${type}#${scope}` : `J${level}#${type}#${scope}`,
  /**
   * The due lists (jd1…jd4): the same partitions as the jurisdiction lists, holding only the records that
   * are open and have a due day (a rectification's deadline, a petition's next SLA day, a case's decision
   * day), sorted by it — so "sort by deadline" reads the page it answers, overdue first, in any scope.
   */
  dueList: (level: number, type: RecordType, scope: string) => `D${level}#${type}#${scope}`,
  /**
   * The sweeps' wake list (index `wake`, ACCESS-PATTERNS "Sweeps"): an open matter (a rectification not closed, a
   * petition whose SLA clock runs) by the instant a sweep next has something to do with it, in
   * ROOT_SHARDS shards by a hash of the id — a sweep reads what is due, never every open record.
   */
  wake: (type: RecordType, id: string, wakeMs: number) => ({
    jwpk: `W#${type}#${rootShardOf(id)}`,
    jwsk: `${msKey(wakeMs)}#${id}`,
  }),
  wakePartition: (type: RecordType, shard: string) => `W#${type}#${shard}`,
  /** The sort key bound of the wake list for "due at `ms` or before". */
  wakeUpTo: (ms: number) => `${msKey(ms)}#\uffff`,
  /** What a sweep last keyed the wake list under (the scheme it computed the instants with). */
  sweepKeyed: (job: string) => ({ pk: `SWEEP#${job}`, sk: 'KEYED' }),
  /** The per-unit-per-quarter aggregate: one partition per quarter, so ranking is one query. */
  aggregate: (quarter: string, unitId: string) => ({ pk: `AGG#${quarter}`, sk: unitId }),
  aggregatePartition: (quarter: string) => `AGG#${quarter}`,
  /** Idempotency-Key of a request, per caller and route. */
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  /** Natural key of an ingested record: source + external id. */
  natural: (type: RecordType, source: string, externalId: string) => ({
    pk: `NK#${type}#${source}#${externalId}`,
    sk: 'NK',
  }),
  /** gsi2: petitions of one petitioner (keyed hash) in received order — repeat detection. */
  petitionerIndex: (petitionerKey: string, receivedMs: number, id: string) => ({
    gsi2pk: `PK#${petitionerKey}`,
    gsi2sk: `${pad(receivedMs, 15)}#${id}`,
  }),
  petitionerPartition: (petitionerKey: string) => `PK#${petitionerKey}`,
  /** Repost detection of signals: one marker per canonical URL and per normalized text (hashed). */
  signalUrl: (urlHash: string) => ({ pk: `SIGURL#${urlHash}`, sk: 'SIG' }),
  signalText: (textHash: string) => ({ pk: `SIGTXT#${textHash}`, sk: 'SIG' }),
  /** gsi2: records by state (open rectifications for sweeps, open alerts …). */
  byState: (type: RecordType, state: string, sortValue: string, id: string) => ({
    gsi2pk: `S#${type}#${state}`,
    gsi2sk: `${sortValue}#${id}`,
  }),
  statePartition: (type: RecordType, state: string) => `S#${type}#${state}`,
  /**
   * The signal triage queue (signals no unit is assigned yet), in ROOT_SHARDS shards by the id's hash:
   * a burst of signals before triage is spread over them, never one partition (ACCESS-PATTERNS).
   */
  triageShard: (shard: string) => `S#signal#triage#${shard}`,
  /** A signal's entry in the triage queue: its shard, newest first by `sortValue`. */
  triage: (id: string, sortValue: string) => ({
    gsi2pk: keys.triageShard(rootShardOf(id)),
    gsi2sk: `${sortValue}#${id}`,
  }),
  /** gsi3: records of one unit (a unit's rectifications, a unit's posts …). */
  byUnit: (type: RecordType, unitId: string, sortValue: string, id: string) => ({
    gsi3pk: `U#${type}#${unitId}`,
    gsi3sk: `${sortValue}#${id}`,
  }),
  unitPartition: (type: RecordType, unitId: string) => `U#${type}#${unitId}`,
  /** A user's sign-in name. */
  username: (username: string) => ({ pk: `LOGIN#${username.toLowerCase()}`, sk: 'LOGIN' }),
  /**
   * Sign-in guard (expiring by TTL): the consecutive failures and lock of a sign-in name — kept for
   * unknown names too, so a lockout does not tell which names exist …
   */
  signInFailures: (username: string) => ({ pk: `SIGNIN#name#${username.toLowerCase()}`, sk: 'FAIL' }),
  /** … and the attempts of a name or a client address in one fixed window (throttling). */
  signInWindow: (scope: 'name' | 'addr', subject: string, windowStart: number) => ({
    pk: `SIGNIN#${scope}#${scope === 'name' ? subject.toLowerCase() : subject}`,
    sk: `W#${windowStart}`,
  }),
  /** Singletons: the aggregate horizon, job runs … */
  meta: (name: string) => ({ pk: `META#${name}`, sk: 'META' }),
  /** A job's run on a day (idempotent jobs). */
  jobRun: (job: string, day: string) => ({ pk: `JOB#${job}`, sk: day }),
  /** Snapshots of a quarter and peer group, by publication time. */
  snapshotIndex: (quarter: string, groupKey: string, publishedAt: string, id: string) => ({
    gsi2pk: `SNAP#${quarter}#${groupKey}`,
    gsi2sk: `${publishedAt}#${id}`,
  }),
  snapshotPartition: (quarter: string, groupKey: string) => `SNAP#${quarter}#${groupKey}`,
  /** Trigger keys of proposals and alerts: the same trigger never raises twice. */
  trigger: (kind: 'case' | 'alert', triggerKey: string) => ({ pk: `TRIG#${kind}#${triggerKey}`, sk: 'TRIG' }),
  /** Prefix of every aggregate partition (rebuild scans them). */
  aggregatePrefix: 'AGG#',
  /** gsi3: snapshots of one peer group across quarters (a unit's ranking history). */
  snapshotsOfGroup: (groupKey: string, quarter: string, publishedAt: string, id: string) => ({
    gsi3pk: `SG#${groupKey}`,
    gsi3sk: `${quarter}#${publishedAt}#${id}`,
  }),
  snapshotGroupPartition: (groupKey: string) => `SG#${groupKey}`,
  /**
   * A publication of a quarter and group: slot "first" for the first publication, "amends#<id>" for the
   * amendment of snapshot <id>. Put with a condition, so two racing publications cannot both win.
   */
  publication: (quarter: string, groupKey: string, slot: string) => ({
    pk: `PUB#${quarter}#${groupKey}`,
    sk: slot,
  }),
  /**
   * The notice (公示) of a quarter and group, beside its publications: names the notice record; put
   * with a condition, so a quarter and group goes on notice once.
   */
  noticeOf: (quarter: string, groupKey: string) => ({ pk: `PUB#${quarter}#${groupKey}`, sk: 'notice' }),
  /**
   * The petitioner guard: one item per petitioner key whose version every new petition of that key
   * bumps in its transaction, so two petitions of one petitioner are never classified concurrently
   * (repeat detection reads the key's petitions, then writes; the loser retries).
   */
  petitionerGuard: (petitionerKey: string) => ({ pk: `PKG#${petitionerKey}`, sk: 'PKG' }),
  /** The last occurrence a scheduled job completed: the scheduler's catch-up starts after it. */
  jobCursor: (job: string) => ({ pk: `JOBCUR#${job}`, sk: 'JOBCUR' }),
  /** gsi3: the runs of one job, by the occurrence they ran for. */
  jobRunsOf: (job: string, forTime: string, id: string) => ({
    gsi3pk: `JR#${job}`,
    gsi3sk: `${forTime}#${id}`,
  }),
  jobRunsPartition: (job: string) => `JR#${job}`,
  /**
   * The outbox: one notification per cause, put (only if new) in the transaction of the change that
   * causes it; on gsi2's pending partition until the dispatcher has made its deliveries.
   */
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  outboxPending: (at: string, id: string) => ({ gsi2pk: 'OUTBOX#pending', gsi2sk: `${at}#${id}` }),
  outboxPendingPartition: 'OUTBOX#pending',
  /** The sort value of a delivery on its state partition: when it is next due (ms, zero-padded). */
  deliveryDue: msKey,
  /** An in-app notification of an audience (a role at a unit), put once per notification and audience. */
  inboxEntry: (notificationId: string, role: string, unitId: string) => ({
    pk: `INBOX#${notificationId}#${role}#${unitId}`,
    sk: 'INBOX',
  }),
  /** gsi3: an audience's inbox, newest first. */
  inboxIndex: (role: string, unitId: string, at: string, notificationId: string) => ({
    gsi3pk: `INBOX#${role}#${unitId}`,
    gsi3sk: `${at}#${notificationId}`,
  }),
  inboxPartition: (role: string, unitId: string) => `INBOX#${role}#${unitId}`,
  /** gsi3: the ledger entries of one fund project, by date. */
  fundEntriesOf: (projectId: string, date: string, id: string) => ({
    gsi3pk: `FE#${projectId}`,
    gsi3sk: `${date}#${id}`,
  }),
  fundEntriesPartition: (projectId: string) => `FE#${projectId}`,
  /** The id of the bulletin issued for a month and scope unit: one per pair, put only if new. */
  bulletinId: (month: string, unitId: string) => `${month}_${unitId}`,
  /** The read receipt (已读) of one user on one bulletin: a record put only if new, once per user. */
  bulletinReadId: (bulletinId: string, userId: string) => `${bulletinId}_${userId}`,
  /** gsi3: the read receipts of one bulletin, by read time. */
  bulletinReadsOf: (bulletinId: string, readAt: string, userId: string) => ({
    gsi3pk: `BR#${bulletinId}`,
    gsi3sk: `${readAt}#${userId}`,
  }),
  bulletinReadsPartition: (bulletinId: string) => `BR#${bulletinId}`,
  /** An uploaded spreadsheet kept for its annotated download (with a TTL): its description … */
  uploadMeta: (id: string) => ({ pk: `UPLOAD#${id}`, sk: 'META' }),
  /** … and its bytes, in chunks under DynamoDB's item size, in order. */
  uploadChunk: (id: string, n: number) => ({ pk: `UPLOAD#${id}`, sk: `C#${pad(n, 4)}` }),
  uploadPartition: (id: string) => `UPLOAD#${id}`,
  uploadChunkPrefix: 'C#',
  /**
   * The change feed (services/integrity/change-feed.ts, from the table's stream): one marker per record whose state
   * or events were written on a UTC day, on one of CHANGE_SHARDS partitions by a hash of the record key —
   * so no partition takes every write of the country — and read back by the incremental verify.
   */
  changed: (day: string, shard: number, recordKey: string) => ({
    pk: `CHG#${day}#${pad(shard, 2)}`,
    sk: recordKey,
  }),
  changedPartition: (day: string, shard: number) => `CHG#${day}#${pad(shard, 2)}`,
  /** The heads the last verify found, one generation per run, in chunks under the item size limit. */
  verifiedHeads: (generation: string, n: number) => ({ pk: `VHEADS#${generation}`, sk: `C#${pad(n, 5)}` }),
  verifiedHeadsPartition: (generation: string) => `VHEADS#${generation}`,
} as const;

/** Levels of the unit tree with a list index of their own (jl1 … jl4); deeper scopes filter the level-4 list. */
export const LIST_LEVELS = 4;
/** Shards of the level-1 (whole deployment) list of a type: no partition takes every write of a type. */
export const ROOT_SHARDS = 16;
/** The level-1 shards' names ("00" … "15"), for a reader of every shard. */
export const ROOT_SHARD_IDS: readonly string[] = Array.from({ length: ROOT_SHARDS }, (_, i) => pad(i, 2));
/** The shard of a record id on the level-1 list (FNV-1a of the id). */
export function rootShardOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return pad(h % ROOT_SHARDS, 2);
}

/** Partitions of the change feed per day. */
export const CHANGE_SHARDS = 16;

/** The table's indexes (table.ts declares them). */
export type IndexName =
  | 'gsi1'
  | 'gsi2'
  | 'gsi3'
  | 'jl1'
  | 'jl2'
  | 'jl3'
  | 'jl4'
  | 'jd1'
  | 'jd2'
  | 'jd3'
  | 'jd4'
  | 'wake';

/** A partition to read: of the table itself (an item collection) or of an index, and its key. */
export interface Partition {
  readonly index: IndexName | 'table';
  readonly pk: string;
}

/** The partitions the code reads, each with the index it lives in — so no caller names an index. */
export const partitions = {
  /** The item collection of one record, or any other table partition. */
  table: (pk: string): Partition => ({ index: 'table', pk }),
  /** Notifications whose deliveries are not made yet. */
  outboxPending: { index: 'gsi2', pk: keys.outboxPendingPartition } as const satisfies Partition,
  /** Records of a type in a state (open rectifications, dead deliveries …). */
  byState: (type: RecordType, state: string): Partition => ({
    index: 'gsi2',
    pk: keys.statePartition(type, state),
  }),
  /** Records of a type of one unit. */
  ofUnit: (type: RecordType, unitId: string): Partition => ({
    index: 'gsi3',
    pk: keys.unitPartition(type, unitId),
  }),
  inbox: (role: string, unitId: string): Partition => ({
    index: 'gsi3',
    pk: keys.inboxPartition(role, unitId),
  }),
  upload: (id: string): Partition => ({ index: 'table', pk: keys.uploadPartition(id) }),
  fundEntries: (projectId: string): Partition => ({
    index: 'gsi3',
    pk: keys.fundEntriesPartition(projectId),
  }),
  /** The snapshots of one quarter and peer group (a publication and its amendments). */
  snapshots: (quarter: string, groupKey: string): Partition => ({
    index: 'gsi2',
    pk: keys.snapshotPartition(quarter, groupKey),
  }),
  /** The snapshots of one peer group across quarters. */
  snapshotsOfGroup: (groupKey: string): Partition => ({
    index: 'gsi3',
    pk: keys.snapshotGroupPartition(groupKey),
  }),
  bulletinReads: (bulletinId: string): Partition => ({
    index: 'gsi3',
    pk: keys.bulletinReadsPartition(bulletinId),
  }),
  /** The petitions of one petitioner (keyed hash), in received order. */
  petitioner: (petitionerKey: string): Partition => ({
    index: 'gsi2',
    pk: keys.petitionerPartition(petitionerKey),
  }),
  /** The aggregates of a quarter, one item per unit. */
  aggregates: (quarter: string): Partition => ({ index: 'table', pk: keys.aggregatePartition(quarter) }),
  /** Every record of a type in time order (the list index). */
  list: (type: RecordType): Partition => ({ index: 'gsi1', pk: keys.listPartition(type) }),
  /** One shard of the signal triage queue. */
  triage: (shard: string): Partition => ({ index: 'gsi2', pk: keys.triageShard(shard) }),
  /** One shard of the sweeps' wake list of a type. */
  wake: (type: RecordType, shard: string): Partition => ({
    index: 'wake',
    pk: keys.wakePartition(type, shard),
  }),
  /** One shard of the due list of a type over the whole deployment (every open record of it). */
  dueShard: (type: RecordType, shard: string): Partition => ({
    index: 'jd1',
    pk: keys.dueList(1, type, shard),
  }),
  /** Every shard of a type's level-1 due list: every open record of the type, each once. */
  dueShards: (type: RecordType): Partition[] => ROOT_SHARD_IDS.map((s) => partitions.dueShard(type, s)),
  /** Every shard of a type's wake list. */
  wakeShards: (type: RecordType): Partition[] => ROOT_SHARD_IDS.map((s) => partitions.wake(type, s)),
  changed: (day: string, shard: number): Partition => ({
    index: 'table',
    pk: keys.changedPartition(day, shard),
  }),
  verifiedHeads: (generation: string): Partition => ({
    index: 'table',
    pk: keys.verifiedHeadsPartition(generation),
  }),
} as const;
