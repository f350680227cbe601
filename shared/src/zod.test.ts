/**
 * The app's zod (zod.ts): refusals in words, and `withMeta` as classic zod's `.meta()` — a tagged copy,
 * the original untagged, extensions and picks of it free of its id.
 */
import { describe, expect, it } from 'vitest';
import { shortText } from './schemas/text.js';
import * as z from './zod.js';

describe("the app's zod", () => {
  it('refuses in words, not a bare "Invalid input"', () => {
    const r = shortText(5).safeParse('一二三四五六');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Too big: expected string to have <=5 characters');
  });

  it('tags a copy with withMeta and leaves the original untagged', () => {
    const base = z.object({ a: z.string() });
    const tagged = base.apply(z.withMeta, { id: 'Tagged', description: 'd' });
    expect(tagged).not.toBe(base);
    expect(z.globalRegistry.get(tagged)).toMatchObject({ id: 'Tagged', description: 'd' });
    expect(z.globalRegistry.get(base)).toBeUndefined();
    // It validates as the original does.
    expect(tagged.safeParse({ a: 'x' }).success).toBe(true);
    expect(tagged.safeParse({ a: 1 }).success).toBe(false);
  });

  it('lets a tagged object be extended and picked without carrying its id', () => {
    const tagged = z.object({ a: z.string(), b: z.int() }).apply(z.withMeta, { id: 'Base' });
    const extended = z.extend(tagged, { c: z.boolean() });
    const picked = z.pick(tagged, { a: true });
    expect(z.globalRegistry.get(extended)?.id).toBeUndefined();
    expect(z.globalRegistry.get(picked)?.id).toBeUndefined();
    expect(extended.safeParse({ a: 'x', b: 1, c: true }).success).toBe(true);
    expect(Object.keys(picked.shape)).toEqual(['a']);
  });
});
