/**
 * The escalation ladder through the overdue sweep (issue 16): a scheme's own steps at percentages of the
 * time limit (80 % remind the leaders, 100 % alert the parent unit, 150 % propose a case) are each raised
 * once, on the day they are reached, as the default day 1/15/30 steps are (overdue-sweep.test.ts).
 */
import { type Alert, DEFAULT_SCHEME, type Scheme } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

const scheme: Scheme = {
  ...DEFAULT_SCHEME,
  escalation: {
    rectification: [
      { id: 'remind', at: { percentOfLimit: 80 }, action: 'remind_leaders' },
      { id: 'parent', at: { percentOfLimit: 100 }, action: 'alert_parent' },
      { id: 'case', at: { percentOfLimit: 150 }, action: 'propose_case' },
    ],
  },
};

let h: Harness;
let supervisor: string;
beforeAll(async () => {
  // 2025-05-01 00:00 in Shanghai: a rectification opened now, due at the end of 10 May (10 days).
  h = await startHarness({ scheme, now: Date.parse('2025-04-30T16:00:00Z') });
  supervisor = await h.token('supervisor');
});
afterAll(() => h.close());

async function alertsOf(rectId: string) {
  const page = await h.deps.store.list<Alert>('alert', { limit: 500, caller: 'test' });
  return page.items.map((s) => s.data).filter((a) => a.subject.id === rectId);
}

describe('a ladder at fractions of the time limit', () => {
  it('reminds at 80 %, alerts the parent at 100 % and proposes a case at 150 %, each once', async () => {
    const res = await h.call('POST', '/api/v1/rectifications', {
      token: supervisor,
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: '梯度督办',
        deadline: '2025-05-10',
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const sweepOn = async (iso: string) => {
      h.setNow(Date.parse(iso));
      return (await runJob(h.deps, 'overdue-sweep')).counts;
    };
    expect(await sweepOn('2025-05-08T15:59:59Z')).toMatchObject({ alertsRaised: 0 }); // 8 May, 23:59:59
    expect(await sweepOn('2025-05-08T16:00:00Z')).toMatchObject({ alertsRaised: 1 }); // 9 May: 80 %
    expect((await alertsOf(id)).map((a) => [a.rule, a.severity, a.notifyUnitId])).toEqual([
      ['rectification.overdue.remind', 'info', 'ds-a'],
    ]);
    // Keyed at its next step (100 %, 11 May): the next day's sweep does not read it.
    expect(await sweepOn('2025-05-09T16:00:00Z')).toMatchObject({ scanned: 0, alertsRaised: 0 });
    expect(await sweepOn('2025-05-10T16:00:00Z')).toMatchObject({ alertsRaised: 1, casesProposed: 0 }); // 11 May
    expect((await alertsOf(id)).find((a) => a.rule === 'rectification.overdue.parent')?.notifyUnitId).toBe(
      'ds',
    );
    expect(await sweepOn('2025-05-15T16:00:00Z')).toMatchObject({ casesProposed: 1 }); // 16 May: 150 %
    expect(await sweepOn('2025-05-16T16:00:00Z')).toMatchObject({ alertsRaised: 0, casesProposed: 0 });
  });
});
