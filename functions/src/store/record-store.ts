/**
 * Records as a state item plus an immutable event chain in the same partition (DESIGN §5): every write
 * puts the new state (conditioned on the version it read) and the next event (conditioned on not
 * existing) in one transaction, chained by SHA-256 to the previous event.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { appendEvent, type ChainHead, type LedgerEvent, type Role } from '@jiandu/shared';
import { BadCursor, type CursorSeal } from './cursor.js';
import { keys, LIST_LEVELS, type Partition, type RecordType, ROOT_SHARD_IDS, STATE_SK } from './keys.js';
import { indexAttributes, pathIds, SEARCH_ATTR, SORT_ATTR, wakeAttributes } from './list-index.js';
import type { Tx } from './tx.js';

export interface StoredRecord<T> {
  type: RecordType;
  id: string;
  data: T;
  version: number;
  head: ChainHead | null;
  unitPath: string | null;
}

/** The index entries a record's state item carries (only the ones given are written). */
export interface RecordIndex {
  /** Jurisdiction: ids from the root to the unit, "/city/ds/ds-a/". */
  unitPath?: string | null;
  /** gsi1: the type's list, sorted by this value (a date or time), newest last. */
  listSort?: string;
  /** gsi2: by state. */
  state?: { state: string; sort: string };
  /** gsi3: by unit. */
  unit?: { unitId: string; sort: string };
  /** Any other attributes to keep on the item (e.g. a gsi2 entry of another kind). */
  extra?: Record<string, unknown>;
}

/** A filter of a list, applied by DynamoDB after reading (its names and values are merged into the query). */
export interface ListFilter {
  expr: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export interface Actor {
  id: string;
  role: Role | 'system';
}

/** A change made by the system (a rule, a job, a seed), not by a person: the event names it as actor. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

export interface WriteInput<T> {
  type: RecordType;
  id: string;
  /** The record as read (null when creating); its version is the write's condition. */
  before: StoredRecord<T> | null;
  data: T;
  index: RecordIndex;
  actor: Actor;
  /** When the change is recorded: the server's now. */
  at: string;
  /** When it happened, where that lies before `at` (a migration import's past instant only). */
  occurredAt?: string;
  action: string;
  reason?: string | null;
  /** Prefix of this write's transaction labels (a batch names its items "i3:"). */
  labelPrefix?: string;
  /** What the event shows as before/after (default: the records; a projection hides secrets). */
  eventBefore?: unknown;
  eventAfter?: unknown;
}

/**
 * Which page of a list to read and who reads it: the cursor of the page before (absent: the first page)
 * and the caller it was given to (a person's id, or SYSTEM_ACTOR.id for a job reading every page). The
 * cursor answered is sealed to the same caller and query (store/cursor.ts).
 */
export interface Paging {
  caller: string;
  cursor?: string | undefined;
}

/**
 * The first read of each partition of a merged page. One partition: the page. n shards: twice a shard's
 * even share, plus one — a shard's part of a page of 50 over 16 shards is ~3 ± 1.7 items, so a batch of 4
 * left a third of the shards to read again (a second round trip on most pages, and a cost that swung with
 * how the page's items fell over the shards); a batch of 8 leaves ~1 % of them.
 */
export const firstBatch = (limit: number, partitions: number): number =>
  partitions === 1 ? limit : Math.ceil((2 * limit) / partitions) + 1;

/**
 * The most items one list page reads: 5 × the page plus a first batch from each partition. A filter that
 * drops most of what it reads ends the page early with a cursor, so no request's cost grows with the
 * records of the scope that do not match (the client pages on).
 */
export const READ_BUDGET = (limit: number, partitions: number): number =>
  5 * limit + partitions * firstBatch(limit, partitions);

export class RecordStore {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    /** Seals and opens the cursors of list pages (the deployment's cursor key). */
    readonly cursors: CursorSeal,
  ) {}

  itemOf<T>(input: WriteInput<T>, version: number, head: ChainHead): Record<string, unknown> {
    const { type, id, data, index } = input;
    return {
      ...keys.record(type, id),
      ...indexAttributes(type, { id, data, listSort: index.listSort }, index.unitPath ?? null),
      ...wakeAttributes(type, id, data, Date.parse(input.at)),
      ...(index.state ? keys.byState(type, index.state.state, index.state.sort, id) : {}),
      ...(index.unit ? keys.byUnit(type, index.unit.unitId, index.unit.sort, id) : {}),
      ...index.extra,
      type,
      id,
      version,
      headSeq: head.seq,
      headHash: head.hash,
      data,
    };
  }

  /** Adds the state put and the event put of one change to `tx`; returns the stored record after it. */
  write<T>(tx: Tx, input: WriteInput<T>): { stored: StoredRecord<T>; event: LedgerEvent } {
    const recordKey = keys.recordKey(input.type, input.id);
    const prev = input.before?.head ? ({ ...input.before.head } as LedgerEvent) : null;
    const event = appendEvent(prev, {
      recordKey,
      actorId: input.actor.id,
      role: input.actor.role,
      at: input.at,
      ...(input.occurredAt !== undefined ? { occurredAt: input.occurredAt } : {}),
      action: input.action,
      before: input.eventBefore !== undefined ? input.eventBefore : (input.before?.data ?? null),
      after: input.eventAfter !== undefined ? input.eventAfter : input.data,
      reason: input.reason ?? null,
    });
    const head: ChainHead = { recordKey, seq: event.seq, hash: event.hash };
    const version = (input.before?.version ?? 0) + 1;
    const item = this.itemOf(input, version, head);
    const prefix = input.labelPrefix ?? '';
    if (input.before) tx.putVersioned(`${prefix}record:${recordKey}`, item, input.before.version);
    else tx.putNew(`${prefix}record:${recordKey}`, item);
    tx.putNew(`${prefix}event:${recordKey}`, { ...keys.event(input.type, input.id, event.seq), ...event });
    return {
      stored: {
        type: input.type,
        id: input.id,
        data: input.data,
        version,
        head,
        unitPath: input.index.unitPath ?? null,
      },
      event,
    };
  }

  static fromItem<T>(item: Record<string, unknown>): StoredRecord<T> {
    const type = item.type as RecordType;
    const id = String(item.id);
    return {
      type,
      id,
      data: item.data as T,
      version: Number(item.version),
      head:
        item.headSeq === undefined
          ? null
          : { recordKey: keys.recordKey(type, id), seq: Number(item.headSeq), hash: String(item.headHash) },
      unitPath: (item.unitPath as string | null) ?? null,
    };
  }

  async get<T>(type: RecordType, id: string, consistent = true): Promise<StoredRecord<T> | null> {
    const item = await this.getItem(type, id, consistent);
    return item ? RecordStore.fromItem<T>(item) : null;
  }

  /** A record's state item as stored, with what the record store does not read (e.g. a horizon). */
  getItem(type: RecordType, id: string, consistent = true): Promise<Record<string, unknown> | null> {
    return this.item(keys.record(type, id), consistent);
  }

  /** Any one item by its key (a marker, a guard …), strongly consistent unless asked otherwise. */
  async item(key: { pk: string; sk: string }, consistent = true): Promise<Record<string, unknown> | null> {
    const r = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }),
    );
    return r.Item ?? null;
  }

  async getMany<T>(type: RecordType, ids: readonly string[]): Promise<Map<string, StoredRecord<T>>> {
    const out = new Map<string, StoredRecord<T>>();
    const items = await this.batchGet(
      [...new Set(ids)].map((id) => keys.record(type, id)),
      false,
    );
    for (const item of items) {
      const s = RecordStore.fromItem<T>(item);
      out.set(s.id, s);
    }
    return out;
  }

  /** Many single items by key, read consistently (natural keys, guards of a batch), by pk. */
  async itemsByKey(
    wanted: readonly { pk: string; sk: string }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const unique = [...new Map(wanted.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
    const out = new Map<string, Record<string, unknown>>();
    for (const item of await this.batchGet(unique, true)) out.set(String(item.pk), item);
    return out;
  }

  /** BatchGet of distinct keys, 100 a request, unprocessed keys asked again. */
  private async batchGet(
    wanted: readonly Record<string, unknown>[],
    consistent: boolean,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined =
        {
          [this.tableName]: {
            Keys: wanted.slice(i, i + 100),
            ...(consistent ? { ConsistentRead: true } : {}),
          },
        };
      while (request && Object.keys(request).length > 0) {
        const r = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        out.push(...(r.Responses?.[this.tableName] ?? []));
        request = r.UnprocessedKeys as typeof request;
      }
    }
    return out;
  }

  /** Every event of a record, in order. */
  async history(type: RecordType, id: string): Promise<LedgerEvent[]> {
    const out: LedgerEvent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
          ExpressionAttributeValues: { ':pk': keys.recordKey(type, id), ':e': keys.eventPrefix },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      for (const item of r.Items ?? []) {
        const { pk: _pk, sk: _sk, ...event } = item;
        out.push(event as LedgerEvent);
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * One page of a type's list, newest first, in a unit subtree, filtered (ACCESS-PATTERNS "Lists"). It
   * reads the jurisdiction list of the scope's level — the scope unit's own partition at levels
   * 2…LIST_LEVELS (nothing outside the subtree is read), the ROOT_SHARDS shards of level 1 merged in order
   * for the whole deployment, the level-LIST_LEVELS ancestor's partition filtered on the path for deeper
   * scopes — with `from`/`to` as a BETWEEN on the sort key. The other filters (and `q`, a substring of the
   * normalized search text) are applied by DynamoDB after reading, so a page reads at most a budget of
   * items (`READ_BUDGET`) and may answer fewer than `limit` items with a cursor that continues.
   */
  async list<T>(
    type: RecordType,
    opts: {
      unitPathPrefix?: string;
      filters?: ListFilter[];
      /** Keyword: records whose search text holds it (normalized by the caller with searchKey). */
      q?: string;
      limit: number;
      caller: string;
      cursor?: string;
      from?: string;
      to?: string;
      /**
       * `due`: the open records only, by due day ascending (the due lists jd1…jd4: most overdue first);
       * `from`/`to` then bound the due day. Default: every record, newest first by the list sort value.
       */
      order?: 'newest' | 'due';
      /** With `order: 'due'`: only due days in this range (inclusive; a key condition, read exactly). */
      dueRange?: { from?: string; to?: string };
    },
  ): Promise<{ items: StoredRecord<T>[]; cursor: string | null; read: number }> {
    const ids = pathIds(opts.unitPathPrefix);
    const level = Math.max(1, Math.min(LIST_LEVELS, ids.length));
    const due = opts.order === 'due';
    const keyOf = due ? keys.dueList : keys.jurisdictionList;
    const pks =
      level === 1
        ? ROOT_SHARD_IDS.map((shard) => keyOf(1, type, shard))
        : [keyOf(level, type, ids[level - 1] as string)];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const filters: string[] = [];
    // Level 1 holds every root (and records of no unit); a level below LIST_LEVELS's depth holds the
    // ancestor's whole subtree: both are narrowed to the scope by its path.
    if (ids.length > 0 && (level === 1 || ids.length > LIST_LEVELS)) {
      names['#up'] = 'unitPath';
      values[':up'] = opts.unitPathPrefix;
      filters.push('begins_with(#up, :up)');
    }
    if (opts.q !== undefined && opts.q.length > 0) {
      names['#qt'] = SEARCH_ATTR;
      values[':qt'] = opts.q;
      filters.push('contains(#qt, :qt)');
    }
    for (const f of opts.filters ?? []) {
      Object.assign(names, f.names);
      Object.assign(values, f.values);
      filters.push(f.expr);
    }
    const dates =
      opts.from !== undefined || opts.to !== undefined
        ? { from: opts.from ?? '', to: `${opts.to ?? '\uffff'}\uffff` }
        : undefined;
    // `from`/`to` are about the list's own date (its sort value): a key range on the lists by date, a
    // filter on that value on the due lists (sorted by another day).
    const dueRange = due && opts.dueRange ? opts.dueRange : undefined;
    const range = due
      ? dueRange && { from: dueRange.from ?? '', to: `${dueRange.to ?? '\uffff'}\uffff` }
      : dates;
    if (due && dates) {
      names['#ls'] = SORT_ATTR;
      values[':lsFrom'] = dates.from;
      values[':lsTo'] = dates.to;
      filters.push('#ls BETWEEN :lsFrom AND :lsTo');
    }
    const page = await this.pageMerged({
      index: `${due ? 'jd' : 'jl'}${level}`,
      pks,
      range,
      forward: due,
      filter: filters.length ? { expr: filters.join(' AND '), names, values } : undefined,
      limit: opts.limit,
      paging: { caller: opts.caller, ...(opts.cursor === undefined ? {} : { cursor: opts.cursor }) },
      recordKey: (sk) => keys.recordKey(type, sk.slice(sk.lastIndexOf('#') + 1)),
    });
    return {
      items: page.items.map((item) => RecordStore.fromItem<T>(item)),
      cursor: page.cursor,
      read: page.read,
    };
  }

  /**
   * One page of the merge of index partitions sorted alike (the shards of a level-1 list, or one
   * partition), newest first: a k-way merge that reads each partition a few items at a time and emits an
   * item only when every partition not yet ended has shown its next one, so the order is exact. The
   * cursor holds each partition's position (the sort key of the last item it consumed, "" for its start,
   * null for its end), sealed to this query and caller. A page reads at most READ_BUDGET(limit, partitions)
   * items (filters drop items after reading): when the budget is spent the page ends early, and its cursor
   * continues where each partition stands.
   */
  async pageMerged(q: {
    index: string;
    pks: readonly string[];
    range: { from: string; to: string } | undefined;
    filter: ListFilter | undefined;
    limit: number;
    paging: Paging;
    /** Ascending (oldest / most due first) instead of newest first. */
    forward?: boolean;
    /** The table key (pk) of the record an index sort key names, for the start key of a partition. */
    recordKey: (sk: string) => string;
  }): Promise<{ items: Record<string, unknown>[]; cursor: string | null; read: number }> {
    const { index, pks, range, filter, limit } = q;
    const forward = q.forward === true;
    const pkAttr = `${index}pk`;
    const skAttr = `${index}sk`;
    const binding = {
      list: { table: this.tableName, index, pks, range, filter },
      caller: q.paging.caller,
    };
    let positions: (string | null)[] = pks.map(() => '');
    if (q.paging.cursor) {
      const v = this.cursors.openValue(q.paging.cursor, binding) as { at?: unknown };
      const at = v && typeof v === 'object' ? v.at : undefined;
      if (
        !Array.isArray(at) ||
        at.length !== pks.length ||
        !at.every((p) => p === null || (typeof p === 'string' && p.length <= 1024))
      )
        throw new BadCursor();
      positions = at as (string | null)[];
    }
    const n = pks.length;
    const batch = firstBatch(limit, n);
    const budget = READ_BUDGET(limit, n);
    const shards = pks.map((pk, i) => ({
      pk,
      /** Where the next read starts ("" the beginning, null: ended). */
      next: positions[i] as string | null,
      /** The position to give out: the last item consumed, or `next` once the buffer is consumed. */
      pos: positions[i] as string | null,
      buf: [] as Record<string, unknown>[],
    }));
    let read = 0;
    const names: Record<string, string> = { '#p': pkAttr, ...(filter?.names ?? {}) };
    const values: Record<string, unknown> = { ...(filter?.values ?? {}) };
    let keyCond = '#p = :p';
    if (range) {
      // No lower bound is `<=` alone: DynamoDB refuses an empty string as a key value (BETWEEN '' AND …
      // answered a ValidationException — a list with only `to` was a 500).
      names['#s'] = skAttr;
      values[':to'] = range.to;
      if (range.from === '') keyCond += ' AND #s <= :to';
      else {
        values[':from'] = range.from;
        keyCond += ' AND #s BETWEEN :from AND :to';
      }
    }
    /** One read of a partition from where it stands: its next batch (after filters: possibly none). */
    const fetch = async (s: (typeof shards)[number], size: number): Promise<void> => {
      const start = s.next as string;
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: keyCond,
          FilterExpression: filter?.expr,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':p': s.pk },
          ScanIndexForward: forward,
          Limit: size,
          ExclusiveStartKey:
            start === ''
              ? undefined
              : { [pkAttr]: s.pk, [skAttr]: start, pk: q.recordKey(start), sk: STATE_SK },
        }),
      );
      read += r.ScannedCount ?? r.Items?.length ?? 0;
      s.buf = r.Items ?? [];
      const lek = r.LastEvaluatedKey;
      s.next = lek ? String(lek[skAttr]) : null;
      if (s.buf.length === 0) s.pos = s.next;
    };
    /** Reads done per partition: a partition whose reads a filter keeps emptying reads more each time. */
    const reads = shards.map(() => 1);
    const ahead = (a: string, b: string) => (forward ? a < b : a > b);
    /** The partition whose next item comes first in the merge (among those holding one read). */
    const leader = () => {
      let best: (typeof shards)[number] | undefined;
      for (const s of shards) {
        const head = s.buf[0];
        if (head && (!best || ahead(String(head[skAttr]), String(best.buf[0]?.[skAttr])))) best = s;
      }
      return best;
    };
    /**
     * The partitions that may still hold an item ahead of the leader's: those with nothing read in hand
     * and not ended whose reads stand ahead of it. A read that a filter emptied still tells how far the
     * partition was read: everything it holds lies behind that point, so a partition read past the
     * leader's item does not hold the merge back (a rare keyword in one shard does not stop the others'
     * items from being answered).
     */
    const blocking = (best: (typeof shards)[number] | undefined) => {
      const at = best ? String(best.buf[0]?.[skAttr]) : undefined;
      return shards.flatMap((s, i) =>
        s.buf.length === 0 && s.next !== null && (at === undefined || ahead(s.next, at)) ? [i] : [],
      );
    };
    /**
     * Reads the blocking partitions — all at once (one round trip, not one per partition) — until none
     * blocks; false when the budget is spent first. Each read of a partition is twice its previous one
     * (a rare filter value costs a few round trips, not one per batch), the budget shared among the
     * partitions read.
     */
    const refill = async (): Promise<boolean> => {
      for (;;) {
        const empty = blocking(leader());
        if (empty.length === 0) return true;
        const left = budget - read;
        if (left <= 0) return false;
        const share = Math.max(1, Math.floor(left / empty.length));
        await Promise.all(
          empty.slice(0, left).map((i) => {
            const size = Math.min(batch * 2 ** Math.min(reads[i] as number, 6), share);
            reads[i] = (reads[i] as number) + 1;
            return fetch(shards[i] as (typeof shards)[number], size);
          }),
        );
      }
    };
    // The first batch of every partition at once (one round trip, not one per shard): the budget holds
    // a first batch of each by its definition.
    await Promise.all(shards.filter((s) => s.next !== null).map((s) => fetch(s, batch)));
    const items: Record<string, unknown>[] = [];
    while (items.length < limit) {
      if (!(await refill())) break;
      const best = leader();
      if (!best) break;
      const item = best.buf.shift() as Record<string, unknown>;
      items.push(item);
      best.pos = best.buf.length > 0 ? String(item[skAttr]) : best.next;
    }
    const done = shards.every((s) => s.buf.length === 0 && s.next === null);
    return {
      items,
      cursor: done ? null : this.cursors.seal({ at: shards.map((s) => s.pos) }, binding),
      read,
    };
  }

  /**
   * One page of a query, newest first: up to `limit` items from the cursor on. Reads on until the page is
   * full or the index ends (filters may drop most of a read); the cursor continues after the last item.
   * Every list's cursor is made and read here: sealed to this query and caller, so a cursor of another
   * list, filter or caller is a BadCursor (400), never a start key DynamoDB refuses (a 500).
   */
  async page(
    query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey' | 'ScanIndexForward'>,
    limit: number,
    paging: Paging,
  ): Promise<{ items: Record<string, unknown>[]; cursor: string | null }> {
    const binding = { list: { table: this.tableName, ...query }, caller: paging.caller };
    const items: Record<string, unknown>[] = [];
    let start = paging.cursor ? this.cursors.open(paging.cursor, binding) : undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          ...query,
          ScanIndexForward: false,
          Limit: limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start && items.length < limit);
    return { items, cursor: start ? this.cursors.seal(start, binding) : null };
  }

  /** Records of an index partition (by state, by unit, …), all pages. */
  async queryIndex<T>(part: Partition): Promise<StoredRecord<T>[]> {
    return (await this.queryIndexItems(part)).map((item) => RecordStore.fromItem<T>(item));
  }

  /**
   * One page of an index partition, newest first, restricted to a unit subtree (as `list`, for the
   * partitions other than the type lists: a state, a unit).
   */
  async pagePartition(
    part: Partition,
    opts: { unitPathPrefix: string; limit: number; caller: string; cursor?: string },
  ): Promise<{ items: Record<string, unknown>[]; cursor: string | null }> {
    if (part.index === 'table') throw new Error('pagePartition reads an index partition');
    return this.page(
      {
        IndexName: part.index,
        KeyConditionExpression: '#p = :p',
        FilterExpression: 'begins_with(#up, :up)',
        ExpressionAttributeNames: { '#p': `${part.index}pk`, '#up': 'unitPath' },
        ExpressionAttributeValues: { ':p': part.pk, ':up': opts.unitPathPrefix },
      },
      opts.limit,
      { caller: opts.caller, ...(opts.cursor === undefined ? {} : { cursor: opts.cursor }) },
    );
  }

  /**
   * One page of the shards of one index partition merged, newest first, restricted to a unit subtree
   * (`pageMerged`): a queue spread over shards so that no partition takes every write (the triage queue).
   */
  async pageShards(
    type: RecordType,
    parts: readonly Partition[],
    opts: { unitPathPrefix: string; limit: number; caller: string; cursor?: string },
  ): Promise<{ items: Record<string, unknown>[]; cursor: string | null }> {
    const index = parts[0]?.index;
    if (index === undefined || index === 'table' || parts.some((p) => p.index !== index))
      throw new Error('pageShards reads partitions of one index');
    return this.pageMerged({
      index,
      pks: parts.map((p) => p.pk),
      range: undefined,
      filter: {
        expr: 'begins_with(#up, :up)',
        names: { '#up': 'unitPath' },
        values: { ':up': opts.unitPathPrefix },
      },
      limit: opts.limit,
      paging: { caller: opts.caller, ...(opts.cursor === undefined ? {} : { cursor: opts.cursor }) },
      recordKey: (sk) => keys.recordKey(type, sk.slice(sk.lastIndexOf('#') + 1)),
    });
  }

  /** State items of an index partition as stored, all pages. */
  async queryIndexItems(part: Partition): Promise<Record<string, unknown>[]> {
    if (part.index === 'table') throw new Error('queryIndexItems reads an index partition');
    const index = part.index;
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': `${index}pk` },
          ExpressionAttributeValues: { ':p': part.pk },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) if (item.sk === STATE_SK) out.push(item);
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
