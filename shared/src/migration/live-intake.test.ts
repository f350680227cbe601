import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { LIVE_LOOKBACK_DEFAULT } from '../scheme/defaults.js';
import { assertLiveInstant, liveInstantProblem } from './live-intake.js';

// 2026-03-10T10:00:00+08:00
const nowMs = Date.parse('2026-03-10T02:00:00Z');
const ctx = { nowMs, rules: DEFAULT_SCHEME.migration, timeZone: 'Asia/Shanghai' };

describe('an instant received live', () => {
  it.each(['discoveredOn', 'receivedAt', 'publishedAt'] as const)(
    '%s: refused in the future beyond the skew, accepted up to the look-back, refused beyond it',
    (field) => {
      const days = LIVE_LOOKBACK_DEFAULT[field];
      expect(liveInstantProblem('2026-03-11', field, ctx)).toBe('instant.future');
      expect(liveInstantProblem('2026-03-10T10:06:00+08:00', field, ctx)).toBe('instant.future');
      expect(liveInstantProblem('2026-03-10T10:04:00+08:00', field, ctx)).toBeNull();
      const first = new Date(nowMs + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
      const before = new Date(nowMs + 8 * 3_600_000 - (days + 1) * 86_400_000).toISOString().slice(0, 10);
      expect(liveInstantProblem(first, field, ctx)).toBeNull();
      expect(liveInstantProblem(`${first}T00:00:00+08:00`, field, ctx)).toBeNull();
      expect(liveInstantProblem(before, field, ctx)).toBe('instant.notLive');
      expect(liveInstantProblem(`${before}T23:59:59+08:00`, field, ctx)).toBe('instant.notLive');
    },
  );

  it('is refused before its unit was established, and throws naming the field', () => {
    expect(liveInstantProblem('2026-03-01', 'discoveredOn', { ...ctx, establishedOn: '2026-03-02' })).toBe(
      'instant.beforeUnit',
    );
    expect(() => assertLiveInstant('2027-01-01', 'receivedAt', ctx)).toThrow(
      expect.objectContaining({ code: 'instant.future', field: 'receivedAt' }),
    );
    expect(() => assertLiveInstant('2020-01-01', 'publishedAt', ctx)).toThrow(
      expect.objectContaining({ code: 'instant.notLive', field: 'publishedAt' }),
    );
  });

  it('follows the scheme: a look-back of 0 accepts today only', () => {
    const rules = {
      ...DEFAULT_SCHEME.migration,
      liveLookbackDays: { discoveredOn: 0, receivedAt: 0, publishedAt: 0 },
    };
    expect(liveInstantProblem('2026-03-10', 'discoveredOn', { ...ctx, rules })).toBeNull();
    expect(liveInstantProblem('2026-03-09', 'discoveredOn', { ...ctx, rules })).toBe('instant.notLive');
    // A scheme written before the look-back existed takes the defaults.
    const older = { goLive: [], clockSkewSeconds: 300 };
    expect(liveInstantProblem('2026-01-01', 'receivedAt', { ...ctx, rules: older })).toBe('instant.notLive');
    expect(liveInstantProblem('2026-02-10', 'receivedAt', { ...ctx, rules: older })).toBeNull();
  });
});
