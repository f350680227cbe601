/**
 * The status table: every code the API can answer has a status (the compiler checks the `Record`; this
 * checks the lists it is built from), and like codes answer alike, by the rule written at the table.
 */
import { errorCodes } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { edgeCodes } from './edge-error.js';
import { problem, STATUS_OF } from './problem.js';

const codes = Object.keys(STATUS_OF) as (keyof typeof STATUS_OF)[];

describe('the status of each error code', () => {
  it('covers exactly the core’s and the edge’s codes', () => {
    expect(new Set(codes)).toEqual(new Set([...errorCodes, ...edgeCodes]));
  });

  // Families of like codes: a code of the family answers the family's status, whatever its area.
  it.each([
    ['not found', /\.notFound$/, 404],
    ['already done', /\.already[A-Z]/, 409],
    ['invalid transition', /\.invalidTransition$/, 409],
    ['version conflict or duplicate', /^conflict\.|\.conflict$/, 409],
    ['period not ended', /NotEnded$/, 422],
    ['a field a rule requires', /\.(reason|satisfaction|form)Required$/, 422],
    ['role not allowed', /\.forbiddenRole$/, 403],
    ['malformed field', /\.invalid(?!Transition$|Credentials$)([A-Z]\w*)?$/, 400],
    ['password rule', /^password\./, 422],
  ] as const)('%s (%s): every code answers %i', (_family, pattern, status) => {
    const family = codes.filter((c) => pattern.test(c));
    expect(family.length).toBeGreaterThan(0);
    expect(Object.fromEntries(family.map((c) => [c, STATUS_OF[c]]))).toEqual(
      Object.fromEntries(family.map((c) => [c, status])),
    );
  });

  it('puts the table’s status, not an extension member’s, on the problem body', () => {
    const p = problem('signal.alreadyAssigned', 'assigned already', { status: 200, field: 'unitId' });
    expect([p.status, p.title, p.code, p.field]).toEqual([
      409,
      'Conflict',
      'signal.alreadyAssigned',
      'unitId',
    ]);
  });
});
