import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOfNumber, formatFen, parseAmountFen } from './amount.js';

describe('ledger amounts in 万元 become integer fen', () => {
  it.each([
    ['412.45', 412_450_000],
    ['0.01', 10_000],
    ['1,234.5', 1_234_500_000],
    ['１２.５', 12_500_000],
    ['12.5万元', 12_500_000],
    [' 3 ', 3_000_000],
    ['0.000001', 1],
    ['.5', 500_000],
    ['7.', 7_000_000],
    ['2.100000', 2_100_000],
  ])('reads %s as %d fen', (cell, fen) => {
    expect(parseAmountFen(cell)).toEqual({ ok: true, fen });
  });

  it('reads number cells as Excel shows them, without binary noise', () => {
    expect(parseAmountFen(0.1 + 0.2)).toEqual({ ok: true, fen: 300_000 });
    expect(parseAmountFen(412.45)).toEqual({ ok: true, fen: 412_450_000 });
    expect(parseAmountFen(1e-6)).toEqual({ ok: true, fen: 1 });
  });

  it('treats an empty cell as no amount', () => {
    expect(parseAmountFen('')).toEqual({ ok: true, fen: null });
    expect(parseAmountFen(null)).toEqual({ ok: true, fen: null });
  });

  it.each([
    ['约5万', 'amount.invalid'],
    ['abc', 'amount.invalid'],
    ['1.2.3', 'amount.invalid'],
    ['-3', 'amount.negative'],
    ['0.0000001', 'amount.tooPrecise'],
    ['99999999999', 'amount.tooLarge'],
  ])('refuses %s with %s', (cell, code) => {
    expect(parseAmountFen(cell)).toEqual({ ok: false, code });
  });

  it('reads yuan with two decimals when the column is in 元', () => {
    expect(parseAmountFen('1234.56', 'yuan')).toEqual({ ok: true, fen: 123_456 });
    expect(parseAmountFen('1.234', 'yuan')).toEqual({ ok: false, code: 'amount.tooPrecise' });
  });

  it('formats fen back as the decimal people write', () => {
    expect(formatFen(412_450_000)).toBe('412.45');
    expect(formatFen(1)).toBe('0.000001');
    expect(formatFen(0)).toBe('0');
    expect(decimalOfNumber(1e21)).toBe('1e+21');
  });

  it('round-trips every formatted amount, as text and with thousands separators', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('wan', 'yuan'),
        (fen, unit) => {
          const text = formatFen(fen, unit as 'wan' | 'yuan');
          expect(parseAmountFen(text, unit as 'wan' | 'yuan')).toEqual({ ok: true, fen });
          const grouped = text.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
          expect(parseAmountFen(grouped, unit as 'wan' | 'yuan')).toEqual({ ok: true, fen });
        },
      ),
    );
  });

  it('round-trips amounts typed into a number cell with up to 15 significant digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (fen) => {
        // 万元 with 6 decimals: 12 digits of fen fit Excel's 15 significant digits.
        expect(parseAmountFen(Number(formatFen(fen)))).toEqual({ ok: true, fen });
      }),
    );
  });
});
