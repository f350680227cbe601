import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { translate } from './index.js';
import { zhCN } from './zh-CN.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the i18n catalogue', () => {
  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('has no empty message in either language', () => {
    for (const cat of [zhCN, en] as Record<string, string>[]) {
      for (const [k, v] of Object.entries(cat)) expect(v.trim(), k).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(zhCN[k]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'rect.overdue', { n: 3 })).toBe('3 days overdue');
    expect(translate('zh-CN', 'rect.overdue', { n: 3 })).toBe('逾期 3 天');
    expect(translate('en', 'rect.overdue')).toBe('{n} days overdue');
  });
});
