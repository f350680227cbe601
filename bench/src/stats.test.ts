import { describe, expect, it } from 'vitest';
import { fmt, int, median, percentile, perSecond, roundOrder, summarize } from './stats.js';

describe('percentile', () => {
  it.each([
    [0, 1],
    [50, 3],
    [100, 5],
    [25, 2],
    [90, 4.6],
  ])('gives the %ith percentile of 1..5 by linear interpolation', (p, expected) => {
    expect(percentile([5, 3, 1, 4, 2], p)).toBeCloseTo(expected);
  });

  it('is NaN without samples and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('leaves the samples it is given in their order', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summaries and rates', () => {
  it('summarizes latencies as count, p50, p99 and max', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(ms)).toEqual({ count: 100, p50: 50.5, p99: 99.01, max: 100 });
  });

  it('turns a count over milliseconds into a rate per second', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(1, 0)).toBeNaN();
  });

  it('formats with about three significant digits', () => {
    expect(fmt(1234.56, 'items/s')).toBe('1,235 items/s');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(1.2345)).toBe('1.23');
    expect(fmt(Number.NaN)).toBe('n/a');
  });

  it('formats counts as whole numbers', () => {
    expect(int(0)).toBe('0');
    expect(int(100_160)).toBe('100,160');
  });
});

describe('roundOrder', () => {
  it('puts three items in all six orders over six rounds, each in every position twice', () => {
    const orders = Array.from({ length: 6 }, (_, r) => roundOrder(['a', 'b', 'c'], r).join(''));
    expect(new Set(orders).size).toBe(6);
    for (const x of ['a', 'b', 'c'])
      for (let pos = 0; pos < 3; pos++) expect(orders.filter((o) => o[pos] === x)).toHaveLength(2);
  });

  it('balances positions for any count over 2n rounds and leaves its input alone', () => {
    for (let n = 1; n <= 6; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      const seen = items.map(() => items.map(() => 0));
      for (let r = 0; r < 2 * n; r++)
        roundOrder(items, r).forEach((item, pos) => {
          seen[item]![pos]!++;
        });
      for (const row of seen) for (const c of row) expect(c).toBe(2);
      expect(items).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    expect(roundOrder([], 3)).toEqual([]);
  });
});
