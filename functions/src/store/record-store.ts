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
import { keys, type Partition, type RecordType, STATE_SK } from './keys.js';
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
      ...(index.listSort !== undefined ? keys.listByType(type, index.listSort, id) : {}),
      ...(index.state ? keys.byState(type, index.state.state, index.state.sort, id) : {}),
      ...(index.unit ? keys.byUnit(type, index.unit.unitId, index.unit.sort, id) : {}),
      ...index.extra,
      type,
      id,
      version,
      unitPath: index.unitPath ?? null,
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
   * One page of a type's list (gsi1, newest first), restricted to a unit subtree and filtered. DynamoDB
   * applies filters after reading, so a page may hold fewer than `limit` items; the cursor continues.
   */
  async list<T>(
    type: RecordType,
    opts: {
      unitPathPrefix?: string;
      filters?: ListFilter[];
      limit: number;
      caller: string;
      cursor?: string;
      from?: string;
      to?: string;
    },
  ): Promise<{ items: StoredRecord<T>[]; cursor: string | null }> {
    const names: Record<string, string> = { '#p': 'gsi1pk' };
    const values: Record<string, unknown> = { ':p': keys.listPartition(type) };
    let keyCond = '#p = :p';
    if (opts.from !== undefined || opts.to !== undefined) {
      names['#s'] = 'gsi1sk';
      values[':from'] = opts.from ?? '';
      values[':to'] = `${opts.to ?? '\uffff'}\uffff`;
      keyCond += ' AND #s BETWEEN :from AND :to';
    }
    const filters: string[] = [];
    if (opts.unitPathPrefix) {
      names['#up'] = 'unitPath';
      values[':up'] = opts.unitPathPrefix;
      filters.push('begins_with(#up, :up)');
    }
    for (const f of opts.filters ?? []) {
      Object.assign(names, f.names);
      Object.assign(values, f.values);
      filters.push(f.expr);
    }
    const page = await this.page(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: keyCond,
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
      opts.limit,
      { caller: opts.caller, cursor: opts.cursor },
    );
    return { items: page.items.map((item) => RecordStore.fromItem<T>(item)), cursor: page.cursor };
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

  /**
   * One page of a walk through consecutive partitions of one index (e.g. open, then acknowledged, then
   * resolved alerts), newest first within each, restricted to a unit subtree. The cursor is the index's
   * last key, or — when a page ended exactly at the end of a partition — the next partition alone; it is
   * sealed to this walk, its scope and the caller.
   */
  async pageAcross(
    parts: readonly Partition[],
    opts: { unitPathPrefix: string; limit: number; caller: string; cursor?: string },
  ): Promise<{ items: Record<string, unknown>[]; cursor: string | null }> {
    const index = parts[0]?.index;
    if (index === undefined || index === 'table' || parts.some((p) => p.index !== index))
      throw new Error('pageAcross walks partitions of one index');
    const pkAttr = `${index}pk`;
    const pks = parts.map((p) => p.pk);
    const binding = {
      list: { table: this.tableName, index, partitions: pks, unitPath: opts.unitPathPrefix },
      caller: opts.caller,
    };
    let phase = 0;
    let start: Record<string, unknown> | undefined;
    if (opts.cursor) {
      const key = this.cursors.open(opts.cursor, binding);
      phase = pks.indexOf(String(key[pkAttr]));
      if (phase < 0) throw new BadCursor();
      start = Object.keys(key).length > 1 ? key : undefined;
    }
    const items: Record<string, unknown>[] = [];
    while (phase < pks.length && items.length < opts.limit) {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: '#p = :p',
          FilterExpression: 'begins_with(#up, :up)',
          ExpressionAttributeNames: { '#p': pkAttr, '#up': 'unitPath' },
          ExpressionAttributeValues: { ':p': pks[phase], ':up': opts.unitPathPrefix },
          ScanIndexForward: false,
          Limit: opts.limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
      if (!start) phase++;
    }
    const cursor = start
      ? this.cursors.seal(start, binding)
      : phase < pks.length
        ? this.cursors.seal({ [pkAttr]: pks[phase] }, binding)
        : null;
    return { items, cursor };
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
