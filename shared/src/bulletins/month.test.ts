import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { addMonths, bulletinDueOn, lastDayOf, monthsDueForBulletin } from './month.js';

describe('bulletin months', () => {
  it('know their last day, leap years included, and step across years', () => {
    expect([lastDayOf('2024-02'), lastDayOf('2025-02'), lastDayOf('2025-12')]).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2025-12-31',
    ]);
    expect([addMonths('2025-01', -1), addMonths('2025-12', 1), addMonths('2025-05', -14)]).toEqual([
      '2024-12',
      '2026-01',
      '2024-03',
    ]);
  });

  it('are due on the scheme’s day of the next month', () => {
    expect(bulletinDueOn('2025-12', DEFAULT_SCHEME)).toBe('2026-01-05');
    expect(bulletinDueOn('2025-05', { bulletins: { dayOfMonth: 1 } })).toBe('2025-06-01');
  });

  it('fall due once their day has come, and a missed month is still due later', () => {
    expect(monthsDueForBulletin('2025-06-04', DEFAULT_SCHEME)).toEqual(['2025-04']);
    expect(monthsDueForBulletin('2025-06-05', DEFAULT_SCHEME)).toEqual(['2025-04', '2025-05']);
    expect(monthsDueForBulletin('2025-07-01', DEFAULT_SCHEME, 3)).toEqual(['2025-04', '2025-05']);
  });

  it('fall back to the default day for a scheme stored before the field existed', () => {
    expect(bulletinDueOn('2025-05', {})).toBe('2025-06-05');
  });

  it('refuse a malformed month', () => {
    try {
      lastDayOf('2025-13');
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('bulletin.invalidMonth');
    }
  });
});
