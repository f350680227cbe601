/**
 * Free text (descriptions, names, reasons, matters, notes, titles, excerpts, aliases …): every such field
 * of a record or a request is one of these schemas, so the API, batch items and spreadsheet imports all
 * refuse the same characters (issue 12). Refused: C0 control characters other than tab, line feed and
 * carriage return (CR stays: text pasted from Windows and cells of csv files carry CRLF line ends), DEL
 * and the C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make a text display other than it reads ("Trojan Source").
 */
import * as z from '../zod.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Whether `s` holds no control character (but tab, LF, CR) and no bidi override or isolate. */
export const isPlainText = (s: string): boolean => !UNSAFE.test(s);

export const PLAIN_TEXT_MESSAGE = 'control characters and bidirectional overrides are not allowed in text';

/** Any free text: a string without control characters or bidi overrides (limits chained by the caller). */
export const plainText = () => z.string().check(z.refine(isPlainText, { message: PLAIN_TEXT_MESSAGE }));

/** A name, a title, a label: trimmed, 1 to `max` characters. */
export const shortText = (max = 200) => plainText().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A description, a measure, a reason: trimmed, 1 to `max` characters. */
export const longText = (max = 4000) => plainText().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A note that may be empty: trimmed, at most `max` characters. */
export const noteText = (max = 4000) => plainText().check(z.trim(), z.maxLength(max));

/**
 * The form in which keyword search compares text (issue 17): Unicode NFKC (full-width letters and digits
 * become half-width, compatibility ideographs their unified form) and lower case, whitespace runs as one
 * space. A search matches where the normalized query is a substring of the normalized text — Chinese has
 * no word breaks, so substring match is the only match a reader expects.
 */
export const searchKey = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
