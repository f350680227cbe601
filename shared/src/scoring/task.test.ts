import { describe, expect, it } from 'vitest';
import type { Indicator } from '../schemas/indicator.js';
import { taskCompletion, taskLine, taskPoints } from './task.js';

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'ind-1',
  unitId: 'u1',
  year: 2025,
  name: '危房改造',
  target: 100,
  actuals: [null, null, null, null],
  ...over,
});

const completionOf = (plan: number, actual: number | null) => {
  const c = taskCompletion({ plan, actual });
  return Number(c.num) / Number(c.den);
};

describe('taskLine', () => {
  it('defaults the plan to target × q/4 (时间过半任务过半)', () => {
    const ind = indicator({ actuals: [10, 30, null, null] });
    expect(taskLine(ind, { year: 2025, quarter: 2 })).toEqual({ plan: 50, actual: 30 });
    expect(taskLine(ind, '2025Q1')).toEqual({ plan: 25, actual: 10 });
    expect(taskLine(ind, '2025Q4')).toEqual({ plan: 100, actual: null });
  });

  it('uses the cumulative plan of the quarter when the indicator gives one', () => {
    const ind = indicator({ plan: [10, null, 80, 100], actuals: [5, 20, 60, 90] });
    expect(taskLine(ind, '2025Q1')).toEqual({ plan: 10, actual: 5 });
    expect(taskLine(ind, '2025Q2')).toEqual({ plan: 50, actual: 20 });
    expect(taskLine(ind, '2025Q3')).toEqual({ plan: 80, actual: 60 });
  });

  it('computes a default plan as the exact decimal, without floating drift', () => {
    expect(taskLine(indicator({ target: 0.1 }), '2025Q3')?.plan).toBe(0.075);
    expect(taskLine(indicator({ target: 1.0001 }), '2025Q3')?.plan).toBe(0.750075);
  });

  it('gives no line for an indicator without a target or of another year', () => {
    expect(taskLine(indicator({ target: null }), '2025Q2')).toBeNull();
    expect(taskLine(indicator({ year: 2024 }), '2025Q2')).toBeNull();
  });
});

describe('taskCompletion', () => {
  it('is actual over plan, capped at 1', () => {
    expect(completionOf(50, 30)).toBe(0.6);
    expect(completionOf(50, 75)).toBe(1);
  });

  it('counts a missing actual as 0', () => {
    expect(completionOf(50, null)).toBe(0);
  });

  it('treats a plan of 0 as complete, whatever the actual', () => {
    expect(completionOf(0, null)).toBe(1);
    expect(completionOf(0, 5)).toBe(1);
  });

  it('counts a negative actual as 0', () => {
    expect(completionOf(10, -3)).toBe(0);
  });

  it('is exact on decimals that floating point gets wrong', () => {
    // 0.3 / 0.1 is 2.9999999999999996 in floating point; exactly 3, so capped at 1.
    expect(completionOf(0.3, 0.3)).toBe(1);
    const c = taskCompletion({ plan: 0.3, actual: 0.1 });
    expect(c).toEqual({ num: 1n, den: 3n });
  });
});

describe('taskPoints', () => {
  it('gives the full weight when the unit has no indicators', () => {
    expect(taskPoints([], 4000)).toBe(4000);
  });

  it('is weight × mean completion (target 100, Q2, actual 30 → 30/50)', () => {
    expect(taskPoints([{ plan: 50, actual: 30 }], 4000)).toBe(2400);
  });

  it('averages capped completions with a missing actual as 0', () => {
    // (1 + 0 + 0.5) / 3 × 4000 = 2000
    const lines = [
      { plan: 10, actual: 20 },
      { plan: 10, actual: null },
      { plan: 10, actual: 5 },
    ];
    expect(taskPoints(lines, 4000)).toBe(2000);
  });

  it('needs no rounding when the fraction is exact (4000 × 1/8 = 500)', () => {
    expect(taskPoints([{ plan: 8, actual: 1 }], 4000)).toBe(500);
  });

  it('rounds half up exactly at .5, once', () => {
    // 4000 × (1/16000) = 0.25 → 0; 4000 × (3/8000) = 1.5 → 2; 4000 × (1/3 + 0) / 2 = 666.67 → 667
    expect(taskPoints([{ plan: 16000, actual: 1 }], 4000)).toBe(0);
    expect(taskPoints([{ plan: 8000, actual: 3 }], 4000)).toBe(2);
    expect(taskPoints([{ plan: 8000, actual: 2.5 }], 4000)).toBe(1);
    expect(
      taskPoints(
        [
          { plan: 3, actual: 1 },
          { plan: 3, actual: null },
        ],
        4000,
      ),
    ).toBe(667);
  });

  it('rounds the mean once, not each line', () => {
    // Each line alone would give 4000 × (1/8000) ÷ 2 = 0.25 → 0; together 4000 × (2/8000) ÷ 2 = 0.5 → 1.
    const line = { plan: 8000, actual: 1 };
    expect(taskPoints([line, line], 4000)).toBe(1);
  });
});
