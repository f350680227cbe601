/** Test fixtures for the petition tests (not exported from the package index). */

import type { Petition } from '../schemas/petition.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import type { Scheme } from '../scheme/scheme.js';
import type { PetitionActor } from './roles.js';
import { receivePetition } from './workflow.js';

export const scheme: Scheme = DEFAULT_SCHEME;

export const supervisor = (at: string): PetitionActor => ({ role: 'supervisor', at });

/** A petition in state `received` (default: received 2025-03-10 10:00 local), with overrides. */
export function petition(over: Partial<Petition> = {}): Petition {
  const base = receivePetition(
    {
      channel: 'visit',
      levelReceived: 'county',
      unitId: over.unitId ?? 'town-a',
      category: over.category ?? 'embezzling',
      matter: '低保金被截留',
      receivedAt: over.receivedAt ?? '2025-03-10T10:00:00+08:00',
    },
    { id: over.id ?? 'p1', petitionerKey: over.petitionerKey ?? 'k1', repeatOf: null, escalated: false },
    scheme,
  );
  return { ...base, ...over };
}

export const withPetitions = (p: Partial<Scheme['petitions']>): Scheme => ({
  ...scheme,
  petitions: { ...scheme.petitions, ...p },
});

/** The DomainError code `f` throws (tests assert codes, never messages), or undefined. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}
