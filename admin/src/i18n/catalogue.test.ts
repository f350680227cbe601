import { apiErrorCodes } from '@jiandu/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/api-client.js';
import { en } from './en.js';
import { errorsZh } from './errors.js';
import { errorsEn } from './errors-en.js';
import { errorText, fieldErrorText, loadLang, translate } from './index.js';
import { zhCN } from './zh-CN.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

beforeAll(() => loadLang('en'));

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

describe('the error catalogue', () => {
  const alreadyPublished = new ApiError(409, {
    code: 'ranking.alreadyPublished',
    detail: '2026Q3 is already published',
    title: 'Conflict',
  });

  it('has a Chinese and an English message for every code the API can answer', () => {
    for (const code of apiErrorCodes) {
      expect(errorsZh[code]?.trim(), `zh-CN ${code}`).toBeTruthy();
      expect(errorsEn[code]?.trim(), `en ${code}`).toBeTruthy();
    }
    // and for nothing else: a code removed from the API leaves no message behind
    expect(Object.keys(errorsZh).sort()).toEqual([...new Set(apiErrorCodes)].sort());
    expect(Object.keys(errorsEn).sort()).toEqual([...new Set(apiErrorCodes)].sort());
  });

  it('speaks Chinese to a zh-CN user: no English word in any Chinese message', () => {
    for (const code of apiErrorCodes) expect(errorsZh[code], code).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('shows the message of the code, never the server’s English detail nor the code itself', () => {
    const zh = errorText('zh-CN', alreadyPublished);
    expect(zh).toBe(errorsZh['ranking.alreadyPublished']);
    expect(zh).not.toContain('published');
    expect(zh).not.toContain('ranking.');
    expect(errorText('en', alreadyPublished)).toBe(errorsEn['ranking.alreadyPublished']);
  });

  it('reads a code it does not know as a failure with its status, and the network and the page’s own failures plainly', () => {
    const proxy = new ApiError(502, { detail: 'Bad Gateway from upstream' });
    expect(errorText('zh-CN', proxy)).toBe(translate('zh-CN', 'error.unknown', { status: 502 }));
    expect(errorText('zh-CN', proxy)).not.toContain('Bad Gateway');
    expect(errorText('zh-CN', new NetworkError('Failed to fetch'))).toBe(translate('zh-CN', 'error.network'));
    expect(errorText('zh-CN', new TypeError('x is undefined'))).toBe(translate('zh-CN', 'error.unexpected'));
    // the offline outbox keeps a failure as its code and the server's message
    expect(errorText('zh-CN', { code: 'instant.future', message: 'in the future' })).toBe(
      errorsZh['instant.future'],
    );
  });

  it('puts a field’s message in the user’s language', () => {
    const zodIssue = { field: 'amount', message: 'Expected number, received string', code: 'invalid_type' };
    expect(fieldErrorText('zh-CN', zodIssue)).toBe(translate('zh-CN', 'error.invalidValue'));
    expect(fieldErrorText('en', zodIssue)).toBe('Expected number, received string');
    expect(fieldErrorText('zh-CN', { message: 'too early', code: 'instant.beforeUnit' })).toBe(
      errorsZh['instant.beforeUnit'],
    );
  });
});
