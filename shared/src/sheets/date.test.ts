import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfExcelSerial, excelSerialOf, parseLedgerDate } from './date.js';

const ok = (date: string | null) => ({ ok: true, date });

describe('ledger dates in the forms people type', () => {
  it.each([
    ['2018-06-30', '2018-06-30'],
    ['2018/6/30', '2018-06-30'],
    ['2018.6.30', '2018-06-30'],
    ['2018年6月30日', '2018-06-30'],
    ['2018年06月30日', '2018-06-30'],
    ['2018年6月30号', '2018-06-30'],
    ['２０１８／６／３０', '2018-06-30'],
    ['20180630', '2018-06-30'],
    ['2018-06-30 00:00:00', '2018-06-30'],
    [' 2018-6-3 ', '2018-06-03'],
    ['43281', '2018-06-30'],
  ])('reads %s as %s', (cell, date) => {
    expect(parseLedgerDate(cell)).toEqual(ok(date));
  });

  it('reads Excel serials of the 1900 system, with its fictitious 1900-02-29', () => {
    expect(parseLedgerDate(43281)).toEqual(ok('2018-06-30'));
    expect(parseLedgerDate(43281.75)).toEqual(ok('2018-06-30'));
    expect(dateOfExcelSerial(1)).toBe('1900-01-01');
    expect(dateOfExcelSerial(59)).toBe('1900-02-28');
    expect(dateOfExcelSerial(60)).toBeNull();
    expect(dateOfExcelSerial(61)).toBe('1900-03-01');
    expect(dateOfExcelSerial(0)).toBeNull();
  });

  it('reads a Date from an xlsx date cell by its calendar day', () => {
    expect(parseLedgerDate(new Date(Date.UTC(2018, 5, 30)))).toEqual(ok('2018-06-30'));
    expect(parseLedgerDate(new Date(Date.UTC(2018, 5, 29, 23, 59, 59, 999)))).toEqual(ok('2018-06-30'));
  });

  it('treats an empty cell as no date', () => {
    expect(parseLedgerDate('  ')).toEqual(ok(null));
    expect(parseLedgerDate(undefined)).toEqual(ok(null));
  });

  it.each(['2018-02-30', '2018/13/1', '六月底', '2018年6月', 'abc', '1899-12-31'])('refuses %s', (cell) => {
    expect(parseLedgerDate(cell)).toEqual({ ok: false, code: 'date.invalid' });
  });

  it('parses every written form of a random date back to it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-03-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const y = d.getUTCFullYear();
          const m = d.getUTCMonth() + 1;
          const day = d.getUTCDate();
          const p2 = (n: number) => String(n).padStart(2, '0');
          const iso = `${y}-${p2(m)}-${p2(day)}`;
          const forms: (string | number | Date)[] = [
            iso,
            `${y}/${m}/${day}`,
            `${y}.${m}.${day}`,
            `${y}年${m}月${day}日`,
            `${y}${p2(m)}${p2(day)}`,
            excelSerialOf(iso),
            String(excelSerialOf(iso)),
            new Date(Date.UTC(y, m - 1, day)),
          ];
          for (const f of forms) expect(parseLedgerDate(f)).toEqual(ok(iso));
        },
      ),
    );
  });
});
