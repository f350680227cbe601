import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAggregate, type UnitQuarterAggregate } from '../aggregates/aggregate.js';
import { addDays } from '../calendar/local-date.js';
import { isWorkingDay } from '../calendar/working-days.js';
import { DomainError } from '../errors/index.js';
import { rankGroup } from '../ranking/rank.js';
import type { Notice } from '../schemas/notice.js';
import type { Objection } from '../schemas/objection.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { noticeChanges, startNotice, verifyNotice } from './draft.js';
import { correctInput, inputsOf, inputValue } from './inputs.js';
import {
  assertNoticePublishable,
  decideObjection,
  fileObjection,
  noticeWithObjection,
} from './objections.js';
import { assertDirectPublicationAllowed, noticeEndsOn } from './period.js';

const cal = DEFAULT_SCHEME.calendar;
const group = { ruleId: 'county-townships', parentUnitId: 'ds' };
const agg = (unitId: string, over: Partial<UnitQuarterAggregate> = {}): UnitQuarterAggregate => ({
  ...emptyAggregate(unitId, '2025Q1'),
  ...over,
});
// 东山县's townships: 碧水乡 is last only because of two open overdue rectifications.
const inputs = [
  agg('ds-a'),
  agg('ds-b', { findings: { general: 1, serious: 0, grave: 0 } }),
  agg('ds-c', { rectDue: 2, rectOnTime: 2, rectOpenOverdue: 2 }),
];
const rank = (aggs: readonly UnitQuarterAggregate[]) =>
  rankGroup({
    quarter: '2025Q1',
    group,
    scores: aggs.map((a) => scoreUnit(a, DEFAULT_SCHEME)),
    scheme: DEFAULT_SCHEME,
  });
const notice = (): Notice =>
  startNotice({
    id: 'n1',
    groupKey: 'county-townships@ds',
    ranking: rank(inputs),
    inputs,
    startedAt: '2025-04-25T10:00:00+08:00',
    startedOn: '2025-04-25',
    startedBy: 'sup-1',
    workingDays: 3,
    calendar: cal,
  });
const officer = (unit: string, roles: ('unit_officer' | 'viewer' | 'supervisor')[] = ['unit_officer']) => ({
  id: `u-${unit}`,
  roles,
  homeUnitId: unit,
});
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
};
const file = (n: Notice, over: Partial<Parameters<typeof fileObjection>[0]> = {}): Objection =>
  fileObjection({
    id: 'o1',
    notice: n,
    today: '2025-04-28',
    at: '2025-04-28T09:00:00+08:00',
    filer: officer('ds-c'),
    unitId: 'ds-c',
    dimension: 'rectification',
    input: 'rectOpenOverdue',
    claimedValue: 0,
    reason: '两项整改已于季度末前销号，台账未及时更新',
    evidence: [],
    ...over,
  });
const decide = (n: Notice, o: Objection, over: Partial<Parameters<typeof decideObjection>[0]> = {}) =>
  decideObjection({
    notice: n,
    objection: o,
    objections: [o],
    at: '2025-04-29T09:00:00+08:00',
    decider: { id: 'rev-1', homePath: '/city/ds/' },
    unitPath: '/city/ds/ds-c/',
    outcome: 'upheld',
    reason: '核实销号凭证属实',
    correctedValue: 0,
    scheme: DEFAULT_SCHEME,
    ...over,
  });

describe('the notice period', () => {
  it('counts working days over a 调休 weekend: the make-up Sunday counts, the Saturday does not', () => {
    // Fri 2025-04-25 + 3 working days: Sun 04-27 (调休上班), Mon 04-28, Tue 04-29.
    expect(noticeEndsOn('2025-04-25', 3, cal)).toBe('2025-04-29');
    // Without the calendar, the same weekend would push it to Wednesday.
    expect(noticeEndsOn('2025-04-25', 3, {})).toBe('2025-04-30');
    // Across 国庆: Sun 09-28 works, 10-01…10-08 rest, Thu 10-09 and Fri 10-10 work.
    expect(noticeEndsOn('2025-09-26', 5, cal)).toBe('2025-10-10');
    expect(notice().endsOn).toBe('2025-04-29');
  });
  it('lets a quarter be published directly unless the scheme requires a notice', () => {
    expect(() => assertDirectPublicationAllowed(DEFAULT_SCHEME)).not.toThrow();
    const optional = {
      publishing: { autoPublishDelayDays: 10, noticePeriod: { workingDays: 5, required: false } },
    };
    expect(() => assertDirectPublicationAllowed(optional)).not.toThrow();
    const required = {
      publishing: { autoPublishDelayDays: 10, noticePeriod: { workingDays: 5, required: true } },
    };
    expect(codeOf(() => assertDirectPublicationAllowed(required))).toBe('notice.required');
  });
  it('freezes the draft with a content hash that verifies and breaks on any edit', () => {
    const n = notice();
    expect(verifyNotice(n)).toBe(true);
    const rows = n.ranking.rows.map((r, i) => (i === 0 ? { ...r, carded: !r.carded } : r));
    expect(verifyNotice({ ...n, ranking: { ...n.ranking, rows } })).toBe(false);
    expect(verifyNotice({ ...n, inputs: n.inputs.slice(1) })).toBe(false);
  });
});

describe('filing an objection', () => {
  it('takes an objection of the unit’s own officer or leader during the period, with the value on notice', () => {
    const o = file(notice());
    expect(o).toMatchObject({
      state: 'pending',
      valueOnNotice: 2,
      claimedValue: 0,
      unitId: 'ds-c',
      decision: null,
    });
    expect(file(notice(), { filer: officer('ds-c', ['viewer']) }).state).toBe('pending');
    // the last day of the notice is still inside it
    expect(file(notice(), { today: '2025-04-29' }).state).toBe('pending');
  });
  it('refuses an objection after the period, against another unit, or by another role', () => {
    expect(codeOf(() => file(notice(), { today: '2025-04-30' }))).toBe('notice.periodOver');
    expect(codeOf(() => file(notice(), { filer: officer('ds-b') }))).toBe('notice.notOwnUnit');
    expect(codeOf(() => file(notice(), { filer: officer('ds-c', ['supervisor']) }))).toBe(
      'notice.notOwnUnit',
    );
    expect(codeOf(() => file(notice(), { unitId: 'ds-z', filer: officer('ds-z') }))).toBe(
      'notice.notOwnUnit',
    );
    expect(codeOf(() => file({ ...notice(), state: 'published' }))).toBe('notice.notOnNotice');
  });
  it('refuses an input that is not one of the dimension’s, and a claimed value the input cannot hold', () => {
    expect(codeOf(() => file(notice(), { dimension: 'findings' }))).toBe('notice.unknownInput');
    expect(codeOf(() => file(notice(), { input: 'tasks.x.actual' }))).toBe('notice.unknownInput');
    expect(codeOf(() => file(notice(), { claimedValue: 1.5 }))).toBe('notice.invalidValue');
    expect(codeOf(() => file(notice(), { reason: '   ' }))).toBe('ranking.reasonRequired');
  });
});

describe('deciding an objection', () => {
  it('upholds: the input is corrected beside the frozen draft, the draft re-ranked, and the bottom unit changes', () => {
    const n0 = notice();
    expect(n0.ranking.rows.filter((r) => r.carded).map((r) => r.unitId)).toEqual(['ds-c']);
    const o = file(n0);
    const { objection, notice: n } = decide(noticeWithObjection(n0, o), o);
    expect(objection).toMatchObject({ state: 'upheld', decision: { outcome: 'upheld', correctedValue: 0 } });
    expect(n.corrections).toEqual([
      expect.objectContaining({
        objectionId: 'o1',
        unitId: 'ds-c',
        input: 'rectOpenOverdue',
        before: 2,
        after: 0,
      }),
    ]);
    expect(n.current.rows.filter((r) => r.carded).map((r) => r.unitId)).toEqual(['ds-b']);
    // the frozen draft is untouched and still verifies
    expect(n.ranking).toEqual(n0.ranking);
    expect(verifyNotice(n)).toBe(true);
    expect(noticeChanges(n.ranking, n.current)).toEqual([
      {
        unitId: 'ds-b',
        rankBefore: 2,
        rankAfter: 3,
        totalBefore: 9900,
        totalAfter: 9900,
        cardedBefore: false,
        cardedAfter: true,
      },
      {
        unitId: 'ds-c',
        rankBefore: 3,
        rankAfter: 1,
        totalBefore: 9800,
        totalAfter: 10000,
        cardedBefore: true,
        cardedAfter: false,
      },
    ]);
  });
  it('rejects with a reason: nothing is corrected, the bottom unit stays', () => {
    const n0 = notice();
    const o = file(n0);
    const { objection, notice: n } = decide(noticeWithObjection(n0, o), o, {
      outcome: 'rejected',
      reason: '销号晚于季度末',
    });
    expect(objection).toMatchObject({
      state: 'rejected',
      decision: { outcome: 'rejected', correctedValue: null },
    });
    expect(n.corrections).toEqual([]);
    expect(n.current).toEqual(n0.ranking);
    expect(n.objections).toEqual([{ id: 'o1', unitId: 'ds-c', state: 'rejected' }]);
    expect(codeOf(() => decide(n, o, { outcome: 'rejected', reason: ' ' }))).toBe('ranking.reasonRequired');
  });
  it('is made by a reviewer outside the unit’s subtree, once, and an upheld one names its value', () => {
    const n0 = notice();
    const o = file(n0);
    const n = noticeWithObjection(n0, o);
    expect(codeOf(() => decide(n, o, { decider: { id: 'r', homePath: '/city/ds/ds-c/' } }))).toBe(
      'notice.reviewerInSubtree',
    );
    expect(codeOf(() => decide(n, o, { decider: { id: 'r', homePath: '/city/ds/ds-c/v1/' } }))).toBe(
      'notice.reviewerInSubtree',
    );
    expect(codeOf(() => decide(n, o, { correctedValue: null }))).toBe('notice.invalidValue');
    expect(codeOf(() => decide(n, o, { correctedValue: -1 }))).toBe('notice.invalidValue');
    const decided = decide(n, o);
    expect(codeOf(() => decide(decided.notice, decided.objection))).toBe('notice.alreadyDecided');
  });
});

describe('publishing from a notice', () => {
  it('waits for the period to end and for every objection to be decided', () => {
    const n0 = notice();
    const o = file(n0);
    const n = noticeWithObjection(n0, o);
    expect(codeOf(() => assertNoticePublishable(n0, '2025-04-29'))).toBe('notice.periodNotOver');
    expect(() => assertNoticePublishable(n0, '2025-04-30')).not.toThrow();
    expect(codeOf(() => assertNoticePublishable(n, '2025-05-06'))).toBe('notice.objectionsPending');
    expect(() => assertNoticePublishable(decide(n, o).notice, '2025-05-06')).not.toThrow();
  });
});

const aggArb = (unitId: string) =>
  fc
    .record({
      due: fc.nat({ max: 6 }),
      late: fc.nat({ max: 6 }),
      overdue: fc.nat({ max: 4 }),
      general: fc.nat({ max: 5 }),
      received: fc.nat({ max: 8 }),
    })
    .map(({ due, late, overdue, general, received }) =>
      agg(unitId, {
        rectDue: due,
        rectOnTime: Math.max(0, due - late),
        rectOpenOverdue: overdue,
        findings: { general, serious: 0, grave: 0 },
        petitions: { received, repeated: 0, escalated: 0 },
      }),
    );
const groupArb = fc.tuple(aggArb('ds-a'), aggArb('ds-b'), aggArb('ds-c'), aggArb('ds-d'));

describe('properties', () => {
  const noticeOf = (aggs: UnitQuarterAggregate[]) =>
    startNotice({
      ...{
        id: 'n',
        groupKey: 'g',
        startedAt: '2025-04-25T10:00:00+08:00',
        startedOn: '2025-04-25',
        startedBy: 's',
        workingDays: 3,
        calendar: cal,
      },
      ranking: rank(aggs),
      inputs: aggs,
    });
  it('an upheld correction leaves the frozen draft and its hash as they were, and equals ranking the corrected inputs', () => {
    fc.assert(
      fc.property(
        groupArb,
        fc.constantFrom('ds-a', 'ds-b', 'ds-c', 'ds-d'),
        fc.constantFrom('rectOpenOverdue', 'findings.general', 'petitions.received'),
        fc.nat({ max: 5 }),
        (aggs, unit, input, value) => {
          const n0 = noticeOf(aggs);
          const dimension =
            input === 'rectOpenOverdue'
              ? 'rectification'
              : input === 'findings.general'
                ? 'findings'
                : 'petitions';
          const o = file(n0, { unitId: unit, filer: officer(unit), dimension, input, claimedValue: null });
          const { notice: n } = decide(noticeWithObjection(n0, o), o, {
            unitPath: `/city/ds/${unit}/`,
            correctedValue: value,
          });
          expect(n.ranking).toEqual(n0.ranking);
          expect(n.contentHash).toBe(n0.contentHash);
          const corrected = aggs.map((a) =>
            a.unitId === unit ? correctInput(a, dimension, input, value) : a,
          );
          expect(n.current).toEqual(rank(corrected));
          // nothing changes exactly when the value was already right
          const same = inputValue(aggs.find((a) => a.unitId === unit)!, dimension, input) === value;
          if (same) expect(noticeChanges(n.ranking, n.current)).toEqual([]);
        },
      ),
    );
  });
  it('a rejection never changes the draft, and the changes of a notice name only units whose row moved', () => {
    fc.assert(
      fc.property(groupArb, groupArb, (a, b) => {
        const ra = rank(a);
        const rb = rank(b.map((x, i) => ({ ...x, unitId: a[i]!.unitId })));
        for (const c of noticeChanges(ra, rb)) {
          const x = ra.rows.find((r) => r.unitId === c.unitId)!;
          const y = rb.rows.find((r) => r.unitId === c.unitId)!;
          expect([x.rank, x.score.total, x.carded]).not.toEqual([y.rank, y.score.total, y.carded]);
        }
        expect(noticeChanges(ra, ra)).toEqual([]);
        const n0 = noticeOf(a);
        const o = file(n0, { unitId: 'ds-a', filer: officer('ds-a'), claimedValue: null });
        const { notice: n } = decide(noticeWithObjection(n0, o), o, {
          unitPath: '/city/ds/ds-a/',
          outcome: 'rejected',
        });
        expect(n.current).toEqual(n0.current);
      }),
    );
  });
  it('the period ends after exactly N working days, whatever the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 15 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          const end = noticeEndsOn(start, n, cal);
          // exactly n working days in (start, end], the last of them the end itself
          let count = 0;
          for (let day = addDays(start, 1); day <= end; day = addDays(day, 1))
            if (isWorkingDay(day, cal)) count++;
          expect(count).toBe(n);
          expect(isWorkingDay(end, cal)).toBe(true);
        },
      ),
    );
  });
  it('every input listed for an aggregate can be read', () => {
    fc.assert(
      fc.property(aggArb('ds-a'), (a) => {
        for (const { dimension, input } of inputsOf(a))
          expect(inputValue(a, dimension, input)).not.toBeUndefined();
      }),
    );
  });
});
