/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell beginning with `=`, `+`, `-`, `@`,
 * a tab or a carriage return may be read as a formula by a spreadsheet — on opening a csv, or once an
 * xlsx's cell is edited or re-saved — so every text cell we write is prefixed with a single quote. Only
 * text: numbers and dates stay cells of their kind (a negative amount is the number −3, not "'-3").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet could take this text for a formula. */
export const looksLikeFormula = (s: string): boolean => FORMULA_START.test(s);

/** The text as a cell no spreadsheet evaluates: `'` before a formula start, else unchanged. */
export const neutraliseFormula = (s: string): string => (looksLikeFormula(s) ? `'${s}` : s);

/** A cell value with its text neutralised; numbers, dates, booleans and empty cells as they are. */
export const safeCell = <T>(v: T): T | string => (typeof v === 'string' ? neutraliseFormula(v) : v);

/**
 * A cell read back from a sheet we wrote: the quote `neutraliseFormula` added is taken off again, so a
 * ledger exported, edited and imported keeps its text ("'-王某" reads "-王某").
 */
export const unquoteFormula = (s: string): string =>
  s.startsWith("'") && looksLikeFormula(s.slice(1)) ? s.slice(1) : s;
