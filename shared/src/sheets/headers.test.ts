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
    ['计划完成时间', 'deadline'],
    ['要求完成时限', 'deadline'],
    ['销号日期', 'closedOn'],
    ['销号时间', 'closedOn'],
    ['完成时间', 'closedOn'],
    ['整改完成时间', 'closedOn'],
    ['实际完成时间', 'closedOn'],
    ['办结时间', 'closedOn'],
    ['销号日期（年月日）', 'closedOn'],
    ['*实际完成日期', 'closedOn'],
    ['复核人', 'verifiers'],
    ['验收人', 'verifiers'],
    ['销号审核人', 'verifiers'],
    ['核查人', 'verifiers'],
    ['验收单位', 'verifiers'],
    ['复核人（签字）', 'verifiers'],
    ['发现时间', 'discovered'],
    ['交办日期', 'discovered'],
    ['记录编号', 'recordId'],
    ['版本', 'version'],
  ])('knows %s as %s', (header, field) => {
    expect(fieldOfHeader(header)?.field).toBe(field);
  });

  it('keeps the amount unknown when a hint names a unit it cannot read', () => {
    expect(fieldOfHeader('涉及金额（亿元）')).toBeNull();
    expect(fieldOfHeader('整改完成情况')?.field).toBe('progress'); // not the closure date
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
