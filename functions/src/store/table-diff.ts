import type { KeySchemaElement, TableDescription } from '@aws-sdk/client-dynamodb';
import type { IndexDefinition, KeyAttribute, TableDefinition } from './table.js';

const keysText = (pk: KeyAttribute, sk: KeyAttribute) => `${pk.name}(${pk.type}) / ${sk.name}(${sk.type})`;

function describedKeys(schema: KeySchemaElement[] | undefined, description: TableDescription): string {
  const typeOf = (name: string | undefined) =>
    description.AttributeDefinitions?.find((a) => a.AttributeName === name)?.AttributeType ?? '?';
  const hash = schema?.find((k) => k.KeyType === 'HASH')?.AttributeName;
  const range = schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  return `${hash}(${typeOf(hash)}) / ${range}(${typeOf(range)})`;
}

function indexDifferences(wanted: readonly IndexDefinition[], description: TableDescription): string[] {
  const found = description.GlobalSecondaryIndexes ?? [];
  const differences: string[] = [];
  for (const index of wanted) {
    const existing = found.find((g) => g.IndexName === index.name);
    if (existing === undefined) {
      differences.push(`index ${index.name} is missing`);
      continue;
    }
    const want = keysText(index.partitionKey, index.sortKey);
    const have = describedKeys(existing.KeySchema, description);
    if (want !== have) differences.push(`index ${index.name} keys are ${have}, expected ${want}`);
    const projection = existing.Projection?.ProjectionType;
    if (projection !== index.projection) {
      differences.push(`index ${index.name} projects ${projection}, expected ${index.projection}`);
    }
  }
  for (const extra of found) {
    if (!wanted.some((w) => w.name === extra.IndexName))
      differences.push(`unexpected index ${extra.IndexName}`);
  }
  return differences;
}

/** How an existing table differs from its definition (empty when it matches). */
export function tableDifferences(def: TableDefinition, description: TableDescription): string[] {
  const differences: string[] = [];
  const want = keysText(def.partitionKey, def.sortKey);
  const have = describedKeys(description.KeySchema, description);
  if (want !== have) differences.push(`keys are ${have}, expected ${want}`);
  differences.push(...indexDifferences(def.indexes, description));
  const stream = description.StreamSpecification;
  const carries = stream?.StreamEnabled === true ? (stream.StreamViewType ?? 'enabled') : null;
  if (carries !== def.stream) {
    differences.push(`stream is ${carries ?? 'disabled'}, expected ${def.stream ?? 'none'}`);
  }
  const billing = description.BillingModeSummary?.BillingMode;
  if (billing !== undefined && billing !== def.billing) {
    differences.push(`billing is ${billing}, expected ${def.billing}`);
  }
  return differences;
}
