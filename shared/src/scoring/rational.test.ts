import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { add, compare, div, fromNumber, mul, rational, roundHalfUp, toFixed } from './rational.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('rational', () => {
  it('reads a number as the exact value of its decimal rendering', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromNumber(123.4567)).toEqual({ num: 1234567n, den: 10000n });
    expect(fromNumber(2.5e-7)).toEqual({ num: 1n, den: 4000000n });
    expect(fromNumber(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(fromNumber(-1.5)).toEqual({ num: -3n, den: 2n });
  });

  it('refuses a number that is not finite', () => {
    expect(codeOf(() => fromNumber(Number.NaN))).toBe('ranking.invalidValue');
    expect(codeOf(() => fromNumber(Number.POSITIVE_INFINITY))).toBe('ranking.invalidValue');
    expect(codeOf(() => rational(1n, 0n))).toBe('ranking.invalidValue');
  });

  it('keeps fractions reduced with a positive denominator', () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(add(fromNumber(0.1), fromNumber(0.2))).toEqual({ num: 3n, den: 10n });
    expect(mul(rational(2n, 3n), rational(3n, 4n))).toEqual({ num: 1n, den: 2n });
    expect(div(rational(1n, 2n), rational(1n, 4n))).toEqual({ num: 2n, den: 1n });
    expect(compare(rational(1n, 3n), rational(1n, 2n))).toBe(-1);
    expect(compare(rational(2n, 4n), rational(1n, 2n))).toBe(0);
    expect(compare(rational(3n, 4n), rational(1n, 2n))).toBe(1);
  });

  it.each([
    [rational(5n, 2n), 3n],
    [rational(7n, 3n), 2n],
    [rational(8n, 3n), 3n],
    [rational(4n, 1n), 4n],
    [rational(-5n, 2n), -2n],
    [rational(-7n, 3n), -2n],
  ])('rounds %o half up to %s', (r, expected) => {
    expect(roundHalfUp(r)).toBe(expected);
  });

  it('formats a value with a fixed number of decimals, rounded half up', () => {
    expect(toFixed(rational(3n, 5n), 4)).toBe('0.6000');
    expect(toFixed(rational(1n, 1n), 4)).toBe('1.0000');
    expect(toFixed(rational(2n, 3n), 4)).toBe('0.6667');
    expect(toFixed(rational(1n, 20000n), 4)).toBe('0.0001');
    expect(toFixed(rational(5n, 2n), 0)).toBe('3');
  });
});
