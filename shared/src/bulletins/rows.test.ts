import { describe, expect, it } from 'vitest';
import type { BulletinContent } from './content.js';
import { bpToPercent, bulletinSections, fenToWan } from './rows.js';

const zero = { projects: 0, allocatedFen: 0, disbursedFen: 0, unspentFen: 0, idleProjects: 0, idleFen: 0 };
const bulletin: BulletinContent = {
  month: '2025-05',
  unitId: 'ds',
  unitName: '东山县',
  asOf: '2025-05-31T23:59:59+08:00',
  progress: {
    year: 2025,
    quarter: 2,
    summary: { indicators: 0, withTarget: 0, meanCompletionBp: null },
    indicators: [],
  },
  overdue: [
    {
      id: 'r1',
      unitId: 'ds-a',
      title: '台账不实',
      state: 'in_progress',
      deadline: '2025-05-01',
      daysOverdue: 30,
    },
  ],
  cards: [],
  proposals: null,
  petitions: { received: 0, repeated: 0, escalated: 0, items: [] },
  signals: { published: 0, negative: 0, notable: 0, major: 0, items: [] },
  satisfaction: {
    overall: { closed: 8, satisfied: 5, basicallySatisfied: 2, dissatisfied: 1, rateBp: 8750 },
    byUnit: [],
  },
  funds: {
    totals: {
      unitId: 'ds',
      ...zero,
      projects: 9,
      unspentFen: 412_450_000,
      idleFen: 297_500_000,
      idleProjects: 5,
    },
    rows: [{ unitId: 'ds-a', ...zero }],
  },
};

describe('a bulletin as rows', () => {
  it('writes money in 万元 and rates in per cent exactly, from integers', () => {
    expect([fenToWan(412_450_000), fenToWan(4_999), fenToWan(5_000), fenToWan(0)]).toEqual([
      '412.45',
      '0.00',
      '0.01',
      '0.00',
    ]);
    expect([bpToPercent(8750), bpToPercent(10_000), bpToPercent(null)]).toEqual(['87.50%', '100.00%', '—']);
  });

  it('gives every section with its headers, leaving out proposals the reader may not see', () => {
    const sections = bulletinSections(bulletin, (id) => (id === 'ds-a' ? '青松镇' : (id ?? '')));
    expect(sections.map((s) => s.key)).toEqual([
      'summary',
      'progress',
      'overdue',
      'cards',
      'petitions',
      'signals',
      'satisfaction',
      'funds',
    ]);
    const overdue = sections.find((s) => s.key === 'overdue')!;
    expect(overdue.rows).toEqual([['青松镇', '台账不实', 'in_progress', '2025-05-01', 30]]);
    const funds = sections.find((s) => s.key === 'funds')!;
    expect(funds.rows.at(-1)).toEqual(['合计', 9, '0.00', '0.00', '412.45', 5, '297.50']);
    for (const s of sections) for (const r of s.rows) expect(r).toHaveLength(s.headers.length);
  });
});
