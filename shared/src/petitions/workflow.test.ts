import { describe, expect, it } from 'vitest';
import type { Role, Satisfaction } from '../schemas/enums.js';
import { petitionSchema } from '../schemas/petition.js';
import { canActOnPetitions } from './roles.js';
import { codeOf, petition, scheme, supervisor } from './test-support.js';
import {
  acceptPetition,
  availablePetitionActions,
  closePetition,
  handlePetition,
  notAcceptPetition,
} from './workflow.js';

const received = petition({ receivedAt: '2025-09-20T09:00:00+08:00' });
const accepted = acceptPetition(received, supervisor('2025-09-22T09:00:00+08:00'), scheme);
const handled = handlePetition(accepted, supervisor('2025-10-20T09:00:00+08:00'));

describe('petition workflow', () => {
  it('receives a petition with its acceptance due, and it is a valid record', () => {
    expect(received).toMatchObject({
      state: 'received',
      acceptDue: '2025-10-09',
      handleDue: null,
      extensionDays: 0,
    });
    expect(petitionSchema.safeParse(received).success).toBe(true);
  });

  it('goes received → accepted → handled → closed, recording each time', () => {
    expect(accepted).toMatchObject({
      state: 'accepted',
      acceptedAt: '2025-09-22T09:00:00+08:00',
      decidedAt: '2025-09-22T09:00:00+08:00',
      handleDue: '2025-11-21',
    });
    expect(handled).toMatchObject({ state: 'handled', handledAt: '2025-10-20T09:00:00+08:00' });
    const closed = closePetition(handled, 'basically_satisfied', supervisor('2025-10-25T09:00:00+08:00'));
    expect(closed).toMatchObject({
      state: 'closed',
      closedAt: '2025-10-25T09:00:00+08:00',
      satisfaction: 'basically_satisfied',
    });
    expect(petitionSchema.safeParse(closed).success).toBe(true);
    expect(received.state).toBe('received');
  });

  it('does not accept a petition with a reason, and that is final', () => {
    const no = notAcceptPetition(received, '  已通过诉讼渠道处理  ', supervisor('2025-09-21T09:00:00+08:00'));
    expect(no).toMatchObject({
      state: 'not_accepted',
      notAcceptedReason: '已通过诉讼渠道处理',
      acceptedAt: null,
    });
    expect(codeOf(() => handlePetition(no, supervisor('2025-09-22T09:00:00+08:00')))).toBe(
      'petition.invalidTransition',
    );
    expect(availablePetitionActions(no, 'supervisor')).toEqual([]);
  });

  it('requires a reason not to accept', () => {
    const at = supervisor('2025-09-21T09:00:00+08:00');
    expect(codeOf(() => notAcceptPetition(received, '   ', at))).toBe('petition.reasonRequired');
    expect(codeOf(() => notAcceptPetition(received, undefined as unknown as string, at))).toBe(
      'petition.reasonRequired',
    );
  });

  it('requires the satisfaction from the follow-up call to close', () => {
    const at = supervisor('2025-10-25T09:00:00+08:00');
    expect(codeOf(() => closePetition(handled, null, at))).toBe('petition.satisfactionRequired');
    expect(codeOf(() => closePetition(handled, undefined, at))).toBe('petition.satisfactionRequired');
    expect(codeOf(() => closePetition(handled, 'happy' as Satisfaction, at))).toBe(
      'petition.satisfactionRequired',
    );
  });

  it('refuses transitions out of order', () => {
    const at = supervisor('2025-10-25T09:00:00+08:00');
    expect(codeOf(() => handlePetition(received, at))).toBe('petition.invalidTransition');
    expect(codeOf(() => closePetition(accepted, 'satisfied', at))).toBe('petition.invalidTransition');
    expect(codeOf(() => acceptPetition(accepted, at, scheme))).toBe('petition.invalidTransition');
    const closed = closePetition(handled, 'satisfied', at);
    expect(codeOf(() => closePetition(closed, 'satisfied', at))).toBe('petition.invalidTransition');
  });

  it('refuses a time before the previous step', () => {
    expect(codeOf(() => acceptPetition(received, supervisor('2025-09-20T08:59:59+08:00'), scheme))).toBe(
      'petition.invalidTransition',
    );
    expect(codeOf(() => handlePetition(accepted, supervisor('2025-09-21T09:00:00+08:00')))).toBe(
      'petition.invalidTransition',
    );
    expect(codeOf(() => closePetition(handled, 'satisfied', supervisor('2025-10-19T09:00:00+08:00')))).toBe(
      'petition.invalidTransition',
    );
  });

  it('lets only a supervisor act (not the admin, inspector, reviewer, unit officer or viewer)', () => {
    const others: Role[] = ['admin', 'inspector', 'reviewer', 'unit_officer', 'viewer'];
    for (const role of others) {
      expect(canActOnPetitions(role)).toBe(false);
      expect(availablePetitionActions(received, role)).toEqual([]);
      expect(codeOf(() => acceptPetition(received, { role, at: '2025-09-22T09:00:00+08:00' }, scheme))).toBe(
        'petition.forbiddenRole',
      );
    }
    expect(canActOnPetitions('supervisor')).toBe(true);
  });

  it('lists the actions of each state for a supervisor', () => {
    expect(availablePetitionActions(received, 'supervisor')).toEqual(['accept', 'notAccept']);
    expect(availablePetitionActions(accepted, 'supervisor')).toEqual(['handle', 'extend']);
    expect(availablePetitionActions(handled, 'supervisor')).toEqual(['close']);
  });
});
