import type { Ranking } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenure, createUnit } from '../services/org/org.js';
import { BACKDATING_SCHEME, type Harness, logFinding, startHarness } from '../testing/harness.js';

let h: Harness;
let inspector: string;
let supervisor: string;

const log = (unitId: string, severity: string, discoveredOn: string) =>
  logFinding(h, inspector, { unitId, severity, discoveredOn });

interface Publication {
  snapshot: { id: string; supersedes: string | null; effective: boolean; supersededBy: string | null };
  cards: { id: string; unitId: string; quarter: string }[];
  withdrawnCardIds: string[];
  proposedCaseIds: string[];
}

const publish = (quarter: string, groupKey = 'county-townships@ds', token = supervisor) =>
  h.call('POST', '/api/v1/rankings/publish', { token, body: { quarter, groupKey } });

const draftOf = async (quarter: string, groupKey: string, token = supervisor) => {
  const res = await h.call('POST', '/api/v1/rankings/compute', { token, body: { quarter, groupKey } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { groups: { ranking: Ranking }[] }).groups[0]!.ranking;
};

const rows = (r: Ranking) => r.rows.map((x) => [x.unitId, x.score.total, x.rank, x.carded]);

beforeAll(async () => {
  // Fixtures build quarters of history through live intake, to test ranking, not the look-back.
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  for (const [id, name, parentId] of [
    ['ds-d', '松林镇', 'ds'],
    ['xs-b', '桃源乡', 'xs'],
  ] as const) {
    await createUnit(h.deps, null, {
      id,
      name,
      kind: 'township',
      parentId,
      code: id.toUpperCase(),
      aliases: [],
    });
  }
  inspector = await h.token('inspector', 'city');
  supervisor = await h.token('supervisor', 'ds');
  // 2024Q4: 青松镇 and 白石乡 tie at the bottom. 2025Q1: 白石乡 alone is last; 红岭镇 and 松林镇 tie at the top.
  await log('ds-a', 'grave', '2024-11-10');
  await log('ds-b', 'grave', '2024-12-01');
  await log('ds-a-1', 'serious', '2025-02-10'); // a village counts for its township
  await log('ds-b', 'grave', '2025-03-01');
  await log('xs-a', 'grave', '2025-03-02');
  // The posts of 白石乡: the principal all along; a deputy replaced in the middle of Q1.
  const posts = [
    ['t1', 'p-lead', '白石乡党委书记', 'principal', '2020-01-01', null],
    ['t2', 'p-dep1', '白石乡副乡长甲', 'deputy_in_charge', '2024-11-01', '2025-02-15'],
    ['t3', 'p-dep2', '白石乡副乡长乙', 'deputy_in_charge', '2025-02-16', null],
  ] as const;
  for (const [id, personId, name, post, from, to] of posts)
    await createTenure(h.deps, null, { id, personId, unitId: 'ds-b', post, from, to }, name);
});
afterAll(() => h.close());

describe('quarterly rankings', () => {
  it('ranks a peer group with shared ranks and cards every unit tied at the bottom', async () => {
    const q4 = await draftOf('2024Q4', 'county-townships@ds');
    expect(rows(q4)).toEqual([
      ['ds-c', 10000, 1, false],
      ['ds-d', 10000, 1, false],
      ['ds-a', 9500, 3, true],
      ['ds-b', 9500, 3, true],
    ]);
    const q1 = await draftOf('2025Q1', 'county-townships@ds');
    expect(rows(q1)).toEqual([
      ['ds-c', 10000, 1, false],
      ['ds-d', 10000, 1, false],
      ['ds-a', 9700, 3, false],
      ['ds-b', 9500, 4, true],
    ]);
    expect(q1.rows.find((r) => r.unitId === 'ds-a')?.score.findings.serious).toBe(1);
  });

  it('gives no card in a group of two, and includes units with no records', async () => {
    const xs = await draftOf('2025Q1', 'county-townships@xs', await h.token('supervisor', 'city'));
    expect(rows(xs)).toEqual([
      ['xs-b', 10000, 1, false],
      ['xs-a', 9500, 2, false],
    ]);
    expect(xs.noCardReason).toBe('groupTooSmall');
  });

  it('answers only the groups the caller can see: a unit officer sees their own peer group', async () => {
    const officer = await h.token('unit_officer', 'ds-a');
    const res = await h.call('POST', '/api/v1/rankings/compute', {
      token: officer,
      body: { quarter: '2025Q1' },
    });
    const keys = ((await res.json()) as { groups: { groupKey: string }[] }).groups.map((g) => g.groupKey);
    expect(keys).toEqual(['county-townships@ds']);
    const other = await h.call('POST', '/api/v1/rankings/compute', {
      token: officer,
      body: { quarter: '2025Q1', groupKey: 'county-townships@xs' },
    });
    expect(other.status).toBe(404);
    const bad = await h.call('POST', '/api/v1/rankings/compute', {
      token: officer,
      body: { quarter: '2025Q5' },
    });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'quarter']);
  });

  it('reads only the aggregates: one Query of the quarter’s AGG partition and nothing else', async () => {
    await draftOf('2025Q1', 'county-townships@ds'); // the unit tree and the scheme are cached by now
    const sent: { command: string; input: string }[] = [];
    const doc = h.deps.doc;
    const original = doc.send.bind(doc);
    doc.send = ((command: { constructor: { name: string }; input: unknown }, ...rest: unknown[]) => {
      sent.push({ command: command.constructor.name, input: JSON.stringify(command.input) });
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;
    try {
      const res = await h.call('POST', '/api/v1/rankings/compute', {
        token: supervisor,
        body: { quarter: '2025Q1' },
      });
      expect(res.status).toBe(200);
    } finally {
      doc.send = original;
    }
    // The session check reads the caller's user record (auth-middleware); the ranking itself, one Query.
    const ranking = sent.filter((s) => !(s.command === 'GetCommand' && s.input.includes('"pk":"user#')));
    expect(sent.length - ranking.length).toBe(1);
    expect(ranking.map((s) => s.command)).toEqual(['QueryCommand']);
    expect(ranking[0]!.input).toContain('"AGG#2025Q1"');
    expect(ranking[0]!.input).not.toContain('IndexName');
  });

  it('proposes a case after cards in Q4 and the next Q1, naming the principal and deputies with their days in post', async () => {
    const q4 = await publish('2024Q4');
    expect(q4.status).toBe(201);
    const p4 = (await q4.json()) as Publication;
    expect(p4.cards.map((c) => c.unitId).sort()).toEqual(['ds-a', 'ds-b']);
    expect(p4.proposedCaseIds).toEqual([]);

    const q1 = await publish('2025Q1');
    expect(q1.status).toBe(201);
    const p1 = (await q1.json()) as Publication;
    expect(p1.cards.map((c) => c.unitId)).toEqual(['ds-b']);
    expect(p1.proposedCaseIds).toHaveLength(1);

    const res = await h.call('GET', `/api/v1/cases/${p1.proposedCaseIds[0]}`, { token: inspector });
    const c = (await res.json()) as {
      state: string;
      triggerKey: string;
      trigger: { quarters: string[]; cardIds: string[] };
      subjects: { personId: string; post: string; daysInPost: Record<string, number> }[];
    };
    expect(c.state).toBe('proposed');
    expect(c.triggerKey).toBe('cards:ds-b:2024Q4:2025Q1');
    const q4Card = p4.cards.find((x) => x.unitId === 'ds-b')!.id;
    expect(c.trigger.cardIds).toEqual([q4Card, p1.cards[0]!.id]);
    expect(c.subjects.map((s) => [s.personId, s.post, s.daysInPost])).toEqual([
      ['p-dep1', 'deputy_in_charge', { '2024Q4': 61, '2025Q1': 46 }],
      ['p-dep2', 'deputy_in_charge', { '2024Q4': 0, '2025Q1': 44 }],
      ['p-lead', 'principal', { '2024Q4': 92, '2025Q1': 90 }],
    ]);
    const history = await h.call('GET', '/api/v1/rankings/units/ds-b/history', {
      token: await h.token('unit_officer', 'ds-b'),
    });
    const items = ((await history.json()) as { items: { quarter: string; rank: number; carded: boolean }[] })
      .items;
    expect(items.map((i) => [i.quarter, i.rank, i.carded])).toEqual([
      ['2024Q4', 3, true],
      ['2025Q1', 4, true],
    ]);
  });

  it('refuses to publish a quarter and group twice (409), and a quarter not yet ended', async () => {
    const again = await publish('2025Q1');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('ranking.alreadyPublished');
    const early = await publish('2025Q2');
    expect(early.status).toBe(422);
    expect(((await early.json()) as { code: string }).code).toBe('ranking.quarterNotEnded');
    const officer = await publish('2025Q1', 'county-townships@ds', await h.token('unit_officer', 'ds-a'));
    expect(officer.status).toBe(403);
  });

  it('amends a snapshot: the amendment names what it supersedes and why, both stay visible, cards follow it', async () => {
    const list = await h.call(
      'GET',
      '/api/v1/rankings/snapshots?quarter=2025Q1&groupKey=county-townships@ds',
      {
        token: supervisor,
      },
    );
    const [first] = ((await list.json()) as { items: { id: string }[] }).items;
    // A finding logged late (a grave one for 红岭镇) ties it with 白石乡 at the bottom.
    await log('ds-c', 'grave', '2025-03-20');
    const res = await h.call('POST', '/api/v1/rankings/amend', {
      token: supervisor,
      body: { snapshotId: first!.id, reason: '补录红岭镇3月督查发现' },
    });
    expect(res.status).toBe(201);
    const amended = (await res.json()) as Publication;
    expect(amended.snapshot).toMatchObject({ supersedes: first!.id, effective: true, supersededBy: null });
    expect(amended.cards.map((c) => c.unitId).sort()).toEqual(['ds-b', 'ds-c']);
    expect(amended.withdrawnCardIds).toHaveLength(1);
    expect(amended.proposedCaseIds).toEqual([]); // the Q4→Q1 trigger of 白石乡 proposed once

    const old = (await (
      await h.call('GET', `/api/v1/rankings/snapshots/${first!.id}`, { token: supervisor })
    ).json()) as {
      effective: boolean;
      supersededBy: string | null;
      contentHash: string;
      inputs: { unitId: string }[];
    };
    expect([old.effective, old.supersededBy]).toEqual([false, amended.snapshot.id]);
    expect(old.inputs.map((i) => i.unitId)).toEqual(['ds-a', 'ds-b', 'ds-c', 'ds-d']);
    const fresh = (await (
      await h.call('GET', `/api/v1/rankings/snapshots/${amended.snapshot.id}`, { token: supervisor })
    ).json()) as { reason: string; supersedes: string };
    expect([fresh.supersedes, fresh.reason]).toEqual([first!.id, '补录红岭镇3月督查发现']);

    const cards = await h.call('GET', '/api/v1/cards?quarter=2025Q1&unitId=ds-b', { token: supervisor });
    const mine = (
      (await cards.json()) as { items: { id: string; withdrawn: { snapshotId: string } | null }[] }
    ).items;
    expect(mine.map((c) => c.withdrawn?.snapshotId ?? null).sort()).toEqual(
      [amended.snapshot.id, null].sort(),
    );

    const twice = await h.call('POST', '/api/v1/rankings/amend', {
      token: supervisor,
      body: { snapshotId: first!.id, reason: 'again' },
    });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { code: string }).code).toBe('ranking.alreadySuperseded');
  });
});
