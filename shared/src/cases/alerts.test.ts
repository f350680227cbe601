import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import type { Alert } from '../schemas/accountability.js';
import { applyAlertAction, supersededAlert } from './alerts.js';

const open: Alert = {
  id: 'a1',
  rule: 'rectification.overdue.alert',
  alertKey: 'rect-overdue:r1:alert',
  subject: { kind: 'rectification', id: 'r1' },
  unitId: 'town-a',
  notifyUnitId: 'town-a',
  severity: 'warning',
  state: 'open',
  message: '整改逾期',
  raisedAt: '2025-05-01T08:00:00+08:00',
  version: 1,
};

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('the alert workflow', () => {
  it('acknowledges an open alert and resolves it, one version per step', () => {
    const ack = applyAlertAction(open, 'acknowledge', ['supervisor']);
    expect([ack.state, ack.version]).toEqual(['acknowledged', 2]);
    const done = applyAlertAction(ack, 'resolve', ['supervisor']);
    expect([done.state, done.version]).toEqual(['resolved', 3]);
  });

  it('resolves an open alert directly, and refuses to act on a resolved one', () => {
    const done = applyAlertAction(open, 'resolve', ['supervisor']);
    expect(done.state).toBe('resolved');
    expect(codeOf(() => applyAlertAction(done, 'acknowledge', ['supervisor']))).toBe(
      'alert.invalidTransition',
    );
    expect(codeOf(() => applyAlertAction(done, 'resolve', ['supervisor']))).toBe('alert.invalidTransition');
  });

  it('lets only supervisors manage alerts', () => {
    const err = (() => {
      try {
        applyAlertAction(open, 'acknowledge', ['inspector', 'viewer']);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('alert.forbiddenRole');
  });
});

describe('a lower overdue step superseded by a higher one', () => {
  it('resolves an open or acknowledged alert at the next version, leaves a resolved one alone', () => {
    expect(supersededAlert(open)).toMatchObject({ state: 'resolved', version: 2 });
    const ack = applyAlertAction(open, 'acknowledge', ['supervisor']);
    expect(supersededAlert(ack)).toMatchObject({ state: 'resolved', version: 3 });
    expect(supersededAlert({ ...open, state: 'resolved' })).toBeNull();
  });
});
