import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { observability } from '../aws/observability.js';
import { overdueSweep } from '../jobs/overdue-sweep.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { lambdaContext } from './api-gateway-event.js';
import { jobHandler, runTime } from './job-handler.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
});
afterAll(() => h.close());

describe('a scheduled job in Lambda', () => {
  it('runs for the time the schedule fired, not the time the (retried) invocation happens', () => {
    const deps = { clock: () => Date.parse('2025-05-15T09:00:00Z') };
    expect(runTime(deps, { scheduledTime: '2025-05-14T16:30:00Z' })).toBe(Date.parse('2025-05-14T16:30:00Z'));
    expect(runTime(deps, {})).toBe(deps.clock());
    expect(runTime(deps, undefined)).toBe(deps.clock());
  });

  it.each([[{ scheduledTime: 'yesterday' }], ['overdue-sweep'], [{ scheduledTime: 20250514 }]])(
    'fails on a malformed event %j (Lambda retries, then dead-letters it)',
    (event) => {
      expect(() => runTime({ clock: () => 0 }, event)).toThrow();
    },
  );

  it('runs the job of the registry on the stack’s deps and publishes its counts as metrics', async () => {
    const res = await h.call('POST', '/api/v1/rectifications', {
      token: await h.token('supervisor'),
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: '逾期未整改',
        deadline: '2025-05-13',
      },
    });
    expect(res.status).toBe(201);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const handler = jobHandler(overdueSweep, async () => h.deps, observability('overdue-sweep', 'info'));
      const result = await handler({ scheduledTime: '2025-05-14T16:30:00Z' }, lambdaContext('overdue-sweep'));
      expect(result).toMatchObject({ job: 'overdue-sweep', counts: { alertsRaised: 1 } });
    } finally {
      spy.mockRestore();
    }
    const emf = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(emf.some((m) => m.alertsRaised === 1 && m.service === 'overdue-sweep')).toBe(true);
  });
});
