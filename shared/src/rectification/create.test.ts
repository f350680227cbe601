import { describe, expect, it } from 'vitest';
import { rectificationSchema } from '../schemas/rectification.js';
import { newRectification } from './create.js';
import { codeOf, fresh, supervisor, T0 } from './test-fixtures.js';

const input = {
  source: { kind: 'finding', id: 'finding-1' },
  unitId: 'ds-a',
  title: '危房改造资金滞留',
  deadline: '2025-06-30',
} as const;

describe('a new rectification', () => {
  it('is assigned, at version 1, with its deadline as the first entry of the history', () => {
    const r = newRectification(input, { id: 'rect-9', at: T0, by: supervisor.id });
    expect(r).toMatchObject({ id: 'rect-9', state: 'assigned', version: 1, amountFen: 0, createdAt: T0 });
    expect(r.deadlines).toEqual([{ deadline: '2025-06-30', at: T0, by: supervisor.id, reason: null }]);
    expect(rectificationSchema.safeParse(r).success).toBe(true);
  });

  it('is valid against the record schema with no review, no extension and no material yet', () => {
    const r = fresh();
    expect(rectificationSchema.parse(r)).toEqual(r);
    expect([r.submittedBy, r.firstReviewerId, r.secondReviewerId, r.closedAt, r.lastRejection]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('refuses bad input, naming the field', () => {
    expect(
      codeOf(() => newRectification({ ...input, deadline: '2025-06-31' }, { id: 'r', at: T0, by: 's' })),
    ).toBe('rectification.invalidInput');
    try {
      newRectification({ ...input, title: '' }, { id: 'r', at: T0, by: 's' });
    } catch (e) {
      expect((e as { field: string }).field).toBe('title');
    }
    expect(codeOf(() => newRectification(input, { id: 'r 1', at: T0, by: 's' }))).toBe(
      'rectification.invalidInput',
    );
    expect(codeOf(() => newRectification(input, { id: 'r', at: '2025-03-01', by: 's' }))).toBe(
      'rectification.invalidInput',
    );
  });
});
