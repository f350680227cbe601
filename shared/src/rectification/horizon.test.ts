import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/local-date.js';
import { compareQuarters, parseQuarter, type QuarterKey } from '../calendar/quarter.js';
import { initialHorizon, nextHorizon, quarterOfDay } from './horizon.js';

/** a ≥ b as quarters. */
const notBefore = (a: QuarterKey, b: QuarterKey) => compareQuarters(parseQuarter(a), parseQuarter(b)) >= 0;

describe('the horizon of a new rectification', () => {
  it("is the deadline's quarter when the deadline is in a later quarter", () => {
    expect(initialHorizon('2025-03-31', '2025-04-01')).toBe('2025Q2');
    expect(initialHorizon('2025-11-20', '2026-01-15')).toBe('2026Q1');
  });

  it("is today's quarter when the deadline is in it or already past", () => {
    expect(initialHorizon('2025-05-10', '2025-06-30')).toBe('2025Q2');
    // A ledger import of a row whose deadline passed long ago.
    expect(initialHorizon('2025-05-10', '2024-12-31')).toBe('2025Q2');
  });
});

describe('the horizon after a write', () => {
  it("moves to today's quarter when a new quarter began since it was set", () => {
    expect(nextHorizon('2025Q1', '2025-04-01')).toBe('2025Q2');
    expect(nextHorizon('2024Q4', '2025-01-01')).toBe('2025Q1');
  });

  it('stays where it is when it is already today’s quarter or later (never moves back)', () => {
    expect(nextHorizon('2025Q2', '2025-06-30')).toBe('2025Q2');
    expect(nextHorizon('2026Q1', '2025-06-30')).toBe('2026Q1');
  });
});

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));

describe('horizon properties', () => {
  it("a new horizon is never before today's quarter nor the deadline's, and is one of them", () => {
    fc.assert(
      fc.property(day, day, (today, deadline) => {
        const h = initialHorizon(today, deadline);
        expect(notBefore(h, quarterOfDay(today))).toBe(true);
        expect(notBefore(h, quarterOfDay(deadline))).toBe(true);
        expect([quarterOfDay(today), quarterOfDay(deadline)]).toContain(h);
      }),
    );
  });

  it("over any run of writes on days in any order it never moves back and covers every write's quarter", () => {
    fc.assert(
      fc.property(day, day, fc.array(day, { maxLength: 30 }), (created, deadline, writes) => {
        let h = initialHorizon(created, deadline);
        for (const today of writes) {
          const next = nextHorizon(h, today);
          expect(notBefore(next, h)).toBe(true);
          expect(notBefore(next, quarterOfDay(today))).toBe(true);
          // Only as far as today's quarter: a write never invents quarter ends that have not come.
          expect(next === h || next === quarterOfDay(today)).toBe(true);
          h = next;
        }
        expect(notBefore(h, quarterOfDay(deadline))).toBe(true);
        for (const today of [created, ...writes]) expect(notBefore(h, quarterOfDay(today))).toBe(true);
      }),
    );
  });
});
