/**
 * Masking of petitioner identity in every response (DESIGN §6: 张*, 138****1234). Values are normalized
 * first (identity.ts), and characters are counted as code points, so a rare CJK character outside the BMP
 * counts as one.
 */
import type { Petitioner } from '../schemas/petition.js';
import { normalizeIdNumber, normalizePetitionerName, normalizePhone } from './identity.js';

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * Keep the first character, mask the rest: 张三 → 张*, 欧阳娜娜 → 欧***. Chosen: a one-character name is
 * masked whole (*), since keeping it would reveal all of it.
 */
export function maskName(name: string): string {
  const cs = Array.from(normalizePetitionerName(name));
  if (cs.length <= 1) return stars(cs.length);
  return `${cs[0]}${stars(cs.length - 1)}`;
}

/**
 * 13812341234 → 138****1234: the first 3 and last 4 digits kept when there are at least 8 digits (also
 * landlines: 01012345678 → 010****5678). Chosen for shorter numbers: only the last 2 digits are kept.
 */
export function maskPhone(phone: string): string {
  const d = normalizePhone(phone);
  if (d.length >= 8) return `${d.slice(0, 3)}${stars(d.length - 7)}${d.slice(-4)}`;
  return d.length > 2 ? `${stars(d.length - 2)}${d.slice(-2)}` : stars(d.length);
}

/**
 * 110101199003071234 → 1101**********1234: the first 4 (province and city) and the last 4 kept. A valid
 * number is masked in its normalized 18-character form (a 15-digit one after its upgrade); anything else
 * is masked as typed (spaces removed, same rule when it has at least 9 characters, else masked whole).
 */
export function maskIdNumber(idNumber: string): string {
  const s = normalizeIdNumber(idNumber) ?? idNumber.normalize('NFKC').replace(/\s+/gu, '');
  const cs = Array.from(s);
  if (cs.length < 9) return stars(cs.length);
  return `${cs.slice(0, 4).join('')}${stars(cs.length - 8)}${cs.slice(-4).join('')}`;
}

/** The petitioner as every response shows it; absent fields stay absent. */
export function maskPetitioner(p: Petitioner): Petitioner {
  const out: Petitioner = { name: maskName(p.name) };
  if (p.phone !== undefined) out.phone = maskPhone(p.phone);
  if (p.idNumber !== undefined) out.idNumber = maskIdNumber(p.idNumber);
  return out;
}
