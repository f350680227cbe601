import { describe, expect, it } from 'vitest';
import { caseTriggerSchema } from '../schemas/accountability.js';
import type { Petition } from '../schemas/petition.js';
import { extendPetition } from './sla.js';
import { earlierPetitionOf, slaMissedActions } from './sla-missed.js';
import { petition, scheme, supervisor } from './test-support.js';
import { acceptPetition, handlePetition } from './workflow.js';

const earlier = petition({ id: 'e1', unitId: 'town-a', receivedAt: '2025-03-10T10:00:00+08:00' }); // accept due 03-25
const later = (over: Partial<Petition> = {}): Petition =>
  petition({ id: 'l1', unitId: 'town-a', repeatOf: 'e1', receivedAt: '2025-04-01T10:00:00+08:00', ...over });

describe('slaMissedActions', () => {
  it('proposes a case against the unit that did not decide acceptance in time', () => {
    const r = slaMissedActions(later(), [earlier], scheme);
    expect(r).toMatchObject({
      missed: 'accept',
      earlierPetitionId: 'e1',
      alert: {
        rule: 'petition.slaMissed',
        alertKey: 'petition.slaMissed|e1',
        subject: { kind: 'petition', id: 'e1' },
        unitId: 'town-a',
        notifyUnitId: 'town-a',
        severity: 'critical',
      },
      proposal: {
        triggerKey: 'petition_sla_missed|e1',
        unitId: 'town-a',
        trigger: {
          kind: 'petition_sla_missed',
          unitId: 'town-a',
          petitionId: 'l1',
          earlierPetitionId: 'e1',
          missed: 'accept',
        },
      },
    });
    expect(caseTriggerSchema.safeParse(r?.proposal.trigger).success).toBe(true);
  });

  it('judges the earlier petition as of the later one’s receipt', () => {
    // Not yet due when the later one arrived (due 03-25, later received 03-25 23:59:59).
    expect(
      slaMissedActions(later({ receivedAt: '2025-03-25T23:59:59+08:00' }), [earlier], scheme),
    ).toBeNull();
    expect(
      slaMissedActions(later({ receivedAt: '2025-03-26T00:00:00+08:00' }), [earlier], scheme)?.missed,
    ).toBe('accept');
    // Decided late, but before the later petition: still missed.
    const lateDecision = acceptPetition(earlier, supervisor('2025-03-28T10:00:00+08:00'), scheme);
    expect(slaMissedActions(later(), [lateDecision], scheme)?.missed).toBe('accept');
  });

  it('finds a missed handling due, and counts the extension', () => {
    const a = acceptPetition(earlier, supervisor('2025-03-12T10:00:00+08:00'), scheme); // handling due 05-12
    const l = later({ receivedAt: '2025-05-13T09:00:00+08:00' });
    expect(slaMissedActions(l, [a], scheme)?.proposal.trigger).toMatchObject({ missed: 'handle' });
    const extended = extendPetition(a, 30, supervisor('2025-05-01T10:00:00+08:00'), scheme);
    expect(slaMissedActions(l, [extended], scheme)).toBeNull();
    const handled = handlePetition(a, supervisor('2025-05-12T17:00:00+08:00'));
    expect(slaMissedActions(l, [handled], scheme)).toBeNull();
  });

  it('checks an escalated petition that repeats nothing against the most recent earlier one of the same matter', () => {
    const old = petition({ id: 'e0', receivedAt: '2024-01-10T10:00:00+08:00' });
    const other = petition({ id: 'o1', category: 'inaction', receivedAt: '2024-12-01T10:00:00+08:00' });
    const after = petition({ id: 'z9', receivedAt: '2026-01-01T10:00:00+08:00' });
    const l = later({ repeatOf: null, escalated: true, receivedAt: '2025-12-01T10:00:00+08:00' });
    expect(earlierPetitionOf(l, [old, earlier, other, after, l])?.id).toBe('e1');
    expect(slaMissedActions(l, [old, earlier, other, after], scheme)?.earlierPetitionId).toBe('e1');
    expect(slaMissedActions(l, [other, after], scheme)).toBeNull();
  });

  it('does nothing for a petition that is neither repeated nor escalated, or whose earlier one is unknown', () => {
    expect(slaMissedActions(later({ repeatOf: null }), [earlier], scheme)).toBeNull();
    expect(slaMissedActions(later({ repeatOf: 'missing' }), [earlier], scheme)).toBeNull();
  });

  it('keys the alert and the case on the earlier petition, so one missed SLA is raised once', () => {
    const a = slaMissedActions(later(), [earlier], scheme);
    const b = slaMissedActions(later({ id: 'l2', repeatOf: null, escalated: true }), [earlier], scheme);
    expect(b?.alert.alertKey).toBe(a?.alert.alertKey);
    expect(b?.proposal.triggerKey).toBe(a?.proposal.triggerKey);
  });
});
