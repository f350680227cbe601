import { describe, expect, it } from 'vitest';
import type { Petition } from '../schemas/petition.js';
import { basisPoints, satisfactionRates } from './satisfaction.js';

type P = Pick<Petition, 'unitId' | 'state' | 'satisfaction'>;
const closed = (unitId: string, satisfaction: P['satisfaction']): P => ({
  unitId,
  state: 'closed',
  satisfaction,
});

describe('satisfaction rate (认可度)', () => {
  it('is (满意 + 基本满意) ÷ closed with a satisfaction, in basis points, per unit', () => {
    const rates = satisfactionRates([
      closed('b', 'satisfied'),
      closed('a', 'satisfied'),
      closed('a', 'basically_satisfied'),
      closed('a', 'dissatisfied'),
      { unitId: 'a', state: 'handled', satisfaction: null },
      { unitId: 'c', state: 'accepted', satisfaction: null },
    ]);
    expect(rates).toEqual([
      { unitId: 'a', closed: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, rateBp: 6667 },
      { unitId: 'b', closed: 1, satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, rateBp: 10000 },
    ]);
  });

  it('rounds once, half up, exactly', () => {
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(2, 3)).toBe(6667);
    expect(basisPoints(1, 8)).toBe(1250);
    expect(basisPoints(1, 16)).toBe(625);
    expect(basisPoints(1, 32)).toBe(313); // 312.5 → 313
    expect(basisPoints(9, 10)).toBe(9000);
    expect(basisPoints(0, 5)).toBe(0);
    expect(basisPoints(0, 0)).toBeNull();
  });
});
