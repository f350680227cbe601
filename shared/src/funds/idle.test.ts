import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import type { FundProject } from '../schemas/fund.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { idleFunds, idleFundsAlert, idleFundsAlertKey, unspentFen } from './idle.js';

const THRESHOLD = DEFAULT_SCHEME.funds.idleThresholdFen;
const project = (over: Partial<FundProject> = {}): FundProject => ({
  id: 'fp-1',
  unitId: 'ds-a',
  name: '青松镇产业扶贫项目',
  allocatedFen: THRESHOLD + 500_000,
  disbursedFen: 0,
  plannedCompletion: '2017-12-31',
  ...over,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
};

describe('idle funds', () => {
  it('are unspent money above the threshold after the planned completion day', () => {
    expect(idleFunds(project(), '2018-01-01', DEFAULT_SCHEME)).toEqual({
      unspentFen: THRESHOLD + 500_000,
      idle: true,
    });
  });

  it('are not idle on the planned completion day itself', () => {
    expect(idleFunds(project(), '2017-12-31', DEFAULT_SCHEME).idle).toBe(false);
  });

  it('must be strictly above the threshold', () => {
    const at = project({ allocatedFen: THRESHOLD + 100, disbursedFen: 100 });
    expect(idleFunds(at, '2018-02-07', DEFAULT_SCHEME)).toEqual({ unspentFen: THRESHOLD, idle: false });
    const above = project({ allocatedFen: THRESHOLD + 101, disbursedFen: 100 });
    expect(idleFunds(above, '2018-02-07', DEFAULT_SCHEME).idle).toBe(true);
  });

  it('wait out the grace days of the scheme', () => {
    const scheme = { funds: { idleThresholdFen: THRESHOLD, idleGraceDays: 10 } };
    expect(idleFunds(project(), '2018-01-10', scheme).idle).toBe(false);
    expect(idleFunds(project(), '2018-01-11', scheme).idle).toBe(true);
  });

  it('floor the unspent balance at zero when more was disbursed than allocated', () => {
    expect(unspentFen({ allocatedFen: 100, disbursedFen: 250 })).toBe(0);
    expect(
      idleFunds(project({ allocatedFen: 100, disbursedFen: 250 }), '2019-01-01', DEFAULT_SCHEME),
    ).toEqual({
      unspentFen: 0,
      idle: false,
    });
  });

  it('refuse a malformed project or date', () => {
    expect(codeOf(() => idleFunds(project({ allocatedFen: 1.5 }), '2018-01-01', DEFAULT_SCHEME))).toBe(
      'funds.invalid',
    );
    expect(
      codeOf(() => idleFunds(project({ plannedCompletion: '2017-02-30' }), '2018-01-01', DEFAULT_SCHEME)),
    ).toBe('funds.invalid');
    expect(codeOf(() => idleFunds(project(), '2018/01/01', DEFAULT_SCHEME))).toBe('funds.invalid');
  });
});

describe('the idle-funds alert', () => {
  it('has one key per project, whatever the day', () => {
    expect(idleFundsAlertKey('fp-1')).toBe('funds-idle:fp-1');
    expect(idleFundsAlert(project(), '2018-01-01', DEFAULT_SCHEME)?.key).toBe(
      idleFundsAlert(project(), '2018-06-01', DEFAULT_SCHEME)?.key,
    );
  });

  it('is raised only for idle money', () => {
    expect(idleFundsAlert(project(), '2018-01-01', DEFAULT_SCHEME)).toEqual({
      key: 'funds-idle:fp-1',
      rule: 'funds.idle',
      subject: { kind: 'fund_project', id: 'fp-1' },
      unitId: 'ds-a',
      unspentFen: THRESHOLD + 500_000,
    });
    expect(idleFundsAlert(project(), '2017-12-31', DEFAULT_SCHEME)).toBeNull();
  });
});
