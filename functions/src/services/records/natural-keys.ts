/** Natural keys of ingested records (source + external id): a marker item naming the first record. */
import type { Deps } from '../../app/deps.js';
import { keys, type RecordType } from '../../store/keys.js';
import type { Tx } from '../../store/tx.js';

export async function naturalOriginal(
  deps: Deps,
  type: RecordType,
  source: string,
  externalId: string,
): Promise<string | null> {
  const item = await deps.store.item(keys.natural(type, source, externalId));
  return (item?.recordId as string | undefined) ?? null;
}

export function putNaturalKey(
  tx: Tx,
  label: string,
  type: RecordType,
  source: string,
  externalId: string,
  recordId: string,
) {
  tx.putNew(label, { ...keys.natural(type, source, externalId), recordId });
}
