import { idChecksum, normalizeIdNumber } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { demoPetitioners, idCheckCharacter } from './demo-people.js';
import { rng } from './random.js';

describe('the demo petitioners', () => {
  it('computes the GB 11643 check character of the standard example and agrees with the core', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    const r = rng(7);
    for (let i = 0; i < 200; i++) {
      const first17 = Array.from({ length: 17 }, () => r.int(0, 9)).join('');
      expect(idCheckCharacter(first17)).toBe(idChecksum(first17));
    }
  });

  it('are distinct, with 139 phones and valid ID numbers under the fictional prefix 990101', () => {
    const people = demoPetitioners(rng(20_260_301), 140);
    expect(new Set(people.map((p) => p.name)).size).toBe(140);
    expect(new Set(people.map((p) => p.phone)).size).toBe(140);
    for (const p of people) expect(p.phone).toMatch(/^139\d{8}$/);
    const ids = people.flatMap((p) => (p.idNumber ? [p.idNumber] : []));
    expect(ids.length).toBeGreaterThan(80);
    expect(ids.length).toBeLessThan(140);
    for (const id of ids) {
      expect(id).toMatch(/^990101(19[4-9]\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}[\dX]$/);
      expect(normalizeIdNumber(id)).toBe(id);
    }
  });

  it('are the same on every run', () => {
    expect(demoPetitioners(rng(1), 20)).toEqual(demoPetitioners(rng(1), 20));
  });
});
