/**
 * How a petition is stored and shown. The petitioner's identity never appears in clear: the state item
 * keeps it sealed (envelope encryption) in its own attribute `pii`, outside `data`; `data.petitioner` holds
 * the MASKED form (张*, 138****1234), so every response, list, event and export shows only that, with no
 * decryption on the read path. `data.petitionerKey` is the keyed hash used for repeat detection.
 */
import type { petitionInputSchema } from '@jiandu/shared';
import {
  formatInstant,
  instantMs,
  type Petition,
  type Petitioner,
  petitionLight,
  type Scheme,
  slaStatus,
} from '@jiandu/shared';
import type { PetitionView } from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import type { Deps } from '../../app/deps.js';
import type { SealedBlob } from '../../crypto/pii.js';
import { keys, partitions } from '../../store/keys.js';
import { type RecordIndex, RecordStore, type StoredRecord } from '../../store/record-store.js';

/** The stored petition: the record of the core plus the masked petitioner. */
export type StoredPetition = Petition & { petitioner: Petitioner };

/** What every response shows: the record, its version (for expectedVersion) and its SLA clocks now. */
export type { PetitionView };

/** A petition as read from the table, with its sealed identity (never sent anywhere). */
export interface LoadedPetition {
  rec: StoredRecord<StoredPetition>;
  sealed: SealedBlob;
}

/** Attribute of the state item that holds the sealed identity. */
export const PII_ATTR = 'pii';

export function petitionIndex(
  p: StoredPetition,
  unitPath: string,
  sealed: SealedBlob,
  scheme: Scheme,
): RecordIndex {
  const receivedMs = instantMs(p.receivedAt);
  // The local time of receipt: sorts in time order and starts with the local date (from/to filters).
  const sort = formatInstant(receivedMs, scheme.timeZone);
  return {
    unitPath,
    listSort: sort,
    unit: { unitId: p.unitId, sort },
    extra: {
      ...keys.petitionerIndex(p.petitionerKey, receivedMs, p.id),
      [PII_ATTR]: sealed,
      state: p.state,
      category: p.category,
      channel: p.channel,
      acceptDue: p.acceptDue,
      handleDue: p.handleDue,
      repeated: p.repeatOf !== null,
      escalated: p.escalated,
    },
  };
}

export const petitionView = (
  rec: Pick<StoredRecord<StoredPetition>, 'data' | 'version'>,
  nowIso: string,
  scheme: Scheme,
): PetitionView => ({
  ...rec.data,
  version: rec.version,
  sla: slaStatus(rec.data, nowIso, scheme),
  light: petitionLight(rec.data, nowIso, scheme),
});

function loaded(item: Record<string, unknown>): LoadedPetition {
  return { rec: RecordStore.fromItem<StoredPetition>(item), sealed: item[PII_ATTR] as SealedBlob };
}

export async function loadPetition(deps: Deps, id: string): Promise<LoadedPetition | null> {
  const item = await deps.store.getItem('petition', id);
  return item ? loaded(item) : null;
}

/** Every stored petition of one petitioner key (gsi2), with their sealed identities. */
export async function petitionsOfPetitioner(deps: Deps, petitionerKey: string): Promise<LoadedPetition[]> {
  return (await deps.store.queryIndexItems(partitions.petitioner(petitionerKey))).map(loaded);
}

/** The petitioner guard: how many petitions the key has and the version to condition on. */
export async function petitionerGuard(
  deps: Deps,
  petitionerKey: string,
): Promise<{ count: number; version: number } | null> {
  const item = await deps.store.item(keys.petitionerGuard(petitionerKey));
  return item ? { count: Number(item.count), version: Number(item.version) } : null;
}

/** A petition as its input schema parses it. */
export type ParsedPetition = z.output<typeof petitionInputSchema>;

/** A validated petition, ready to receive. */
export interface Intake {
  input: ParsedPetition;
  unitPath: string;
  petitionerKey: string;
  escalated: boolean;
}
