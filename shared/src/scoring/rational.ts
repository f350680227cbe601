/**
 * Exact rationals on BigInt for the one rounding of DESIGN §4.1 ("compute in integer hundredths, no
 * floating drift"). Indicator values have at most 4 decimals (a default plan target × q/4 at most 6), so
 * a number is read through its shortest decimal rendering: for values with ≤ 4 decimals this is exactly
 * the scaled integer value × 10⁴ / 10⁴, and it stays exact for the few extra decimals of a default plan.
 */
import { DomainError } from '../errors/index.js';

/** num / den with den > 0, always reduced. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new DomainError('ranking.invalidValue', 'a rational cannot have denominator 0');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** The exact value of a finite number's shortest decimal rendering (0.1 → 1/10, not the binary double). */
export function fromNumber(v: number): Rational {
  const m = Number.isFinite(v) ? DECIMAL_RE.exec(String(v)) : null;
  if (!m) throw new DomainError('ranking.invalidValue', `not a finite number: ${v}`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  const digits = BigInt(`${m[1]}${m[2]}${frac}`);
  return exp >= 0 ? rational(digits * 10n ** BigInt(exp)) : rational(digits, 10n ** BigInt(-exp));
}

export const add = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const compare = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** ⌊a / b⌋ for b > 0 (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Round half up (toward +∞ at exactly .5) to an integer: ⌊r + ½⌋. */
export const roundHalfUp = (r: Rational): bigint => floorDiv(2n * r.num + r.den, 2n * r.den);

/** A value in [0, ∞) as a decimal string with exactly `places` decimals, rounded half up ("0.6000"). */
export function toFixed(r: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = roundHalfUp(mul(r, rational(scale)));
  const whole = scaled / scale;
  const part = (scaled % scale).toString().padStart(places, '0');
  return places === 0 ? whole.toString() : `${whole}.${part}`;
}
