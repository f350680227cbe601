import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/index.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { assertQuarterEnded, autoPublishOn, quarterEnded, quartersDueForAutoPublish } from './schedule.js';

describe('the publishing schedule', () => {
  it('publishes a quarter automatically 10 days after its last day (scheme data)', () => {
    expect(autoPublishOn('2024Q4', DEFAULT_SCHEME)).toBe('2025-01-10');
    expect(autoPublishOn('2025Q1', { publishing: { autoPublishDelayDays: 0 } })).toBe('2025-03-31');
  });

  it('finds the quarters due on a day, oldest first, and none before their day', () => {
    expect(quartersDueForAutoPublish('2025-01-09', DEFAULT_SCHEME)).toEqual(['2024Q3']);
    expect(quartersDueForAutoPublish('2025-01-10', DEFAULT_SCHEME)).toEqual(['2024Q3', '2024Q4']);
    expect(quartersDueForAutoPublish('2025-01-10', DEFAULT_SCHEME, 1)).toEqual(['2024Q4']);
  });

  it('refuses to publish a quarter before it has ended', () => {
    expect(quarterEnded('2025Q1', '2025-03-31')).toBe(false);
    expect(quarterEnded('2025Q1', '2025-04-01')).toBe(true);
    expect(() => assertQuarterEnded('2025Q1', '2025-04-01')).not.toThrow();
    try {
      assertQuarterEnded('2025Q1', '2025-03-31');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('ranking.quarterNotEnded');
    }
  });
});
