/**
 * Issue 14's test: 东山县 moves onto Jiandu on 2025-05-15 with a ledger in which most rows are 已销号
 * and past their deadline. Imported with go-live set, the sweeps raise nothing for the closed rows, the
 * closed rows count as closed in the quarters of their closure dates, and an open row overdue after
 * go-live does alert. The expected figures are worked out by hand from DESIGN §4.1 (below), not by the
 * scoring code.
 */
import { type AccountabilityCase, type Alert, DEFAULT_SCHEME } from '@jiandu/shared';
import type { DraftResponse } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../jobs/index.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuiltAggregates } from '../testing/stored.js';
import type { ImportReport } from './ledger-import.js';
import { HEADERS, type Row, upload, xlsxOf } from './test-files.js';

const GO_LIVE = '2025-05-15';
const at = (iso: string) => Date.parse(iso);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    now: at('2025-05-15T02:00:00Z'),
    scheme: {
      ...DEFAULT_SCHEME,
      migration: { goLive: [{ unitId: 'ds', date: GO_LIVE }], clockSkewSeconds: 300 },
    },
  });
});
afterAll(() => h.close());

const row = (n: number, unit: string, deadline: string, status: string, closedOn: string | null): Row => [
  n,
  '2024年县委巡察',
  '慢作为',
  `巡察问题${n}`,
  unit,
  null,
  '限期整改',
  deadline,
  null,
  status,
  null,
  closedOn,
  closedOn ? '县纪委 张三、县督查室 李四' : null,
];

// Six closed rows, every one past its deadline on import day, and two open rows.
const LEDGER: Row[] = [
  row(1, '青松镇', '2024-09-30', '已销号', '2024-09-20'), // A1: on time, 2024Q3
  row(2, '青松镇', '2024-09-30', '已销号', '2024-11-05'), // A2: late, closed in 2024Q4
  row(3, '白石乡', '2024-12-31', '已完成', '2024-12-20'), // B1: on time, 2024Q4
  row(4, '白石乡', '2025-02-28', '已整改', '2025-03-10'), // B2: late, closed in 2025Q1
  row(5, '红岭镇', '2024-06-30', '已销号', '2025-01-10'), // C1: open and overdue at the ends of 2024Q3 and Q4
  row(6, '红岭镇', '2025-03-15', '已销号', '2025-03-01'), // C2: on time, 2025Q1
  row(7, '青松镇', '2025-03-31', '整改中', null), // O1: open, due before go-live
  row(8, '白石乡', '2025-05-20', '整改中', null), // O2: open, due after go-live
];

async function fresh(role: 'inspector' | 'supervisor'): Promise<string> {
  await h.token(role, 'ds');
  const res = await h.call('POST', '/api/v1/auth/sign-in', {
    body: { username: `${role}-ds`, password: 'pass-word-1' },
  });
  return ((await res.json()) as { token: string }).token;
}

async function raisedFor(ids: readonly string[]) {
  const alerts = (await h.deps.store.list<Alert>('alert', { limit: 500, caller: 'test' })).items
    .map((s) => s.data)
    .filter((a) => ids.includes(a.subject.id));
  const cases = (await h.deps.store.list<AccountabilityCase>('case', { limit: 500, caller: 'test' })).items
    .map((s) => s.data)
    .filter((c) => c.trigger.kind === 'rectification_overdue' && ids.includes(c.trigger.rectificationId));
  return { alerts: alerts.map((a) => a.rule).sort(), cases: cases.length };
}

async function rectificationDimension(quarter: string) {
  const res = await h.call('GET', `/api/v1/rankings/draft?quarter=${quarter}&groupKey=county-townships@ds`, {
    token: await fresh('supervisor'),
  });
  expect(res.status).toBe(200);
  const [g] = ((await res.json()) as DraftResponse).groups;
  return Object.fromEntries(
    g!.ranking.rows.map((r) => {
      const { points, due, onTime, openOverdue } = r.score.rectification;
      return [r.unitId, { points, due, onTime, openOverdue }];
    }),
  );
}

describe('moving a ledger of mostly closed, long overdue rows onto Jiandu', () => {
  let closed: string[];
  let open: string[];

  it('imports the 已销号 rows closed and the others open', async () => {
    const bytes = await xlsxOf(LEDGER, { headers: [...HEADERS, '销号日期', '验收人'] });
    const dry = (await (await upload(h, await fresh('inspector'), bytes)).json()) as ImportReport;
    expect(dry.counts).toMatchObject({ valid: 8, problems: 0, closed: 6, pastDeadline: 1 });
    expect(dry.rows[0]!.closure).toEqual({
      closedOn: '2024-09-20',
      verifiers: ['县纪委 张三', '县督查室 李四'],
    });
    const r = (await (
      await upload(h, await fresh('inspector'), bytes, { dryRun: false })
    ).json()) as ImportReport;
    expect(r.counts).toMatchObject({ created: 8, closed: 6 });
    const ids = r.rows.map((x) => x.rectificationId!);
    closed = ids.slice(0, 6);
    open = ids.slice(6);
  });

  it('raises 0 alerts and 0 proposals for the closed rows at import and after, while an open row overdue after go-live alerts', async () => {
    // On the import day (= go-live): nothing at all, not even for the open row due before go-live.
    await runJob(h.deps, 'overdue-sweep');
    expect(await raisedFor([...closed, ...open])).toEqual({ alerts: [], cases: 0 });
    // After go-live: the open rows alert when overdue as counted from go-live (O1) or their deadline (O2).
    h.setNow(at('2025-05-21T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect(await raisedFor([open[0]!])).toEqual({ alerts: ['rectification.overdue.alert'], cases: 0 });
    expect(await raisedFor([open[1]!])).toEqual({ alerts: ['rectification.overdue.alert'], cases: 0 });
    // Past 30 days after go-live: O1 escalated and proposed (慢作为); the closed rows still nothing.
    h.setNow(at('2025-06-16T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect(await raisedFor([open[0]!])).toEqual({
      alerts: ['rectification.overdue.alert', 'rectification.overdue.escalate'],
      cases: 1,
    });
    expect(await raisedFor(closed)).toEqual({ alerts: [], cases: 0 });
  });

  it('leaves one run on the migrations page: rows in and created, and its quarters’ aggregates equal to a rebuild', async () => {
    const token = await fresh('supervisor');
    const runs = (await (await h.call('GET', '/api/v1/migrations?kind=ledger', { token })).json()) as {
      items: {
        id: string;
        rows: Record<string, number>;
        created: Record<string, number>;
        quarters: string[];
      }[];
    };
    expect(runs.items).toHaveLength(1);
    const [run] = runs.items;
    expect(run).toMatchObject({
      rows: { in: 8, refused: 0, created: 8, unchanged: 0 },
      created: { rectification: 8 },
    });
    // Deadline quarters, and the quarter ends a row was open and overdue at (C1: 2024Q3, Q4; O1: 2025Q2).
    expect(run!.quarters).toEqual(expect.arrayContaining(['2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2']));
    const check = await h.call('GET', `/api/v1/migrations/${run!.id}/check`, { token });
    expect(await check.json()).toMatchObject({ equal: true });
  });

  it('counts the closed rows as closed in the quarters of their closure dates: aggregates equal a rebuild, and the draft ranking’s rectification dimension is as worked out by hand', async () => {
    const { stored, rebuilt } = await storedAndRebuiltAggregates(h.deps);
    expect(stored).toEqual(rebuilt);
    const counts = (key: string) => {
      const a = stored[key];
      return a ? [a.rectDue, a.rectOnTime, a.rectOpenOverdue] : [0, 0, 0];
    };
    // [due in the quarter, closed on or before the deadline, open and overdue at the quarter's end]
    expect(counts('ds-a|2024Q3')).toEqual([2, 1, 0]); // A1 on time, A2 late (due on the last day: not overdue)
    expect(counts('ds-a|2024Q4')).toEqual([0, 0, 0]); // A2 closed 2024-11-05, before Q4 ended
    expect(counts('ds-b|2024Q4')).toEqual([1, 1, 0]); // B1
    expect(counts('ds-b|2025Q1')).toEqual([1, 0, 0]); // B2 late, closed 2025-03-10 within Q1
    expect(counts('ds-c|2024Q2')).toEqual([1, 0, 0]); // C1 due on Q2's last day
    expect(counts('ds-c|2024Q3')).toEqual([0, 0, 1]); // C1 open at the end of Q3
    expect(counts('ds-c|2024Q4')).toEqual([0, 0, 1]); // … and of Q4
    expect(counts('ds-c|2025Q1')).toEqual([1, 1, 0]); // C2 on time; C1 closed 2025-01-10

    // §4.1: 25 × rate (rate 1 when nothing is due) − 1 per open overdue, in hundredths.
    expect(await rectificationDimension('2024Q3')).toEqual({
      'ds-a': { points: 1250, due: 2, onTime: 1, openOverdue: 0 },
      'ds-b': { points: 2500, due: 0, onTime: 0, openOverdue: 0 },
      'ds-c': { points: 2400, due: 0, onTime: 0, openOverdue: 1 },
    });
    expect(await rectificationDimension('2024Q4')).toEqual({
      'ds-a': { points: 2500, due: 0, onTime: 0, openOverdue: 0 },
      'ds-b': { points: 2500, due: 1, onTime: 1, openOverdue: 0 },
      'ds-c': { points: 2400, due: 0, onTime: 0, openOverdue: 1 },
    });
    expect(await rectificationDimension('2025Q1')).toEqual({
      'ds-a': { points: 0, due: 1, onTime: 0, openOverdue: 0 }, // O1, still open
      'ds-b': { points: 0, due: 1, onTime: 0, openOverdue: 0 },
      'ds-c': { points: 2500, due: 1, onTime: 1, openOverdue: 0 },
    });
  });
});
