import { describe, expect, it } from 'vitest';
import { rectificationInputSchema } from '../schemas/rectification.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { majorNegativeActions, onUnitAssigned, type SignalForActions } from './major.js';

const scheme = DEFAULT_SCHEME;
const signal = (over: Partial<SignalForActions> = {}): SignalForActions => ({
  id: 'sig1',
  title: '某村扶贫资金被村干部挪用',
  polarity: 'negative',
  severity: 'major',
  unitId: 'village-1',
  url: 'https://e.cn/p/1',
  ...over,
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('majorNegativeActions', () => {
  it('raises an immediate alert to the unit’s supervisors and a handling task due the next day', () => {
    const r = majorNegativeActions(signal(), '2025-03-10T09:30:00+08:00', scheme);
    expect(r.needsTriage).toBe(false);
    expect(r.alert).toMatchObject({
      rule: 'signal.majorNegative',
      alertKey: 'signal.majorNegative|sig1',
      subject: { kind: 'signal', id: 'sig1' },
      unitId: 'village-1',
      notifyUnitId: 'village-1',
      severity: 'critical',
    });
    expect(r.rectification).toMatchObject({
      source: { kind: 'signal', id: 'sig1' },
      unitId: 'village-1',
      deadline: '2025-03-11',
      externalId: 'signal:sig1',
      description: 'https://e.cn/p/1',
    });
    expect(rectificationInputSchema.safeParse(r.rectification).success).toBe(true);
  });

  it('counts the first-response day from the local date of now, and does not roll it off a holiday', () => {
    expect(majorNegativeActions(signal(), '2025-09-30T23:30:00+08:00', scheme).rectification?.deadline).toBe(
      '2025-10-01',
    );
    expect(majorNegativeActions(signal(), '2025-09-30T16:00:00Z', scheme).rectification?.deadline).toBe(
      '2025-10-02',
    );
  });

  it('does nothing for a signal that is not both negative and major', () => {
    for (const s of [
      signal({ polarity: 'neutral' }),
      signal({ severity: 'notable' }),
      signal({ polarity: 'positive' }),
    ])
      expect(majorNegativeActions(s, '2025-03-10T09:30:00+08:00', scheme)).toEqual({
        needsTriage: false,
        alert: null,
        rectification: null,
      });
  });

  it('sends a signal without a unit to the triage queue, with no actions yet', () => {
    expect(majorNegativeActions(signal({ unitId: null }), '2025-03-10T09:30:00+08:00', scheme)).toEqual({
      needsTriage: true,
      alert: null,
      rectification: null,
    });
  });

  it('creates no second handling task when the signal already has one', () => {
    const r = majorNegativeActions(signal({ rectificationId: 'r1' }), '2025-03-10T09:30:00+08:00', scheme);
    expect(r.alert).not.toBeNull();
    expect(r.rectification).toBeNull();
  });

  it('keeps a long title within the record limits', () => {
    const r = majorNegativeActions(
      signal({ title: '𠮷'.repeat(400), url: undefined }),
      '2025-03-10T09:30:00+08:00',
      scheme,
    );
    expect(r.rectification?.title.length).toBeLessThanOrEqual(500);
    expect(r.rectification?.title.endsWith('𠮷')).toBe(true);
    expect(r.rectification).not.toHaveProperty('description');
    expect(rectificationInputSchema.safeParse(r.rectification).success).toBe(true);
  });
});

describe('onUnitAssigned', () => {
  it('runs the actions when a supervisor assigns the unit, counting from the assignment', () => {
    const { signal: s, actions } = onUnitAssigned(
      signal({ unitId: null }),
      'town-2',
      { role: 'supervisor', at: '2025-03-12T10:00:00+08:00' },
      scheme,
    );
    expect(s.unitId).toBe('town-2');
    expect(actions.alert?.notifyUnitId).toBe('town-2');
    expect(actions.rectification?.deadline).toBe('2025-03-13');
  });

  it('is for a supervisor only, and only for a signal without a unit', () => {
    const at = '2025-03-12T10:00:00+08:00';
    expect(
      codeOf(() => onUnitAssigned(signal({ unitId: null }), 'town-2', { role: 'inspector', at }, scheme)),
    ).toBe('signal.forbiddenRole');
    expect(codeOf(() => onUnitAssigned(signal(), 'town-2', { role: 'supervisor', at }, scheme))).toBe(
      'signal.alreadyAssigned',
    );
  });
});
