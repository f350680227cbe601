import type { Page } from '@jiandu/shared/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followEmptyPages } from './cursor-list.js';

/** A server of pages: page i answers `pages[i]` items and a cursor to i+1 while one remains. */
function server(pages: number[][]) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<Page<number>> => {
    asked.push(cursor);
    const i = cursor === undefined ? 0 : Number(cursor);
    const next = i + 1 < pages.length ? String(i + 1) : undefined;
    return { items: pages[i] ?? [], ...(next ? { cursor: next } : {}) } as Page<number>;
  };
  return { fetchPage, asked };
}

const signal = new AbortController().signal;

describe('followEmptyPages', () => {
  it('follows empty pages with a cursor to the first page with rows', async () => {
    const s = server([[], [], [7, 8], [9]]);
    const page = await followEmptyPages(s.fetchPage, undefined, signal);
    expect(page.items).toEqual([7, 8]);
    expect(page.cursor).toBe('3');
    expect(s.asked).toEqual([undefined, '1', '2']);
  });

  it('asks once when the first page has rows, and stops at an empty last page', async () => {
    const a = server([[1], []]);
    expect((await followEmptyPages(a.fetchPage, undefined, signal)).items).toEqual([1]);
    expect(a.asked).toHaveLength(1);
    const b = server([[], []]);
    const last = await followEmptyPages(b.fetchPage, undefined, signal);
    expect(last.items).toEqual([]);
    expect(last.cursor).toBeUndefined();
  });

  it('never asks more than hops + 1 pages, and hands back the cursor to search further', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer(), { maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.nat(10),
        async (pages, hops) => {
          const s = server(pages);
          const page = await followEmptyPages(s.fetchPage, undefined, signal, hops);
          expect(s.asked.length).toBeLessThanOrEqual(hops + 1);
          const i = s.asked.length - 1;
          expect(page.items).toEqual(pages[i]);
          // Every skipped page was empty; the answer has rows, or no more pages, or the hop budget ran out.
          for (let k = 0; k < i; k++) expect(pages[k]).toEqual([]);
          expect(page.items.length > 0 || page.cursor === undefined || s.asked.length === hops + 1).toBe(
            true,
          );
        },
      ),
    );
  });
});
