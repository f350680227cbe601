import { describe, expect, it } from 'vitest';
import { parseSheetTime } from './records-time.js';

const tz = 'Asia/Shanghai';

describe('a time typed in a past-records sheet', () => {
  it.each([
    ['2024-03-05 09:30', '2024-03-05T09:30:00+08:00', false],
    ['2024/3/5 9:30:15', '2024-03-05T09:30:15+08:00', false],
    ['2024年3月5日', '2024-03-05T00:00:00+08:00', true],
    ['2024-03-05T01:30:00Z', '2024-03-05T09:30:00+08:00', false],
    [45356.5, '2024-03-05T12:00:00+08:00', false],
    [new Date(Date.UTC(2024, 2, 5, 9, 30)), '2024-03-05T09:30:00+08:00', false],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05T00:00:00+08:00', true],
  ] as const)('reads %s as %s', (cell, instant, dateOnly) => {
    expect(parseSheetTime(cell, tz)).toEqual({
      ok: true,
      value: { instant, date: instant.slice(0, 10), dateOnly },
    });
  });

  it('reads an empty cell as none and refuses what is no time', () => {
    expect(parseSheetTime(null, tz)).toEqual({ ok: true, value: null });
    expect(parseSheetTime('   ', tz)).toEqual({ ok: true, value: null });
    expect(parseSheetTime('上周三', tz)).toEqual({ ok: false, code: 'date.invalid' });
    expect(parseSheetTime('2024-03-05 25:10', tz)).toEqual({ ok: false, code: 'date.invalid' });
  });
});
