import { describe, expect, it } from 'vitest';
import type { Tenure } from '../schemas/org.js';
import { leadersInPost, quarterSpan, wholeQuarters } from './leaders.js';

let n = 0;
const tenure = (
  personId: string,
  post: Tenure['post'],
  from: string,
  to: string | null,
  unitId = 'town-a',
): Tenure => ({ id: `t${++n}`, personId, unitId, post, from, to });

describe('leadersInPost', () => {
  it('takes the principal and deputy-in-charge posts of the unit only', () => {
    const tenures = [
      tenure('p-zhang', 'principal', '2024-01-01', null),
      tenure('p-li', 'deputy_in_charge', '2024-01-01', null),
      // A post of another kind (stored data from an older scheme): not a leading post.
      tenure('p-wang', 'deputy' as Tenure['post'], '2024-01-01', null),
      tenure('p-zhao', 'principal', '2024-01-01', null, 'town-b'),
    ];
    const subjects = leadersInPost('town-a', tenures, { from: '2025-04-01', to: '2025-04-10' });
    expect(subjects.map((s) => [s.personId, s.post, s.unitId])).toEqual([
      ['p-li', 'deputy_in_charge', 'town-a'],
      ['p-zhang', 'principal', 'town-a'],
    ]);
  });

  it('counts only the days of the span, in every quarter it touches, a quarter without any as 0', () => {
    const tenures = [tenure('p-zhang', 'principal', '2025-03-30', '2025-03-31')];
    const [s] = leadersInPost('town-a', tenures, { from: '2025-03-25', to: '2025-07-02' });
    expect(s?.daysInPost).toEqual({ '2025Q1': 2, '2025Q2': 0, '2025Q3': 0 });
  });

  it('counts whole quarters when asked, for the people in post during the span', () => {
    const span = { from: '2025-03-25', to: '2025-04-05' };
    const tenures = [
      tenure('p-zhang', 'principal', '2025-01-01', '2025-03-26'),
      tenure('p-li', 'principal', '2024-01-01', '2024-12-31'),
    ];
    const subjects = leadersInPost('town-a', tenures, span, wholeQuarters(span));
    expect(subjects).toEqual([
      { personId: 'p-zhang', unitId: 'town-a', post: 'principal', daysInPost: { '2025Q1': 85, '2025Q2': 0 } },
    ]);
  });

  it('adds up the tenures of one person and post and counts an overlapping day once', () => {
    const tenures = [
      tenure('p-zhang', 'principal', '2025-01-01', '2025-01-10'),
      tenure('p-zhang', 'principal', '2025-01-06', '2025-01-20'),
      tenure('p-zhang', 'deputy_in_charge', '2025-02-01', null),
    ];
    const subjects = leadersInPost('town-a', tenures, quarterSpan({ year: 2025, quarter: 1 }));
    expect(subjects.map((s) => [s.post, s.daysInPost['2025Q1']])).toEqual([
      ['deputy_in_charge', 59],
      ['principal', 20],
    ]);
  });

  it('leaves out whoever was in post only outside the span, even inside the counted days', () => {
    const tenures = [tenure('p-zhang', 'principal', '2025-01-01', '2025-01-31')];
    const q1 = quarterSpan({ year: 2025, quarter: 1 });
    expect(leadersInPost('town-a', tenures, { from: '2025-03-01', to: '2025-03-31' }, q1)).toEqual([]);
    expect(leadersInPost('town-a', tenures, { from: '2025-01-31', to: '2025-03-31' }, q1)).toHaveLength(1);
  });
});
