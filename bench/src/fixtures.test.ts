import { DEFAULT_SCHEME, findingInputSchema, UnitTree } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { benchUnits, findingInput, mix32, rankedUnitIds } from './fixtures.js';

describe('benchUnits', () => {
  it.each([50, 2_000, 20_000])('makes exactly %i units, parents before children', (n) => {
    const units = benchUnits(n);
    expect(units).toHaveLength(n);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentId !== null) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.id);
    }
  });

  it('puts every township and department in a peer group of the default scheme', () => {
    const units = benchUnits(2_000);
    const grouped = new UnitTree(units).peerGroups(DEFAULT_SCHEME.peerGroups).flatMap((g) => g.memberIds);
    expect(new Set(grouped)).toEqual(new Set(rankedUnitIds(units)));
  });
});

describe('findingInput', () => {
  const units = rankedUnitIds(benchUnits(2_000));
  const ctx = { unitIds: units, quarter: { year: 2026, quarter: 4 as const }, lastDay: '2026-11-23' };

  it('makes valid findings discovered within the quarter up to the last day', () => {
    for (let i = 0; i < 500; i++) {
      const f = findingInputSchema.parse(findingInput(i, ctx));
      expect(f.discoveredOn >= '2026-10-01' && f.discoveredOn <= '2026-11-23').toBe(true);
    }
  });

  it('gives every unit records, round-robin, and a natural key only when asked', () => {
    const seen = new Set(Array.from({ length: units.length }, (_, i) => findingInput(i, ctx).unitId));
    expect(seen.size).toBe(units.length);
    expect(findingInput(7, ctx).externalId).toBeUndefined();
    expect(findingInput(7, { ...ctx, externalPrefix: 'sys' }).externalId).toBe('sys-7');
  });

  it('spreads consecutive integers over 32 bits', () => {
    const low = new Set(Array.from({ length: 1000 }, (_, i) => mix32(i) % 997));
    expect(low.size).toBeGreaterThan(500);
  });
});
