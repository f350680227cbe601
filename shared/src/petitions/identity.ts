/**
 * Petitioner identity (DESIGN §4.3, §6): the same petitioner is the same normalized ID number, else the
 * same normalized name + phone. The match key is a keyed hash passed in by the caller, so identity is never
 * stored or compared in clear and the core needs no crypto API.
 */
import { DomainError } from '../errors/index.js';
import type { Petitioner } from '../schemas/petition.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits. */
export function idChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** NFKC (full-width digits and letters → ASCII), every whitespace removed. */
const nfkcNoSpace = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * The normalized 18-character ID number (居民身份证号码), or null when it is not one: NFKC, spaces removed,
 * `x` → `X`, 17 digits + digit or X with a valid GB 11643 check character. The birth date is not checked
 * (chosen: the contract is the checksum). Chosen for a 15-digit first-generation number (issued before
 * 1999, 2-digit year, no check character): it is upgraded the official way — "19" inserted before the
 * year and the check character appended — so the same person matches across old and new cards; anything
 * else of 15 characters is null.
 */
export function normalizeIdNumber(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = nfkcNoSpace(raw).toUpperCase();
  if (/^\d{15}$/.test(s)) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    return first17 + idChecksum(first17);
  }
  if (!/^\d{17}[\dX]$/.test(s)) return null;
  return idChecksum(s.slice(0, 17)) === s[17] ? s : null;
}

/** The normalized ID number, or `petition.invalidIdNumber` (for an API that requires a valid one). */
export function requireIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  if (id === null)
    throw new DomainError('petition.invalidIdNumber', 'not a valid ID number', { field: 'idNumber' });
  return id;
}

/** NFKC, trimmed, inner whitespace removed ("张 三", "张　三" → "张三"). Case is kept. */
export const normalizePetitionerName = (raw: string | null | undefined): string => nfkcNoSpace(raw ?? '');

/**
 * Digits only (after NFKC, so full-width digits count), with the country prefix +86 or 0086 removed.
 * Chosen: a bare leading "86" without + or 00 is kept (it cannot be told from a number that starts so).
 */
export function normalizePhone(raw: string | null | undefined): string {
  const s = nfkcNoSpace(raw ?? '').replace(/[^\d+]/g, '');
  const national = s.startsWith('+86') ? s.slice(3) : s.startsWith('0086') ? s.slice(4) : s;
  return national.replace(/\D/g, '');
}

/**
 * The match key of a petitioner: keyedHash(`id:<normalized ID>`) when a valid ID number exists, else
 * keyedHash(`np:<normalized name>|<normalized phone>`) (an absent phone is "").
 */
export function identityMatchKey(
  petitioner: Pick<Petitioner, 'name' | 'phone' | 'idNumber'>,
  keyedHash: (s: string) => string,
): string {
  const id = normalizeIdNumber(petitioner.idNumber);
  if (id !== null) return keyedHash(`id:${id}`);
  return keyedHash(`np:${normalizePetitionerName(petitioner.name)}|${normalizePhone(petitioner.phone)}`);
}
