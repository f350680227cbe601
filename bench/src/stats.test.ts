import { describe, expect, it } from 'vitest';
import { fmt, int, median, percentile, perSecond, summarize } from './stats.js';

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
