/**
 * One transaction of the single table: the state items, their events and the aggregates they move are
 * written together or not at all (DESIGN §5). Conditions enforce versions (optimistic concurrency),
 * uniqueness of events, idempotency markers and natural keys.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { IndexName } from './keys.js';

export type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why a transaction was refused, item by item, as DynamoDB said (index into the items). */
export class TxCancelled extends Error {
  constructor(
    readonly reasons: readonly (string | undefined)[],
    readonly labels: readonly string[],
  ) {
    super(`transaction cancelled: ${reasons.map((r, i) => `${labels[i]}=${r ?? 'None'}`).join(', ')}`);
    this.name = 'TxCancelled';
  }

  /** Labels of the items whose condition failed. */
  failedLabels(): string[] {
    return this.labels.filter((_, i) => this.reasons[i] === 'ConditionalCheckFailed');
  }
}

export const MAX_TX_ITEMS = 100;

/** Collects labelled items (labels name each item in errors: "record", "event", "idem" …). */
export class Tx {
  readonly items: TxItem[] = [];
  readonly labels: string[] = [];

  constructor(readonly tableName: string) {}

  get size(): number {
    return this.items.length;
  }

  putNew(label: string, item: Record<string, unknown>): this {
    return this.add(label, {
      Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
  }

  /** Replace an item whose `version` must still be `expected`. */
  putVersioned(label: string, item: Record<string, unknown>, expected: number): this {
    return this.add(label, {
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': expected },
      },
    });
  }

  put(label: string, item: Record<string, unknown>): this {
    return this.add(label, { Put: { TableName: this.tableName, Item: item } });
  }

  update(label: string, update: Omit<NonNullable<TxItem['Update']>, 'TableName'>): this {
    return this.add(label, { Update: { TableName: this.tableName, ...update } });
  }

  /**
   * Takes an item out of an index partition (e.g. a notification leaves the pending outbox once its
   * deliveries are made) and sets attributes — only while it is still in it, so exactly one writer does.
   */
  unindex(
    label: string,
    key: { pk: string; sk: string },
    index: IndexName,
    set: Record<string, unknown>,
  ): this {
    const names: Record<string, string> = { '#ip': `${index}pk`, '#is': `${index}sk` };
    const values: Record<string, unknown> = {};
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    return this.update(label, {
      Key: key,
      UpdateExpression: `REMOVE #ip, #is${sets.length ? ` SET ${sets.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(#ip)',
      ExpressionAttributeNames: names,
      ...(sets.length ? { ExpressionAttributeValues: values } : {}),
    });
  }

  add(label: string, item: TxItem): this {
    this.items.push(item);
    this.labels.push(label);
    return this;
  }

  async commit(doc: DynamoDBDocumentClient): Promise<void> {
    if (this.items.length === 0) return;
    if (this.items.length > MAX_TX_ITEMS)
      throw new Error(`a transaction holds at most ${MAX_TX_ITEMS} items`);
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: this.items }));
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        throw new TxCancelled(
          (e.CancellationReasons ?? []).map((r) => r.Code),
          this.labels,
        );
      }
      throw e;
    }
  }
}
