import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { schemeSchema } from './scheme.js';

describe('the assessment scheme', () => {
  it('is a valid scheme as written (the default is a typed literal, not parsed at load)', () => {
    expect(schemeSchema.parse(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
  });

  it('holds the numbers of DESIGN §4 as data', () => {
    expect(DEFAULT_SCHEME.weights).toEqual({
      task: 4000,
      rectification: 2500,
      findings: 1500,
      petitions: 1000,
      opinion: 1000,
    });
    expect(DEFAULT_SCHEME.petitions.accept.days).toBe(15);
    expect(DEFAULT_SCHEME.petitions.handle.days).toBe(60);
    expect(DEFAULT_SCHEME.petitions.extensionMaxDays).toBe(30);
    expect(DEFAULT_SCHEME.petitions.repeatWindowDays).toBe(180);
    expect(DEFAULT_SCHEME.rectification).toEqual({
      defaultDeadline: { days: 30, count: 'calendar', rollOffNonWorking: true },
      overdueAlertDays: 1,
      overdueEscalateDays: 15,
      overdueAccountabilityDays: 30,
    });
    expect(DEFAULT_SCHEME.publishing.autoPublishDelayDays).toBe(10);
    expect(DEFAULT_SCHEME.timeZone).toBe('Asia/Shanghai');
  });

  it('refuses weights that do not sum to 100 points', () => {
    const bad = { ...DEFAULT_SCHEME, weights: { ...DEFAULT_SCHEME.weights, task: 3000 } };
    const r = schemeSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['weights']);
  });

  it('refuses an unknown time zone and unknown fields', () => {
    expect(schemeSchema.safeParse({ ...DEFAULT_SCHEME, timeZone: 'Asia/Atlantis' }).success).toBe(false);
    expect(schemeSchema.safeParse({ ...DEFAULT_SCHEME, bonus: 1 }).success).toBe(false);
  });

  it('accepts another zone and calendar as a new version', () => {
    const v2 = schemeSchema.parse({ ...DEFAULT_SCHEME, version: 2, timeZone: 'Asia/Urumqi', calendar: {} });
    expect(v2.version).toBe(2);
  });
});
