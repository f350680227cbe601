import { describe, expect, it } from 'vitest';
import { fieldOfHeader, matchLedgerHeaders } from './headers.js';
import { ledgerStatusOf } from './status.js';

describe('ledger headers and their variants', () => {
  it.each([
    ['序号', 'seq'],
    ['问题清单', 'description'],
    ['存在问题', 'description'],
    ['牵头单位', 'unit'],
    ['责任部门', 'unit'],
    ['完成时限', 'deadline'],
    ['整改期限', 'deadline'],
    ['完成情况', 'progress'],
    ['整改状态/是否销号', 'status'],
    ['是否销号', 'status'],
    ['涉及金额（万元）', 'amount'],
    [' 涉及金额 (万元) ', 'amount'],
    ['*问题描述', 'description'],
    ['整改\n时限', 'deadline'],
  ])('knows %s as %s', (header, field) => {
    expect(fieldOfHeader(header)?.field).toBe(field);
  });

  it('knows an amount column in 元', () => {
    expect(fieldOfHeader('涉及金额（元）')).toEqual({ field: 'amount', amountUnit: 'yuan' });
  });

  it('finds the header row under a title row and lists what is missing', () => {
    const m = matchLedgerHeaders([
      ['东山县审计整改台账'],
      ['序号', '存在问题', '牵头单位', '备注'],
      [1, '问题', '青松镇', ''],
    ]);
    expect(m).toEqual({
      headerRow: 1,
      columns: { seq: 0, description: 1, unit: 2 },
      amountUnit: 'wan',
      unknown: ['备注'],
      missing: ['deadline'],
    });
  });

  it('answers null when no row names the description', () => {
    expect(matchLedgerHeaders([['姓名', '电话']])).toBeNull();
  });

  it.each([
    ['已销号', 'closed'],
    ['是', 'closed'],
    ['已完成', 'closed'],
    ['整改中', 'in_progress'],
    ['未完成', 'in_progress'],
    ['否', 'open'],
    ['', 'open'],
  ])('reads the status %s as %s', (cell, status) => {
    expect(ledgerStatusOf(cell)).toBe(status);
  });
});
