import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fenToWanExact,
  fenToYuan,
  fmtInstant,
  localToInstant,
  nowInstant,
  todayLocal,
  wanToFen,
  yuanToFen,
} from './format.js';

describe('money and dates', () => {
  it('turns yuan typed by a person into exact fen, and back', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('4,124,500')).toBe(412450000);
    expect(yuanToFen('')).toBe(0);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(fenToYuan(412450000)).toBe('4,124,500.00');
    expect(fenToYuan(7)).toBe('0.07');
  });

  it('turns 万元 typed by a person (as the ledgers speak) into exact fen, and back', () => {
    // 001: 4.1245 million yuan held idle = 412.45 万元
    expect(wanToFen('412.45')).toBe(412_450_000);
    expect(wanToFen('12.5')).toBe(12_500_000);
    expect(wanToFen('0.000001')).toBe(1); // one fen
    expect(wanToFen('1,000')).toBe(1_000_000_000);
    expect(wanToFen('')).toBe(0);
    expect(wanToFen('0.0000001')).toBeNull();
    expect(wanToFen('-1')).toBeNull();
    expect(wanToFen('1e3')).toBeNull();
    expect(fenToWanExact(412_450_000)).toBe('412.45');
    expect(fenToWanExact(1)).toBe('0.000001');
    expect(fenToWanExact(0)).toBe('0');
    expect(fenToWanExact(1_234_000_000)).toBe('1,234');
  });

  it('reads back every amount it shows, to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(wanToFen(fenToWanExact(fen))).toBe(fen);
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
      // The edges fast-check may or may not draw: the largest amounts of each unit's digits, and beyond.
      { examples: [[10 ** 15], [10 ** 15 - 1], [Number.MAX_SAFE_INTEGER]] },
    );
    expect(wanToFen('9999999999.999999')).toBeNull();
  });

  it('shows times and dates in the scheme time zone (Asia/Shanghai)', () => {
    expect(fmtInstant('2025-03-31T16:30:00Z')).toBe('2025-04-01 00:30');
    const ms = Date.parse('2025-03-31T16:30:00Z');
    expect(todayLocal(ms)).toBe('2025-04-01');
    expect(nowInstant(ms)).toBe('2025-04-01T00:30:00+08:00');
    expect(localToInstant('2025-04-01T00:30')).toBe('2025-04-01T00:30:00+08:00');
    expect(localToInstant('not a time')).toBeNull();
  });
});

describe('schema issues before sending', () => {
  it('say in the user language what to fix', async () => {
    const { issueFields } = await import('./schema-issues.js');
    const t = (k: string) => k;
    expect(
      issueFields(t as never, [
        { code: 'too_small', path: ['petitioner', 'idNumber'], input: '123' },
        { code: 'invalid_type', path: ['unitId'], input: undefined },
      ]),
    ).toEqual([
      { name: ['petitioner', 'idNumber'], errors: ['error.invalidValue'] },
      { name: ['unitId'], errors: ['findings.required'] },
    ]);
  });
});
