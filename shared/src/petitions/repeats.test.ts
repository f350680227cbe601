import { describe, expect, it } from 'vitest';
import { classifyRepeats, type RepeatCandidate, repeatsAffectedBy } from './repeats.js';
import { scheme, withPetitions } from './test-support.js';

const p = (id: string, receivedAt: string, over: Partial<RepeatCandidate> = {}): RepeatCandidate => ({
  id,
  petitionerKey: 'k1',
  unitId: 'town-a',
  category: 'embezzling',
  receivedAt,
  ...over,
});

const obj = (m: Map<string, string | null>) => Object.fromEntries([...m].sort());

describe('classifyRepeats', () => {
  it('marks a petition repeated when the same petitioner and matter petitioned at most 180 days before', () => {
    const r = classifyRepeats(
      [p('a', '2025-01-01T23:59:59+08:00'), p('b', '2025-06-30T00:00:00+08:00')],
      scheme,
    );
    expect(obj(r)).toEqual({ a: null, b: 'a' });
  });

  it('does not when the local received dates are 181 days apart', () => {
    const r = classifyRepeats(
      [p('a', '2025-01-01T23:59:59+08:00'), p('b', '2025-07-01T00:00:00+08:00')],
      scheme,
    );
    expect(r.get('b')).toBeNull();
  });

  it('measures in local dates, not in UTC dates or elapsed hours', () => {
    // 2025-01-01T16:00:00Z is 2025-01-02 in Shanghai: 180 days before 2025-07-01.
    const r = classifyRepeats([p('a', '2025-01-01T16:00:00Z'), p('b', '2025-07-01T23:59:59+08:00')], scheme);
    expect(r.get('b')).toBe('a');
  });

  it('needs the same responsible unit AND category AND petitioner key', () => {
    const r = classifyRepeats(
      [
        p('a', '2025-01-01T10:00:00+08:00'),
        p('b', '2025-01-05T10:00:00+08:00', { unitId: 'town-b' }),
        p('c', '2025-01-06T10:00:00+08:00', { category: 'inaction' }),
        p('d', '2025-01-07T10:00:00+08:00', { petitionerKey: 'k2' }),
      ],
      scheme,
    );
    expect(obj(r)).toEqual({ a: null, b: null, c: null, d: null });
  });

  it('points at the most recent earlier petition, and measures the window from it', () => {
    const r = classifyRepeats(
      [
        p('a', '2025-01-01T10:00:00+08:00'),
        p('b', '2025-02-01T10:00:00+08:00'),
        p('c', '2025-03-01T10:00:00+08:00'),
        p('d', '2025-12-01T10:00:00+08:00'),
        p('e', '2026-05-01T10:00:00+08:00'),
      ],
      scheme,
    );
    expect(obj(r)).toEqual({ a: null, b: 'a', c: 'b', d: null, e: 'd' });
  });

  it('orders petitions received at the same instant by id', () => {
    const r = classifyRepeats([p('b', '2025-01-01T10:00:00+08:00'), p('a', '2025-01-01T02:00:00Z')], scheme);
    expect(obj(r)).toEqual({ a: null, b: 'a' });
  });

  it('uses the scheme window', () => {
    const r = classifyRepeats(
      [p('a', '2025-01-01T10:00:00+08:00'), p('b', '2025-01-31T10:00:00+08:00')],
      withPetitions({ repeatWindowDays: 29 }),
    );
    expect(r.get('b')).toBeNull();
  });
});

describe('repeatsAffectedBy', () => {
  it('reports the later petition whose repeatOf changes when an earlier one arrives late', () => {
    const a = { ...p('a', '2025-01-01T10:00:00+08:00'), repeatOf: null };
    const c = { ...p('c', '2025-03-01T10:00:00+08:00'), repeatOf: 'a' };
    const other = { ...p('x', '2025-02-01T10:00:00+08:00', { unitId: 'town-b' }), repeatOf: null };
    const r = repeatsAffectedBy(p('b', '2025-02-01T10:00:00+08:00'), [a, c, other], scheme);
    expect(r).toEqual({ repeatOf: 'a', changed: [{ id: 'c', repeatOf: 'b' }] });
  });

  it('recomputes stored values it is not given, and treats a re-ingested id as the same petition', () => {
    const a = p('a', '2025-01-01T10:00:00+08:00');
    const c = p('c', '2025-12-01T10:00:00+08:00');
    const r = repeatsAffectedBy(p('b', '2025-08-01T10:00:00+08:00'), [a, c], scheme);
    expect(r).toEqual({ repeatOf: null, changed: [{ id: 'c', repeatOf: 'b' }] });
    expect(repeatsAffectedBy(a, [a, c], scheme)).toEqual({ repeatOf: null, changed: [] });
  });
});
