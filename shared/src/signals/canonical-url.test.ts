import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParam } from './canonical-url.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('canonicalizeUrl', () => {
  it('lower-cases scheme and host, drops the default port, the fragment and trailing slashes, sorts the query', () => {
    expect(canonicalizeUrl('HTTP://News.Example.COM:80/a/B/?z=1&a=2#comments')).toBe(
      'http://news.example.com/a/B?a=2&z=1',
    );
    expect(canonicalizeUrl('https://example.com:443/x//')).toBe('https://example.com/x');
    expect(canonicalizeUrl('https://example.com:8443/x')).toBe('https://example.com:8443/x');
  });

  it('keeps "/" for the root and drops an empty query', () => {
    expect(canonicalizeUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalizeUrl('https://example.com/?#')).toBe('https://example.com/');
    expect(canonicalizeUrl('  https://example.com///  ')).toBe('https://example.com/');
  });

  it('drops tracking parameters, whatever their case', () => {
    expect(
      canonicalizeUrl(
        'https://weibo.com/1/Abc?utm_source=wx&UTM_Medium=x&spm=a.b&from=timeline&share_token=t&fbclid=f&gclid=g&id=7',
      ),
    ).toBe('https://weibo.com/1/Abc?id=7');
    expect(canonicalizeUrl('https://mp.weixin.qq.com/s?__biz=M&mid=1&scene=21&isappinstalled=0')).toBe(
      'https://mp.weixin.qq.com/s?__biz=M&mid=1',
    );
    expect(isTrackingParam('sharer_shareid')).toBe(true);
    expect(isTrackingParam('fromage')).toBe(false);
  });

  it('sorts repeated parameters by value too, so their order does not matter', () => {
    expect(canonicalizeUrl('https://e.cn/p?b=2&a=2&a=1')).toBe(canonicalizeUrl('https://e.cn/p?a=1&b=2&a=2'));
  });

  it('decodes and re-encodes consistently', () => {
    const forms = [
      'https://e.cn/新闻/%e4%b8%ad?q=a b',
      'https://e.cn/%E6%96%B0%E9%97%BB/中?q=a+b',
      'https://e.cn/新闻/中?q=a%20b',
    ];
    const canon = forms.map(canonicalizeUrl);
    expect(new Set(canon).size).toBe(1);
    expect(canon[0]).toBe('https://e.cn/%E6%96%B0%E9%97%BB/%E4%B8%AD?q=a+b');
    expect(canonicalizeUrl('https://e.cn/a%2Fb/%zz')).toBe('https://e.cn/a%2Fb/%zz');
  });

  it('drops user and password, and punycodes a Chinese host', () => {
    expect(canonicalizeUrl('https://user:pw@example.com/a')).toBe('https://example.com/a');
    expect(canonicalizeUrl('http://示范市.中国/a')).toBe('http://xn--7stu91dz2g.xn--fiqs8s/a');
    expect(canonicalizeUrl('http://XN--7STU91DZ2G.xn--fiqs8s/a')).toBe('http://xn--7stu91dz2g.xn--fiqs8s/a');
  });

  it('refuses what is not an http(s) URL with signal.invalidUrl', () => {
    for (const bad of [
      'not a url',
      '',
      'ftp://example.com/a',
      'javascript:alert(1)',
      'mailto:a@b.cn',
      '//e.cn/a',
    ])
      expect(codeOf(() => canonicalizeUrl(bad))).toBe('signal.invalidUrl');
  });
});

const segment = fc.constantFrom(
  'a',
  'B',
  '中',
  '%e4%b8%ad',
  '%2F',
  '%zz',
  '.',
  '..',
  '%2e',
  '',
  'x y',
  '~!*()',
  '@:',
);
const param = fc.tuple(
  fc.constantFrom('a', 'Q', 'utm_source', 'spm', 'from', 'share_id', 'id', '名', 'x y', '%41'),
  fc.constantFrom('', '1', 'a b', 'a+b', '%20', '中', '%zz', '=', '&amp'),
);
const arbUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] }),
  fc
    .record({
      scheme: fc.constantFrom('http', 'HTTPS', 'https'),
      host: fc.constantFrom('Example.com', 'e.cn:80', 'e.cn:443', 'e.cn:8080', '示范市.中国', 'u:p@e.cn'),
      path: fc.array(segment, { maxLength: 5 }),
      query: fc.array(param, { maxLength: 5 }),
      frag: fc.constantFrom('', '#x', '#'),
    })
    .map(
      (r) =>
        `${r.scheme}://${r.host}/${r.path.join('/')}${r.query.length ? '?' : ''}${r.query.map(([k, v]) => `${k}=${v}`).join('&')}${r.frag}`,
    ),
);

describe('canonicalizeUrl properties', () => {
  it('is idempotent: canon(canon(x)) = canon(x)', () => {
    fc.assert(
      fc.property(arbUrl, (u) => {
        const once = canonicalizeUrl(u);
        expect(canonicalizeUrl(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the query parameters or on the fragment', () => {
    fc.assert(
      fc.property(
        fc
          .array(param, { maxLength: 6 })
          .chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))),
        ([a, b]) => {
          const q = (ps: [string, string][]) => ps.map(([k, v]) => `${k}=${v}`).join('&');
          expect(canonicalizeUrl(`https://e.cn/p?${q(b)}#f`)).toBe(canonicalizeUrl(`https://e.cn/p?${q(a)}`));
        },
      ),
    );
  });
});
