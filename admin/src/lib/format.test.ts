import { describe, expect, it } from 'vitest';
import { fenToYuan, fmtInstant, localToInstant, nowInstant, todayLocal, yuanToFen } from './format.js';

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
