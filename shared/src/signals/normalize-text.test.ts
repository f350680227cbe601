import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSignalText, signalKeys } from './normalize-text.js';

describe('normalizeSignalText', () => {
  it('folds full-width forms and case, and strips Chinese and ASCII punctuation, symbols and whitespace', () => {
    expect(normalizeSignalText('【重磅】某县  扶贫款被挪用！！！')).toBe('重磅某县扶贫款被挪用');
    expect(normalizeSignalText('重磅: 某县扶贫款\n被挪用...')).toBe('重磅某县扶贫款被挪用');
    expect(normalizeSignalText('ＡＢＣ１２３ Hello, World')).toBe('abc123helloworld');
    expect(normalizeSignalText('“扶贫”——《通报》¥100 + 😡#话题#')).toBe('扶贫通报100话题');
  });

  it('removes zero-width and control characters that reposts carry', () => {
    expect(normalizeSignalText('扶\u200b贫\u200d款\u0007')).toBe('扶贫款');
  });

  it('gives "" for text of nothing but punctuation', () => {
    expect(normalizeSignalText(' ！？…… ')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const once = normalizeSignalText(s);
        expect(normalizeSignalText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
    // A removed character between a base letter and a combining mark: NFKC composes them afterwards.
    expect(normalizeSignalText('e!\u0301')).toBe('é');
  });
});

describe('signalKeys', () => {
  it('builds the canonical URL and the text key from title and excerpt', () => {
    const a = signalKeys({
      url: 'https://e.cn/a/?utm_source=x',
      title: '某县扶贫款被挪用',
      excerpt: '村民反映……',
    });
    const b = signalKeys({ url: 'https://E.cn/a', title: '【转】某县 扶贫款被挪用！', excerpt: '村民 反映' });
    expect(a).toEqual({ canonicalUrl: 'https://e.cn/a', textKey: '某县扶贫款被挪用村民反映' });
    expect(b.textKey).toBe('转某县扶贫款被挪用村民反映');
    expect(signalKeys({ url: 'https://e.cn/a', title: '标题' }).textKey).toBe('标题');
  });
});
