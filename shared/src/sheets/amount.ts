/**
 * Money in a ledger (涉及金额): typed in 万元 (or 元) as a decimal, stored as integer fen (DESIGN §5).
 * The decimal string is parsed digit by digit — never through a float — so 412.45 万元 is exactly
 * 412,450,000 fen. A number cell is first printed with Excel's own 15 significant digits, which drops a
 * formula's binary noise (0.30000000000000004 → 0.3) the way Excel shows it.
 */

/** The unit the amount column is written in. */
export type AmountUnit = 'wan' | 'yuan';

/** Digits after the decimal point that are still whole fen: 万元 has 6 (1 万元 = 1,000,000 fen). */
export const FEN_DIGITS: Record<AmountUnit, number> = { wan: 6, yuan: 2 };

export type AmountProblem = 'amount.invalid' | 'amount.negative' | 'amount.tooPrecise' | 'amount.tooLarge';

export type AmountResult = { ok: true; fen: number | null } | { ok: false; code: AmountProblem };

const FULL_WIDTH = /[０-９．，－]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A number cell as the decimal Excel shows (15 significant digits, no exponent for ledger sizes). */
export function decimalOfNumber(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const fixed = Number(n.toPrecision(15));
  const s = String(fixed);
  if (!/e/i.test(s)) return s;
  // Tiny or huge numbers: spell out with enough places, then trim.
  return fixed.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * Parses an amount cell: empty → fen null (no amount); "1,234.5" / "１２.５" / "12.5万元" / 12.5 → fen.
 * Refuses text, negatives, more decimals than whole fen, and amounts past the safe integer range.
 */
export function parseAmountFen(
  cell: string | number | null | undefined,
  unit: AmountUnit = 'wan',
): AmountResult {
  if (cell === null || cell === undefined) return { ok: true, fen: null };
  let s = typeof cell === 'number' ? decimalOfNumber(cell) : halfWidth(String(cell));
  s = s.replace(/[\s\u3000]/g, '').replace(/[,，]/g, '');
  s = s.replace(unit === 'wan' ? /(万元|万)$/ : /元$/, '');
  if (s === '') return { ok: true, fen: null };
  if (/^-/.test(s)) return /^-\d*\.?\d+$/.test(s) ? { ok: false, code: 'amount.negative' } : invalid;
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return invalid;
  const digits = FEN_DIGITS[unit];
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > digits) return { ok: false, code: 'amount.tooPrecise' };
  const fen = BigInt(m[1] || '0') * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, '0') || '0');
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, code: 'amount.tooLarge' };
  return { ok: true, fen: Number(fen) };
}

const invalid: AmountResult = { ok: false, code: 'amount.invalid' };

/** Fen as the decimal people write in a ledger (万元 by default), without trailing zeros: 412450000 → "412.45". */
export function formatFen(fen: number, unit: AmountUnit = 'wan'): string {
  const digits = FEN_DIGITS[unit];
  const s = String(fen).padStart(digits + 1, '0');
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}
