/**
 * The table's shape in CDK terms, mapped from the one definition (functions/src/store/table.ts) that the
 * local bootstrap also reads — keys, indexes, TTL, stream and billing are never restated here.
 */
import type { TableDefinition } from '@jiandu/functions/store/table';
import {
  AttributeType,
  BillingMode,
  type GlobalSecondaryIndexProps,
  ProjectionType,
  StreamViewType,
  type TableProps,
} from 'aws-cdk-lib/aws-dynamodb';

const ATTRIBUTE: Record<TableDefinition['partitionKey']['type'], AttributeType> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

const attr = (a: TableDefinition['partitionKey']) => ({ name: a.name, type: ATTRIBUTE[a.type] });

export type TableShape = Required<
  Pick<TableProps, 'partitionKey' | 'sortKey' | 'timeToLiveAttribute' | 'stream' | 'billingMode'>
>;

/** The table in AWS always has its stream (the change feed reads it); only a local table goes without. */
export function tableShape(def: TableDefinition & { readonly stream: 'NEW_AND_OLD_IMAGES' }): TableShape {
  return {
    partitionKey: attr(def.partitionKey),
    sortKey: attr(def.sortKey),
    timeToLiveAttribute: def.ttlAttribute,
    stream: StreamViewType[def.stream],
    billingMode: BillingMode[def.billing],
  };
}

export const indexShapes = (def: TableDefinition): GlobalSecondaryIndexProps[] =>
  def.indexes.map((i) => ({
    indexName: i.name,
    partitionKey: attr(i.partitionKey),
    sortKey: attr(i.sortKey),
    projectionType: ProjectionType[i.projection],
  }));
