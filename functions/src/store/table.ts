/**
 * The one DynamoDB table (DESIGN §5): its keys, indexes, TTL and stream, as plain data with no SDK
 * import, so the CDK stack and the local bootstrap build the same table from it. The string values
 * equal the CDK enum values (AttributeType.STRING = 'S', ProjectionType.ALL = 'ALL',
 * StreamViewType.NEW_AND_OLD_IMAGES, BillingMode.PAY_PER_REQUEST).
 */

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly projection: 'ALL';
}

export interface TableDefinition {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly indexes: readonly IndexDefinition[];
  /** Epoch seconds after which DynamoDB may delete the item. */
  readonly ttlAttribute: string;
  /** What the table's stream carries; null: no stream (a table served by DynamoDB Local: localTable). */
  readonly stream: 'NEW_AND_OLD_IMAGES' | null;
  readonly billing: 'PAY_PER_REQUEST';
}

const stringKey = <N extends string>(name: N) => ({ name, type: 'S' }) as const;

export const TABLE = {
  name: 'jiandu',
  partitionKey: stringKey('pk'),
  sortKey: stringKey('sk'),
  indexes: [
    { name: 'gsi1', partitionKey: stringKey('gsi1pk'), sortKey: stringKey('gsi1sk'), projection: 'ALL' },
    { name: 'gsi2', partitionKey: stringKey('gsi2pk'), sortKey: stringKey('gsi2sk'), projection: 'ALL' },
    { name: 'gsi3', partitionKey: stringKey('gsi3pk'), sortKey: stringKey('gsi3sk'), projection: 'ALL' },
    // The jurisdiction lists, one index per level of the unit tree (keys.jurisdictionList).
    { name: 'jl1', partitionKey: stringKey('jl1pk'), sortKey: stringKey('jl1sk'), projection: 'ALL' },
    { name: 'jl2', partitionKey: stringKey('jl2pk'), sortKey: stringKey('jl2sk'), projection: 'ALL' },
    { name: 'jl3', partitionKey: stringKey('jl3pk'), sortKey: stringKey('jl3sk'), projection: 'ALL' },
    { name: 'jl4', partitionKey: stringKey('jl4pk'), sortKey: stringKey('jl4sk'), projection: 'ALL' },
    // The same jurisdictions, open records only, by their due day (keys.dueList): 按时限排序, overdue first.
    { name: 'jd1', partitionKey: stringKey('jd1pk'), sortKey: stringKey('jd1sk'), projection: 'ALL' },
    { name: 'jd2', partitionKey: stringKey('jd2pk'), sortKey: stringKey('jd2sk'), projection: 'ALL' },
    { name: 'jd3', partitionKey: stringKey('jd3pk'), sortKey: stringKey('jd3sk'), projection: 'ALL' },
    { name: 'jd4', partitionKey: stringKey('jd4pk'), sortKey: stringKey('jd4sk'), projection: 'ALL' },
    // The sweeps' wake list (keys.wake): open matters by the instant a sweep next has something to do.
    { name: 'wake', partitionKey: stringKey('jwpk'), sortKey: stringKey('jwsk'), projection: 'ALL' },
  ],
  ttlAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  billing: 'PAY_PER_REQUEST',
} as const satisfies TableDefinition;

/** The same table under another name (a stage prefix in AWS, a per-suite table in tests). */
export const tableNamed = (name: string): TableDefinition => ({ ...TABLE, name });

/**
 * The table under `name` as DynamoDB Local serves it (`npm start`, the CLIs, the tests, the bench): the
 * same keys, indexes and TTL, without the stream. Nothing reads the stream locally — its one reader is
 * the change-feed Lambda, fed by AWS's event source — and DynamoDB Local keeps every stream record of a
 * table and goes through them on every request to it, so each write made every later request slower:
 * measured side by side (`npx tsx bench/src/store-stream.ts`), a GetItem took 1.8 ms at 5,000 items and
 * 3.6 ms at 20,000 with the stream (1.7 and 1.8 ms without), and the 20,000 writes 24.5 s (9.9 s
 * without). ensureTable turns the stream off on a local table an older version made with one.
 */
export const localTable = (name: string): TableDefinition => ({ ...TABLE, name, stream: null });
