import { describe, expect, it } from 'vitest';
import { extendPetition, slaStatus } from './sla.js';
import { petition, scheme, supervisor } from './test-support.js';
import { acceptPetition, handlePetition, notAcceptPetition } from './workflow.js';

describe('slaStatus', () => {
  const p = petition({ receivedAt: '2025-03-10T10:00:00+08:00' });

  it('is pending with the days left before the acceptance due, 0 on the due day itself', () => {
    expect(slaStatus(p, '2025-03-20T10:00:00+08:00', scheme)).toEqual({
      accept: { status: 'pending', due: '2025-03-25', daysLeft: 5 },
      handle: null,
    });
    expect(slaStatus(p, '2025-03-25T23:59:59+08:00', scheme).accept).toMatchObject({ daysLeft: 0 });
  });

  it('is missed from the first instant after the due day, with the days over', () => {
    expect(slaStatus(p, '2025-03-26T00:00:00+08:00', scheme).accept).toEqual({
      status: 'missed',
      due: '2025-03-25',
      daysOver: 1,
      doneAt: null,
    });
    expect(slaStatus(p, '2025-04-04T08:00:00+08:00', scheme).accept).toMatchObject({ daysOver: 10 });
  });

  it('is met when decided by the end of the due day, missed when decided after it', () => {
    const onTime = acceptPetition(p, supervisor('2025-03-25T23:59:59+08:00'), scheme);
    expect(slaStatus(onTime, '2025-03-30T10:00:00+08:00', scheme).accept.status).toBe('met');
    const late = acceptPetition(p, supervisor('2025-03-26T00:00:00+08:00'), scheme);
    expect(slaStatus(late, '2025-03-30T10:00:00+08:00', scheme).accept).toEqual({
      status: 'missed',
      due: '2025-03-25',
      daysOver: 1,
      doneAt: '2025-03-26T00:00:00+08:00',
    });
  });

  it('counts a decision not to accept as a decision', () => {
    const no = notAcceptPetition(p, '不属于信访事项', supervisor('2025-03-12T10:00:00+08:00'));
    expect(slaStatus(no, '2025-06-01T10:00:00+08:00', scheme)).toEqual({
      accept: { status: 'met', due: '2025-03-25', doneAt: '2025-03-12T10:00:00+08:00' },
      handle: null,
    });
  });

  it('ignores what happens after the as-of instant', () => {
    const late = acceptPetition(p, supervisor('2025-04-01T10:00:00+08:00'), scheme);
    expect(slaStatus(late, '2025-03-28T10:00:00+08:00', scheme)).toEqual({
      accept: { status: 'missed', due: '2025-03-25', daysOver: 3, doneAt: null },
      handle: null,
    });
  });

  it('runs the handling clock from acceptance, with the extension', () => {
    const a = acceptPetition(p, supervisor('2025-03-12T10:00:00+08:00'), scheme); // due 05-12 (Mon)
    expect(slaStatus(a, '2025-05-10T10:00:00+08:00', scheme).handle).toEqual({
      status: 'pending',
      due: '2025-05-12',
      daysLeft: 2,
    });
    expect(slaStatus(a, '2025-05-13T00:00:00+08:00', scheme).handle).toMatchObject({
      status: 'missed',
      daysOver: 1,
    });
    const x = extendPetition(a, 30, supervisor('2025-05-01T10:00:00+08:00'), scheme); // 06-11
    const h = handlePetition(x, supervisor('2025-06-11T18:00:00+08:00'));
    expect(slaStatus(h, '2025-07-01T10:00:00+08:00', scheme).handle).toEqual({
      status: 'met',
      due: '2025-06-11',
      doneAt: '2025-06-11T18:00:00+08:00',
    });
    const hl = handlePetition(a, supervisor('2025-05-14T18:00:00+08:00'));
    expect(slaStatus(hl, '2025-07-01T10:00:00+08:00', scheme).handle).toMatchObject({
      status: 'missed',
      daysOver: 2,
    });
  });
});
