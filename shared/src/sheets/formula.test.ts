import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula, safeCell, unquoteFormula } from './formula.js';

describe('spreadsheet formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.invalid","点击")', '\'=HYPERLINK("http://evil.invalid","点击")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['扶贫台账', '扶贫台账'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (given, written) => {
    expect(neutraliseFormula(given)).toBe(written);
  });

  it('leaves numbers, dates, booleans and empty cells as they are (a negative amount stays a number)', () => {
    const d = new Date(0);
    expect([safeCell(-3), safeCell(0), safeCell(d), safeCell(true), safeCell(null)]).toEqual([
      -3,
      0,
      d,
      true,
      null,
    ]);
  });

  it('never writes text a spreadsheet takes for a formula, and reading it back gives the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const w = neutraliseFormula(s);
        expect(looksLikeFormula(w)).toBe(false);
        expect(unquoteFormula(w)).toBe(s.startsWith("'") && looksLikeFormula(s.slice(1)) ? s.slice(1) : s);
      }),
    );
  });
});
