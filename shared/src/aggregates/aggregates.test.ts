import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { DEMO_UNITS } from '../testing/demo-tree.js';
import { UnitTree } from '../units/unit-tree.js';
import { emptyAggregate } from './aggregate.js';
import {
  type AggregateMap,
  applyChanges,
  applyDeltas,
  horizonDeltas,
  type RecordChange,
  rebuild,
} from './apply.js';
import { type ContributionContext, overdueQuarters } from './contributions.js';
import { aggregateKey } from './delta.js';
import type { RecordFacts, RectificationFacts } from './facts.js';

const tree = new UnitTree(DEMO_UNITS);
const ctx: ContributionContext = { tree, scheme: DEFAULT_SCHEME };
const agg = (m: AggregateMap, unit: string, q: string) =>
  m.get(aggregateKey(unit, q)) ?? emptyAggregate(unit, q);

describe('contributions to the quarterly aggregates', () => {
  it("counts a village's findings, petitions and signals for its township", () => {
    const m = rebuild(
      [
        { kind: 'finding', id: 'f1', unitId: 'ds-a-1', severity: 'grave', discoveredOn: '2025-02-03' },
        { kind: 'finding', id: 'f2', unitId: 'ds-a', severity: 'general', discoveredOn: '2025-03-31' },
        {
          kind: 'petition',
          id: 'p1',
          unitId: 'ds-a-2',
          receivedAt: '2025-01-10T10:00:00+08:00',
          repeated: true,
          escalated: true,
        },
        {
          kind: 'signal',
          id: 's1',
          unitId: 'ds-a-1',
          publishedAt: '2025-03-01T08:00:00+08:00',
          polarity: 'negative',
          severity: 'major',
        },
      ],
      ctx,
    );
    const a = agg(m, 'ds-a', '2025Q1');
    expect(a.findings).toEqual({ general: 1, serious: 0, grave: 1 });
    expect(a.petitions).toEqual({ received: 1, repeated: 1, escalated: 1 });
    expect(a.signals).toEqual({ notable: 0, major: 1 });
    expect(m.has(aggregateKey('ds-a-1', '2025Q1'))).toBe(false);
    const s = scoreUnit(a, DEFAULT_SCHEME);
    expect(s.findings.points).toBe(1500 - 600);
    expect(s.petitions.points).toBe(1000 - 50 - 200 - 300);
    expect(s.opinion.points).toBe(500);
  });

  it('places a record in the quarter of its local date, at local midnight of a quarter boundary', () => {
    const m = rebuild(
      [
        {
          kind: 'petition',
          id: 'a',
          unitId: 'ds-b',
          receivedAt: '2025-03-31T23:59:59+08:00',
          repeated: false,
          escalated: false,
        },
        {
          kind: 'petition',
          id: 'b',
          unitId: 'ds-b',
          receivedAt: '2025-03-31T16:00:00Z',
          repeated: false,
          escalated: false,
        },
      ],
      ctx,
    );
    expect(agg(m, 'ds-b', '2025Q1').petitions.received).toBe(1);
    expect(agg(m, 'ds-b', '2025Q2').petitions.received).toBe(1);
  });

  it('counts only negative notable and major signals with a unit', () => {
    const base = { kind: 'signal' as const, publishedAt: '2025-05-01T08:00:00+08:00' };
    const m = rebuild(
      [
        { ...base, id: '1', unitId: 'ds-c', polarity: 'negative', severity: 'notable' },
        { ...base, id: '2', unitId: 'ds-c', polarity: 'positive', severity: 'major' },
        { ...base, id: '3', unitId: 'ds-c', polarity: 'negative', severity: 'ordinary' },
        { ...base, id: '4', unitId: null, polarity: 'negative', severity: 'major' },
      ],
      ctx,
    );
    expect(agg(m, 'ds-c', '2025Q2').signals).toEqual({ notable: 1, major: 0 });
  });

  it('counts a rectification due in the quarter, and on time when closed by the end of the deadline day', () => {
    const r = (id: string, deadline: string, closedAt: string | null): RectificationFacts => ({
      kind: 'rectification',
      id,
      unitId: 'ds-fpb',
      deadline,
      closedAt,
      horizon: '2025Q2',
    });
    const m = rebuild(
      [
        r('on', '2025-02-10', '2025-02-10T23:59:59+08:00'),
        r('late', '2025-02-10', '2025-02-11T00:00:00+08:00'),
        r('open', '2025-03-01', null),
      ],
      ctx,
    );
    const q1 = agg(m, 'ds-fpb', '2025Q1');
    expect([q1.rectDue, q1.rectOnTime, q1.rectOpenOverdue]).toEqual([3, 1, 1]);
    expect(agg(m, 'ds-fpb', '2025Q2').rectOpenOverdue).toBe(1);
    expect(m.has(aggregateKey('ds-fpb', '2025Q3'))).toBe(false); // beyond the horizon
    expect(scoreUnit(q1, DEFAULT_SCHEME).rectification.points).toBe(Math.round(2500 / 3) - 100);
  });

  it('counts open-and-overdue at a quarter end only when the deadline is before the last day and it is not closed by the end of that day', () => {
    const tz = DEFAULT_SCHEME.timeZone;
    const keysOf = (r: Omit<RectificationFacts, 'kind' | 'id' | 'unitId' | 'horizon'>) =>
      overdueQuarters({ kind: 'rectification', id: 'x', unitId: 'u', horizon: '2026Q2', ...r }, tz).map(
        (q) => `${q.year}Q${q.quarter}`,
      );
    expect(keysOf({ deadline: '2025-03-31', closedAt: null })[0]).toBe('2025Q2'); // due on the last day: not overdue at Q1 end
    expect(keysOf({ deadline: '2025-03-30', closedAt: null })[0]).toBe('2025Q1');
    expect(keysOf({ deadline: '2025-03-30', closedAt: '2025-03-31T23:59:59+08:00' })).toEqual([]);
    expect(keysOf({ deadline: '2025-03-30', closedAt: '2025-04-01T00:00:00+08:00' })).toEqual(['2025Q1']);
    expect(keysOf({ deadline: '2025-11-30', closedAt: '2026-02-01T09:00:00+08:00' })).toEqual(['2025Q4']);
    expect(keysOf({ deadline: '2025-11-30', closedAt: null })).toEqual(['2025Q4', '2026Q1', '2026Q2']);
  });

  it('puts indicator lines in every quarter of their year and scores them', () => {
    const m = rebuild(
      [
        {
          kind: 'indicator',
          id: 'i1',
          indicator: {
            id: 'i1',
            unitId: 'ds-a-1',
            year: 2025,
            name: '脱贫人数',
            target: 100,
            actuals: [10, 30, null, null],
          },
        },
      ],
      ctx,
    );
    const q2 = agg(m, 'ds-a', '2025Q2');
    expect(q2.tasks.i1).toEqual({ plan: 50, actual: 30 });
    expect(scoreUnit(q2, DEFAULT_SCHEME).task.points).toBe(2400);
    expect(scoreUnit(agg(m, 'ds-a', '2025Q3'), DEFAULT_SCHEME).task.points).toBe(0);
  });
});

// ---- apply over any sequence of changes equals rebuild ----

const units = ['ds-a', 'ds-a-1', 'ds-b', 'ds-fpb', 'xs-a-1', 'city-fin'];
const dates = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const instants = fc
  .tuple(dates, fc.integer({ min: 0, max: 23 }))
  .map(([d, h]) => `${d}T${String(h).padStart(2, '0')}:30:00+08:00`);

const factsFor = (id: string): fc.Arbitrary<RecordFacts> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('finding' as const),
      id: fc.constant(id),
      unitId: fc.constantFrom(...units),
      severity: fc.constantFrom('general' as const, 'serious' as const, 'grave' as const),
      discoveredOn: dates,
    }),
    fc.record({
      kind: fc.constant('petition' as const),
      id: fc.constant(id),
      unitId: fc.constantFrom(...units),
      receivedAt: instants,
      repeated: fc.boolean(),
      escalated: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('signal' as const),
      id: fc.constant(id),
      unitId: fc.option(fc.constantFrom(...units), { nil: null }),
      publishedAt: instants,
      polarity: fc.constantFrom('positive' as const, 'neutral' as const, 'negative' as const),
      severity: fc.constantFrom('ordinary' as const, 'notable' as const, 'major' as const),
    }),
    fc.record({
      kind: fc.constant('rectification' as const),
      id: fc.constant(id),
      unitId: fc.constantFrom(...units),
      deadline: dates,
      closedAt: fc.option(instants, { nil: null }),
      horizon: fc.constantFrom('2025Q1', '2025Q4', '2026Q2', '2026Q4'),
    }),
    fc.record({
      kind: fc.constant('indicator' as const),
      id: fc.constant(id),
      indicator: fc.record({
        id: fc.constant(id),
        unitId: fc.constantFrom(...units),
        year: fc.constantFrom(2025, 2026),
        name: fc.constant('指标'),
        target: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        actuals: fc.tuple(
          fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
          fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
          fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
          fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        ),
      }),
    }),
  );

/** A workload: for each step, an id (of 8) and the record's new facts, or null to delete it. */
const workload = fc.array(
  fc
    .integer({ min: 0, max: 7 })
    .chain((n) => fc.tuple(fc.constant(`r${n}`), fc.option(factsFor(`r${n}`), { nil: null }))),
  { maxLength: 40 },
);

/** The record with a new id (an indicator's own id too). */
const withId = (r: RecordFacts, id: string): RecordFacts =>
  r.kind === 'indicator' ? { ...r, id, indicator: { ...r.indicator, id } } : { ...r, id };

const normalize = (m: AggregateMap) =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('apply = rebuild', () => {
  it('holds for any sequence of creates, updates and deletes, applied one by one', () => {
    fc.assert(
      fc.property(workload, (steps) => {
        const live = new Map<string, RecordFacts>();
        const aggs: AggregateMap = new Map();
        for (const [id, after] of steps) {
          const change: RecordChange = { before: live.get(id) ?? null, after };
          applyChanges(aggs, [change], ctx);
          if (after) live.set(id, after);
          else live.delete(id);
        }
        expect(normalize(aggs)).toEqual(normalize(rebuild(live.values(), ctx)));
      }),
      { numRuns: 200 },
    );
  });

  it('holds when a whole batch of changes is folded into one update per aggregate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), factsFor('x')), { maxLength: 30 }),
        (items) => {
          const fixed = items.map(([n, f], i) => withId(f, `b${i}-${n}`));
          const aggs: AggregateMap = new Map();
          applyChanges(
            aggs,
            fixed.map((after) => ({ before: null, after })),
            ctx,
          );
          expect(normalize(aggs)).toEqual(normalize(rebuild(fixed, ctx)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("holds after a rectification's horizon moves to a new quarter", () => {
    fc.assert(
      fc.property(factsFor('h'), fc.constantFrom('2025Q2', '2026Q1', '2026Q4', '2027Q1'), (r, to) => {
        if (r.kind !== 'rectification') return;
        const aggs = rebuild([r], ctx);
        applyDeltas(aggs, horizonDeltas(r, to, ctx));
        expect(normalize(aggs)).toEqual(normalize(rebuild([{ ...r, horizon: to }], ctx)));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order records are rebuilt in', () => {
    fc.assert(
      fc.property(fc.array(factsFor('o'), { maxLength: 20 }), fc.integer(), (items, seed) => {
        const records = items.map((r, i) => withId(r, `o${i}`));
        const shuffled = [...records].sort(
          (a, b) => ((a.id.charCodeAt(1) * seed) % 7) - ((b.id.charCodeAt(1) * seed) % 7),
        );
        expect(normalize(rebuild(shuffled, ctx))).toEqual(normalize(rebuild(records, ctx)));
      }),
    );
  });
});
