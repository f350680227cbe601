/** Building blocks shared by every record schema. */

import { isInstant, isLocalDate } from '../calendar/local-date.js';
import { isQuarterKey } from '../calendar/quarter.js';
import * as z from '../zod.js';

export const localDateSchema = z
  .string()
  .check(z.refine(isLocalDate, { message: 'expected a date YYYY-MM-DD' }));

/** A record id: letters, digits, '-', '_' (ULIDs or codes). */
export const idSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, { message: 'ids use letters, digits, - and _' }),
  );

export const instantSchema = z
  .string()
  .check(
    z.maxLength(40),
    z.refine(isInstant, { message: 'expected an ISO 8601 time with offset, e.g. 2025-03-31T09:00:00+08:00' }),
  );

export const quarterKeySchema = z
  .string()
  .check(z.refine(isQuarterKey, { message: 'expected a quarter like 2025Q1' }));

/** Money is integer fen (分), never floating yuan. */
export const fenSchema = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export {
  isPlainText,
  longText,
  noteText,
  PLAIN_TEXT_MESSAGE,
  plainText,
  searchKey,
  shortText,
} from './text.js';

/** An enumeration whose codes carry Chinese (and English) labels for the UI. */
export function labelledEnum<const T extends Record<string, { zh: string; en: string }>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { schema: z.enum(codes), labels, codes };
}
