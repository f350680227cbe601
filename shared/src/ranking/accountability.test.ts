import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { caseSubjectSchema, caseTriggerSchema } from '../schemas/accountability.js';
import type { Tenure } from '../schemas/org.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { proposeForConsecutiveCards } from './accountability.js';

let n = 0;
const tenure = (
  personId: string,
  post: Tenure['post'],
  from: string,
  to: string | null,
  unitId = 'town-a',
): Tenure => ({
  id: `t${++n}`,
  personId,
  unitId,
  post,
  from,
  to,
});

const propose = (quarters: string[], tenures: Tenure[] = [], scheme = DEFAULT_SCHEME) =>
  proposeForConsecutiveCards({
    unitId: 'town-a',
    quarters,
    cardIds: quarters.map((q) => `card-${q}`),
    tenures,
    scheme,
  });

describe('proposeForConsecutiveCards', () => {
  it('proposes a case for cards in Q4 and the next year’s Q1 (consecutive across the year boundary)', () => {
    const p = propose(['2025Q4', '2026Q1']);
    expect(p?.triggerKey).toBe('cards:town-a:2025Q4:2026Q1');
    expect(p?.trigger).toEqual({
      kind: 'consecutive_cards',
      unitId: 'town-a',
      quarters: ['2025Q4', '2026Q1'],
      cardIds: ['card-2025Q4', 'card-2026Q1'],
    });
    expect(caseTriggerSchema.parse(p?.trigger)).toEqual(p?.trigger);
  });

  it('proposes nothing for a single card or cards in quarters that are not consecutive', () => {
    expect(propose([])).toBeNull();
    expect(propose(['2025Q2'])).toBeNull();
    expect(propose(['2025Q1', '2025Q3'])).toBeNull();
    expect(propose(['2024Q4', '2025Q4'])).toBeNull();
  });

  it('looks only at the run ending at the latest carded quarter', () => {
    expect(propose(['2025Q1', '2025Q2', '2025Q4'])).toBeNull();
    expect(propose(['2025Q1', '2025Q2', '2025Q3'])?.triggerKey).toBe('cards:town-a:2025Q2:2025Q3');
  });

  it('accepts the carded quarters in any order, each with its card', () => {
    const p = proposeForConsecutiveCards({
      unitId: 'town-a',
      quarters: [{ year: 2026, quarter: 1 }, '2025Q4', '2026Q1'],
      cardIds: ['c-2', 'c-1', 'c-dup'],
      tenures: [],
      scheme: DEFAULT_SCHEME,
    });
    expect(p?.trigger.quarters).toEqual(['2025Q4', '2026Q1']);
    expect(p?.trigger.cardIds).toEqual(['c-1', 'c-2']);
  });

  it('takes the number of consecutive cards from the scheme', () => {
    const scheme = { ...DEFAULT_SCHEME, cards: { ...DEFAULT_SCHEME.cards, consecutiveForProposal: 3 } };
    expect(propose(['2025Q1', '2025Q2'], [], scheme)).toBeNull();
    expect(propose(['2025Q1', '2025Q2', '2025Q3'], [], scheme)?.triggerKey).toBe(
      'cards:town-a:2025Q1:2025Q2:2025Q3',
    );
  });

  it('refuses card ids that do not match the quarters one to one', () => {
    const call = () =>
      proposeForConsecutiveCards({
        unitId: 'town-a',
        quarters: ['2025Q1', '2025Q2'],
        cardIds: ['only-one'],
        tenures: [],
        scheme: DEFAULT_SCHEME,
      });
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (e) {
      expect((e as DomainError).code).toBe('ranking.cardsMismatch');
    }
  });
});

describe('subjects of a consecutive-cards proposal', () => {
  const subjectsFor = (tenures: Tenure[]) => propose(['2025Q1', '2025Q2'], tenures)?.subjects ?? [];

  it('counts days in post in both quarters (Q1 2025 has 90 days, Q2 91)', () => {
    expect(subjectsFor([tenure('p-lead', 'principal', '2020-01-01', null)])).toEqual([
      { personId: 'p-lead', unitId: 'town-a', post: 'principal', daysInPost: { '2025Q1': 90, '2025Q2': 91 } },
    ]);
  });

  it('includes a deputy whose tenure ended inside the second quarter, with the days served', () => {
    const s = subjectsFor([tenure('p-dep', 'deputy_in_charge', '2025-02-01', '2025-05-15')]);
    // Q1: 1 Feb – 31 Mar = 28 + 31; Q2: 1 Apr – 15 May = 30 + 15 (both ends inclusive).
    expect(s).toEqual([
      {
        personId: 'p-dep',
        unitId: 'town-a',
        post: 'deputy_in_charge',
        daysInPost: { '2025Q1': 59, '2025Q2': 45 },
      },
    ]);
  });

  it('leaves out a deputy whose tenure ended the day before the second quarter starts', () => {
    expect(subjectsFor([tenure('p-old', 'deputy_in_charge', '2024-06-01', '2025-03-31')])).toEqual([]);
  });

  it('includes a successor who started inside the second quarter, with 0 days in the first', () => {
    expect(subjectsFor([tenure('p-new', 'deputy_in_charge', '2025-06-30', null)])[0]?.daysInPost).toEqual({
      '2025Q1': 0,
      '2025Q2': 1,
    });
  });

  it('sums two tenures of the same post, and counts an overlapping day once', () => {
    const s = subjectsFor([
      tenure('p-back', 'principal', '2024-01-01', '2025-02-10'),
      tenure('p-back', 'principal', '2025-03-01', '2025-04-10'),
      tenure('p-back', 'principal', '2025-04-10', '2025-04-20'),
    ]);
    // Q1: 41 (1 Jan – 10 Feb) + 31 (March); Q2: 1–20 April.
    expect(s).toEqual([
      { personId: 'p-back', unitId: 'town-a', post: 'principal', daysInPost: { '2025Q1': 72, '2025Q2': 20 } },
    ]);
  });

  it('lists a person holding both posts once per post, in (person, post) order', () => {
    const s = subjectsFor([
      tenure('p-z', 'principal', '2025-01-01', null),
      tenure('p-a', 'principal', '2025-01-01', '2025-04-30'),
      tenure('p-a', 'deputy_in_charge', '2025-05-01', null),
    ]);
    expect(s.map((x) => [x.personId, x.post])).toEqual([
      ['p-a', 'deputy_in_charge'],
      ['p-a', 'principal'],
      ['p-z', 'principal'],
    ]);
    for (const x of s) expect(caseSubjectSchema.parse(x)).toEqual(x);
  });

  it('ignores posts held at other units', () => {
    expect(subjectsFor([tenure('p-else', 'principal', '2020-01-01', null, 'town-b')])).toEqual([]);
  });
});
