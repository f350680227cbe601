import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDedupIndex, type DedupOutcome, dedupBatch, findDuplicate } from './dedup.js';
import type { SignalKeys } from './normalize-text.js';

const k = (canonicalUrl: string, textKey: string): SignalKeys => ({ canonicalUrl, textKey });
const existing = [
  { id: 's2', ...k('https://e.cn/1', 'aaa') },
  { id: 's1', ...k('https://e.cn/2', 'bbb') },
  { id: 's3', ...k('https://e.cn/3', 'bbb') },
  { id: 's4', ...k('https://e.cn/4', '') },
];

describe('findDuplicate', () => {
  it('finds the original by the same canonical URL or the same text key', () => {
    expect(findDuplicate(k('https://e.cn/1', 'zzz'), existing)).toBe('s2');
    expect(findDuplicate(k('https://e.cn/9', 'aaa'), existing)).toBe('s2');
    expect(findDuplicate(k('https://e.cn/9', 'zzz'), existing)).toBeNull();
  });

  it('prefers a URL match over a text match, then the smallest id', () => {
    expect(findDuplicate(k('https://e.cn/2', 'aaa'), existing)).toBe('s1');
    expect(findDuplicate(k('https://e.cn/9', 'bbb'), buildDedupIndex(existing))).toBe('s1');
  });

  it('never matches an empty text key', () => {
    expect(findDuplicate(k('https://e.cn/9', ''), existing)).toBeNull();
  });
});

describe('dedupBatch', () => {
  it('answers item by item, with duplicates within the batch pointing at the first item', () => {
    const out = dedupBatch(
      [
        k('https://e.cn/a', 'x'),
        k('https://e.cn/b', 'x'),
        k('https://e.cn/1', 'q'),
        k('https://e.cn/c', 'y'),
        k('https://e.cn/b', 'z'),
      ],
      existing,
    );
    expect(out).toEqual([
      { status: 'accepted' },
      { status: 'duplicate', of: { index: 0 } },
      { status: 'duplicate', of: { existingId: 's2' } },
      { status: 'accepted' },
      { status: 'duplicate', of: { index: 0 } }, // shares the URL with item 1, a repost of item 0
    ]);
  });

  it('makes a whole group a duplicate of the existing signal one member matches', () => {
    const out = dedupBatch(
      [k('https://e.cn/a', 'x'), k('https://e.cn/b', 'x'), k('https://e.cn/c', 'bbb')],
      existing,
    );
    expect(out[0]).toEqual({ status: 'accepted' });
    const grouped = dedupBatch(
      [k('https://e.cn/a', 'x'), k('https://e.cn/a', 'bbb'), k('https://e.cn/2', 'q')],
      existing,
    );
    expect(
      grouped.every((o) => o.status === 'duplicate' && 'existingId' in o.of && o.of.existingId === 's1'),
    ).toBe(true);
  });

  it('accepts items with empty text keys separately', () => {
    expect(dedupBatch([k('https://e.cn/a', ''), k('https://e.cn/b', '')], [])).toEqual([
      { status: 'accepted' },
      { status: 'accepted' },
    ]);
  });
});

const arbItems = fc.array(
  fc.record({
    canonicalUrl: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
    textKey: fc.constantFrom('', 't1', 't2', 't3', 't4', 't5'),
  }),
  { maxLength: 20 },
);
const arbExisting = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('s1', 's2', 's3', 's4'),
    canonicalUrl: fc.constantFrom('u1', 'u7'),
    textKey: fc.constantFrom('', 't1', 't6'),
  }),
  { selector: (e) => e.id },
);

/** The groups of a batch result, as sorted sets of item keys (so positions do not matter). */
function groups(items: SignalKeys[], out: DedupOutcome[]): string[] {
  const root = (i: number): string => {
    const o = out[i]!;
    if (o.status === 'accepted') return `#${JSON.stringify(items[i])}`;
    return 'existingId' in o.of ? `existing:${o.of.existingId}` : root(o.of.index);
  };
  const by = new Map<string, string[]>();
  items.forEach((it, i) => {
    const r = root(i);
    by.set(r, [...(by.get(r) ?? []), JSON.stringify(it)]);
  });
  return [...by.entries()]
    .map(([r, ms]) => `${r.startsWith('existing') ? r : ''}${ms.sort().join(',')}`)
    .sort();
}

describe('dedupBatch properties', () => {
  it('never accepts two items with the same key, nor one with a key of an existing signal', () => {
    fc.assert(
      fc.property(arbItems, arbExisting, (items, ex) => {
        const out = dedupBatch(items, ex);
        const accepted = items.filter((_, i) => out[i]?.status === 'accepted');
        const keys = accepted.flatMap((a) => [
          `u:${a.canonicalUrl}`,
          ...(a.textKey ? [`t:${a.textKey}`] : []),
        ]);
        expect(new Set(keys).size).toBe(keys.length);
        for (const a of accepted) expect(findDuplicate(a, ex)).toBeNull();
        out.forEach((o, i) => {
          if (o.status === 'duplicate' && 'index' in o.of) {
            expect(o.of.index).toBeLessThan(i);
            expect(out[o.of.index]).toEqual({ status: 'accepted' });
          }
        });
      }),
    );
  });

  it('groups the same way whatever the order of the batch', () => {
    fc.assert(
      fc.property(
        arbItems.chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length })),
        ),
        arbExisting,
        ([items, shuffled], ex) => {
          expect(groups(shuffled, dedupBatch(shuffled, ex))).toEqual(groups(items, dedupBatch(items, ex)));
        },
      ),
    );
  });
});
