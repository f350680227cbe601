import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantMs } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import { classifyRepeats, type RepeatCandidate, repeatsAffectedBy } from './repeats.js';
import { scheme } from './test-support.js';

const obj = (m: Map<string, string | null>) => Object.fromEntries([...m].sort());

// Petitions on a small space of petitioners, units, categories and days, at boundary times of day.
const arbPetitions = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-f0-9]{1,4}$/),
      petitionerKey: fc.constantFrom('k1', 'k2'),
      unitId: fc.constantFrom('u1', 'u2'),
      category: fc.constantFrom('embezzling', 'inaction'),
      day: fc.integer({ min: 0, max: 400 }),
      time: fc.constantFrom('00:00:00', '00:00:01', '12:00:00', '23:59:59'),
      utc: fc.boolean(),
    }),
    { selector: (r) => r.id, maxLength: 25 },
  )
  .map((rs) =>
    rs.map((r): RepeatCandidate => {
      const local = `${addDays('2025-01-01', r.day)}T${r.time}+08:00`;
      return { ...r, receivedAt: r.utc ? new Date(Date.parse(local)).toISOString() : local };
    }),
  );

/** The rule read literally, O(n²): the most recent earlier petition of the same key and matter, in window. */
function reference(ps: RepeatCandidate[]): Record<string, string | null> {
  const before = (a: RepeatCandidate, b: RepeatCandidate) =>
    instantMs(a.receivedAt) < instantMs(b.receivedAt) ||
    (instantMs(a.receivedAt) === instantMs(b.receivedAt) && a.id < b.id);
  const date = (x: RepeatCandidate) => localDateOf(x.receivedAt, 'Asia/Shanghai');
  const out: Record<string, string | null> = {};
  for (const x of ps) {
    const earlier = ps.filter(
      (y) =>
        y.petitionerKey === x.petitionerKey &&
        y.unitId === x.unitId &&
        y.category === x.category &&
        before(y, x),
    );
    const inWindow = earlier.filter((y) => daysBetween(date(y), date(x)) <= 180);
    const latest = inWindow.reduce<RepeatCandidate | null>(
      (m, y) => (m === null || before(m, y) ? y : m),
      null,
    );
    out[x.id] = latest?.id ?? null;
  }
  return out;
}

describe('classifyRepeats properties', () => {
  it('equals the rule read literally', () => {
    fc.assert(
      fc.property(arbPetitions, (ps) => {
        expect(obj(classifyRepeats(ps, scheme))).toEqual(reference(ps));
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        arbPetitions.chain((ps) =>
          fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length })),
        ),
        ([ps, shuffled]) => {
          expect(obj(classifyRepeats(shuffled, scheme))).toEqual(obj(classifyRepeats(ps, scheme)));
        },
      ),
    );
  });
});

describe('repeatsAffectedBy properties', () => {
  it('inserting one by one in any order gives the batch result', () => {
    fc.assert(
      fc.property(
        arbPetitions.chain((ps) =>
          fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length })),
        ),
        ([ps, order]) => {
          const stored = new Map<string, RepeatCandidate & { repeatOf: string | null }>();
          for (const n of order) {
            const same = [...stored.values()].filter((s) => s.petitionerKey === n.petitionerKey);
            const r = repeatsAffectedBy(n, same, scheme);
            for (const c of r.changed) stored.get(c.id)!.repeatOf = c.repeatOf;
            stored.set(n.id, { ...n, repeatOf: r.repeatOf });
          }
          const incremental = new Map([...stored].map(([id, s]) => [id, s.repeatOf]));
          expect(obj(incremental)).toEqual(obj(classifyRepeats(ps, scheme)));
        },
      ),
    );
  });
});
