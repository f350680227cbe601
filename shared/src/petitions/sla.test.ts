import { describe, expect, it } from 'vitest';
import { acceptanceDue, extendPetition, handlingDue } from './sla.js';
import { codeOf, petition, scheme, supervisor, withPetitions } from './test-support.js';
import { acceptPetition, handlePetition } from './workflow.js';

describe('acceptance due', () => {
  it('is 15 days after the local received date', () => {
    expect(acceptanceDue('2025-03-10T10:00:00+08:00', scheme)).toBe('2025-03-25');
  });

  it('counts from the local date: 23:59:59 and 00:00:00 the next day are different days', () => {
    expect(acceptanceDue('2025-03-10T23:59:59+08:00', scheme)).toBe('2025-03-25');
    expect(acceptanceDue('2025-03-11T00:00:00+08:00', scheme)).toBe('2025-03-26');
    expect(acceptanceDue('2025-03-10T16:00:00Z', scheme)).toBe('2025-03-26');
    expect(acceptanceDue('2025-03-10T15:59:59Z', scheme)).toBe('2025-03-25');
  });

  it('rolls off the National Day holiday to the next working day (2025-09-20 + 15 = 10-05 → 10-09)', () => {
    expect(acceptanceDue('2025-09-20T09:00:00+08:00', scheme)).toBe('2025-10-09');
  });

  it('stays on a make-up working Saturday (调休上班 2025-10-11)', () => {
    expect(acceptanceDue('2025-09-26T09:00:00+08:00', scheme)).toBe('2025-10-11');
  });

  it('rolls off the 2026 Spring Festival and off an ordinary Sunday', () => {
    expect(acceptanceDue('2026-02-01T09:00:00+08:00', scheme)).toBe('2026-02-24');
    expect(acceptanceDue('2025-03-01T09:00:00+08:00', scheme)).toBe('2025-03-17');
  });

  it('does not roll when the scheme says so', () => {
    const s = withPetitions({ accept: { days: 15, count: 'calendar', rollOffNonWorking: false } });
    expect(acceptanceDue('2025-09-20T09:00:00+08:00', s)).toBe('2025-10-05');
  });
});

describe('handling due', () => {
  it('is 60 days after the local acceptance date, rolled off the May Day holiday', () => {
    expect(handlingDue('2025-03-03T10:00:00+08:00', 0, scheme)).toBe('2025-05-06');
  });

  it('adds an extension to the rolled due and rolls the result again', () => {
    expect(handlingDue('2025-03-03T10:00:00+08:00', 30, scheme)).toBe('2025-06-05');
    expect(handlingDue('2025-07-05T10:00:00+08:00', 0, scheme)).toBe('2025-09-03');
    expect(handlingDue('2025-07-05T10:00:00+08:00', 30, scheme)).toBe('2025-10-09');
  });

  it('counts an extension in working days when the handling rule does', () => {
    const s = withPetitions({ handle: { days: 5, count: 'working', rollOffNonWorking: false } });
    // Fri 2025-03-07 + 5 working days = Fri 03-14; + 2 working days = Tue 03-18
    expect(handlingDue('2025-03-07T10:00:00+08:00', 0, s)).toBe('2025-03-14');
    expect(handlingDue('2025-03-07T10:00:00+08:00', 2, s)).toBe('2025-03-18');
  });
});

describe('extendPetition', () => {
  const received = petition({ receivedAt: '2025-03-01T10:00:00+08:00' });
  const accepted = acceptPetition(received, supervisor('2025-03-03T10:00:00+08:00'), scheme);

  it('grants one extension of up to 30 days and moves the handling due', () => {
    const p = extendPetition(accepted, 30, supervisor('2025-04-01T10:00:00+08:00'), scheme);
    expect(p.extensionDays).toBe(30);
    expect(p.handleDue).toBe('2025-06-05');
  });

  it('refuses a second extension', () => {
    const p = extendPetition(accepted, 10, supervisor('2025-04-01T10:00:00+08:00'), scheme);
    expect(codeOf(() => extendPetition(p, 5, supervisor('2025-04-02T10:00:00+08:00'), scheme))).toBe(
      'petition.extensionUsed',
    );
    expect(
      codeOf(() =>
        extendPetition(
          accepted,
          5,
          supervisor('2025-04-02T10:00:00+08:00'),
          withPetitions({ maxExtensions: 0 }),
        ),
      ),
    ).toBe('petition.extensionUsed');
  });

  it('refuses more than 30 days, and a number of days that is not a whole positive number', () => {
    const at = supervisor('2025-04-01T10:00:00+08:00');
    expect(codeOf(() => extendPetition(accepted, 31, at, scheme))).toBe('petition.extensionTooLong');
    expect(codeOf(() => extendPetition(accepted, 0, at, scheme))).toBe('petition.invalidExtensionDays');
    expect(codeOf(() => extendPetition(accepted, 1.5, at, scheme))).toBe('petition.invalidExtensionDays');
  });

  it('must be approved before the end of the handling due day', () => {
    expect(
      codeOf(() => extendPetition(accepted, 5, supervisor('2025-05-06T23:59:59+08:00'), scheme)),
    ).toBeUndefined();
    expect(codeOf(() => extendPetition(accepted, 5, supervisor('2025-05-07T00:00:00+08:00'), scheme))).toBe(
      'petition.extensionTooLate',
    );
  });

  it('applies only to an accepted petition not yet handled, and only for a supervisor', () => {
    const at = supervisor('2025-04-01T10:00:00+08:00');
    expect(codeOf(() => extendPetition(petition(), 5, at, scheme))).toBe('petition.invalidTransition');
    const handled = handlePetition(accepted, at);
    expect(codeOf(() => extendPetition(handled, 5, at, scheme))).toBe('petition.invalidTransition');
    expect(codeOf(() => extendPetition(accepted, 5, { role: 'admin', at: at.at }, scheme))).toBe(
      'petition.forbiddenRole',
    );
  });
});
