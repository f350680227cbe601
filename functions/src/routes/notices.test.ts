/**
 * 公示与异议 end to end (DESIGN §4.2, issue 16): a quarter on notice over a 调休 weekend, an upheld
 * objection that moves the bottom unit and so the card, a rejected one, publication waiting for both,
 * and the snapshot keeping what they changed.
 */
import type { Notice, Objection, RankingSnapshot, Role } from '@jiandu/shared';
import { verifyChain } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadEvidence } from '../testing/evidence.js';
import { BACKDATING_SCHEME, type Harness, logFinding, startHarness } from '../testing/harness.js';

const NOTICE_SCHEME = {
  ...BACKDATING_SCHEME,
  publishing: { autoPublishDelayDays: 10, noticePeriod: { workingDays: 3, required: true } },
};
const GROUP = 'county-townships@ds';
/** 10:00 in Shanghai on a local day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);

interface View {
  notice: Notice;
  objections: Objection[];
  changes: { unitId: string; cardedBefore: boolean; cardedAfter: boolean }[];
  open: boolean;
}

let h: Harness;
let noticeId: string;

const tok = (role: Role, unitId: string) => h.freshToken(role, unitId);

const code = async (res: Response) => ((await res.json()) as { code: string }).code;

beforeAll(async () => {
  h = await startHarness({ scheme: NOTICE_SCHEME, now: at('2025-03-20') });
  const inspector = await h.token('inspector', 'city');
  // 2025Q1 of 东山县's townships: 白石乡 (ds-b) has a grave finding, 红岭镇 (ds-c) two general ones.
  for (const [unitId, severity] of [
    ['ds-b', 'grave'],
    ['ds-c', 'general'],
    ['ds-c', 'general'],
  ] as const) {
    await logFinding(h, inspector, { unitId, severity, discoveredOn: '2025-03-10' });
  }
});
afterAll(() => h.close());

describe('a quarter on notice', () => {
  it('is not published directly where the scheme requires a notice', async () => {
    h.setNow(at('2025-04-25'));
    const res = await h.call('POST', '/api/v1/rankings/publish', {
      token: await tok('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: GROUP },
    });
    expect(res.status).toBe(422);
    expect(await code(res)).toBe('notice.required');
  });

  it('goes on notice for 3 working days counted over the 调休 weekend, visible to every unit of the group', async () => {
    // Friday 2025-04-25: Saturday rests, Sunday 04-27 is a make-up working day, then Monday and Tuesday.
    const res = await h.call('POST', '/api/v1/rankings/notices', {
      token: await tok('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: GROUP },
    });
    expect(res.status).toBe(201);
    const v = (await res.json()) as View;
    noticeId = v.notice.id;
    expect(v.notice).toMatchObject({ state: 'on_notice', endsOn: '2025-04-29', workingDays: 3 });
    expect(v.notice.ranking.rows.filter((r) => r.carded).map((r) => r.unitId)).toEqual(['ds-b']);
    expect(v.open).toBe(true);
    const again = await h.call('POST', '/api/v1/rankings/notices', {
      token: await tok('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: GROUP },
    });
    expect(again.status).toBe(409);
    expect(await code(again)).toBe('notice.alreadyOnNotice');
    // A township officer reads every row's breakdown of the group, not only their own.
    const seen = await h.call('GET', `/api/v1/rankings/notices/${noticeId}`, {
      token: await tok('unit_officer', 'ds-c'),
    });
    expect(seen.status).toBe(200);
    const rows = ((await seen.json()) as View).notice.ranking.rows;
    expect(rows.map((r) => r.unitId).sort()).toEqual(['ds-a', 'ds-b', 'ds-c']);
    expect(rows.find((r) => r.unitId === 'ds-b')?.score.findings.grave).toBe(1);
    // another county's officer does not see it
    const other = await h.call('GET', `/api/v1/rankings/notices/${noticeId}`, {
      token: await tok('unit_officer', 'xs-a'),
    });
    expect(other.status).toBe(404);
  });

  it('takes an objection with evidence from the unit’s own officer, and refuses one against another unit', async () => {
    h.setNow(at('2025-04-28'));
    const file = await uploadEvidence(
      h,
      await tok('unit_officer', 'ds-b'),
      new TextEncoder().encode('复核意见书'),
      '复核意见.pdf',
    );
    const res = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: await tok('unit_officer', 'ds-b'),
      body: {
        unitId: 'ds-b',
        dimension: 'findings',
        input: 'findings.grave',
        claimedValue: 0,
        reason: '该问题经复核为一般问题，已在季度内整改',
        evidence: [file],
      },
    });
    expect(res.status).toBe(201);
    const o = (await res.json()) as Objection;
    expect(o).toMatchObject({ state: 'pending', valueOnNotice: 1, unitId: 'ds-b' });
    expect(o.evidence[0]).toMatchObject({ sha256: file.sha256, by: expect.any(String) });
    const dl = await h.call('GET', `/api/v1/objections/${o.id}/evidence/${o.evidence[0]!.id}`, {
      token: await tok('reviewer', 'ds'),
    });
    expect(dl.status).toBe(200);

    const notOwn = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: await tok('unit_officer', 'ds-c'),
      body: { unitId: 'ds-b', dimension: 'findings', input: 'findings.grave', reason: '不服' },
    });
    expect(notOwn.status).toBe(422);
    expect(await code(notOwn)).toBe('notice.notOwnUnit');
    const badInput = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: await tok('unit_officer', 'ds-c'),
      body: { unitId: 'ds-c', dimension: 'opinion', input: 'findings.general', reason: '不服' },
    });
    expect(badInput.status).toBe(422);
    expect(await code(badInput)).toBe('notice.unknownInput');
    const unuploaded = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: await tok('unit_officer', 'ds-c'),
      body: {
        unitId: 'ds-c',
        dimension: 'findings',
        input: 'findings.general',
        reason: '不服',
        evidence: [{ ...file, sha256: 'a'.repeat(64) }],
      },
    });
    expect(unuploaded.status).toBe(422);
    expect(await code(unuploaded)).toBe('evidence.notUploaded');
    // 红岭镇's leader (领导, the viewer role) files the unit's objection with a file of their own upload
    // (issue 16: the upload is for whoever may file an objection, not only the unit's officers) …
    const leader = await tok('viewer', 'ds-c');
    const leaderFile = await uploadEvidence(
      h,
      leader,
      new TextEncoder().encode('重复登记情况说明'),
      '情况说明.pdf',
    );
    // … but cannot attach bytes someone else uploaded (the officer of 白石乡's file): proof of possession.
    const notTheirs = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: leader,
      body: {
        unitId: 'ds-c',
        dimension: 'findings',
        input: 'findings.general',
        reason: '不服',
        evidence: [file],
      },
    });
    expect([notTheirs.status, await code(notTheirs)]).toEqual([422, 'evidence.notUploaded']);
    // Roles that may neither work a rectification, nor object, nor log a finding with photos get no upload
    // ticket (an inspector gets one for a finding's photos, and can attach them to nothing else).
    for (const role of ['reviewer', 'supervisor', 'admin'] as const) {
      const ticket = await h.call('POST', '/api/v1/evidence/uploads', {
        token: await tok(role, 'ds'),
        body: { sha256: leaderFile.sha256, size: leaderFile.size, contentType: leaderFile.contentType },
      });
      expect([role, ticket.status, await code(ticket)]).toEqual([role, 403, 'auth.forbidden']);
    }
    const c = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: leader,
      body: {
        unitId: 'ds-c',
        dimension: 'findings',
        input: 'findings.general',
        claimedValue: 0,
        reason: '两项问题系重复登记',
        evidence: [leaderFile],
      },
    });
    expect(c.status).toBe(201);
    const byLeader = (await c.json()) as Objection;
    expect(byLeader.evidence[0]).toMatchObject({ sha256: leaderFile.sha256, fileName: '情况说明.pdf' });
    // The reviewer downloads the leader's file (from the leader's own folder).
    const leaderDl = await h.call(
      'GET',
      `/api/v1/objections/${byLeader.id}/evidence/${byLeader.evidence[0]!.id}`,
      { token: await tok('reviewer', 'ds') },
    );
    expect(leaderDl.status).toBe(200);
    // Nothing stored by the refused ones: two objections, both pending, in the reviewer's queue.
    const q = await h.call('GET', '/api/v1/objections', { token: await tok('reviewer', 'ds') });
    expect(((await q.json()) as { items: Objection[] }).items.map((x) => x.unitId)).toEqual(['ds-b', 'ds-c']);
    // a reviewer of another county has nothing in their queue
    const xq = await h.call('GET', '/api/v1/objections', { token: await tok('reviewer', 'xs') });
    expect(((await xq.json()) as { items: Objection[] }).items).toEqual([]);
  });

  it('is not published before the period is over, nor while an objection waits', async () => {
    const publish = async () =>
      h.call('POST', '/api/v1/rankings/publish', {
        token: await tok('supervisor', 'ds'),
        body: { quarter: '2025Q1', groupKey: GROUP },
      });
    h.setNow(at('2025-04-29'));
    let res = await publish();
    expect([res.status, await code(res)]).toEqual([409, 'notice.periodNotOver']);
    h.setNow(at('2025-04-30'));
    res = await publish();
    expect([res.status, await code(res)]).toEqual([409, 'notice.objectionsPending']);
    // and the period is over for objections
    const late = await h.call('POST', `/api/v1/rankings/notices/${noticeId}/objections`, {
      token: await tok('unit_officer', 'ds-c'),
      body: { unitId: 'ds-c', dimension: 'findings', input: 'findings.general', reason: '补充异议' },
    });
    expect([late.status, await code(late)]).toEqual([409, 'notice.periodOver']);
  });

  it('is decided by a reviewer outside the unit: upheld moves the bottom unit, rejected changes nothing', async () => {
    const queue = (await (
      await h.call('GET', '/api/v1/objections', { token: await tok('reviewer', 'ds') })
    ).json()) as {
      items: Objection[];
    };
    const ofB = queue.items.find((o) => o.unitId === 'ds-b')!;
    const ofC = queue.items.find((o) => o.unitId === 'ds-c')!;
    const inside = await h.call('POST', `/api/v1/objections/${ofB.id}/decision`, {
      token: await tok('reviewer', 'ds-b'),
      body: { outcome: 'upheld', reason: '自己复核自己', correctedValue: 0 },
    });
    expect([inside.status, await code(inside)]).toEqual([403, 'notice.reviewerInSubtree']);
    const noValue = await h.call('POST', `/api/v1/objections/${ofB.id}/decision`, {
      token: await tok('reviewer', 'ds'),
      body: { outcome: 'upheld', reason: '属实' },
    });
    expect([noValue.status, await code(noValue)]).toEqual([400, 'notice.invalidValue']);

    const upheld = await h.call('POST', `/api/v1/objections/${ofB.id}/decision`, {
      token: await tok('reviewer', 'ds'),
      body: { outcome: 'upheld', reason: '复核属实，按一般问题计', correctedValue: 0 },
    });
    expect(upheld.status).toBe(200);
    const v = (await upheld.json()) as View;
    expect(v.notice.corrections).toEqual([
      expect.objectContaining({ unitId: 'ds-b', input: 'findings.grave', before: 1, after: 0 }),
    ]);
    expect(v.notice.current.rows.filter((r) => r.carded).map((r) => r.unitId)).toEqual(['ds-c']);
    expect(v.notice.ranking.rows.filter((r) => r.carded).map((r) => r.unitId)).toEqual(['ds-b']); // frozen
    const twice = await h.call('POST', `/api/v1/objections/${ofB.id}/decision`, {
      token: await tok('reviewer', 'ds'),
      body: { outcome: 'rejected', reason: '改判' },
    });
    expect([twice.status, await code(twice)]).toEqual([409, 'notice.alreadyDecided']);

    const rejected = await h.call('POST', `/api/v1/objections/${ofC.id}/decision`, {
      token: await tok('reviewer', 'ds'),
      body: { outcome: 'rejected', reason: '两项问题发生在不同村，非重复登记' },
    });
    expect(rejected.status).toBe(200);
    const after = (await rejected.json()) as View;
    expect(after.notice.corrections).toHaveLength(1);
    expect(after.notice.current).toEqual(v.notice.current);
    expect(after.objections.find((o) => o.id === ofC.id)).toMatchObject({
      state: 'rejected',
      decision: { outcome: 'rejected', reason: '两项问题发生在不同村，非重复登记', correctedValue: null },
    });
  });

  it('publishes the corrected draft, cards the new bottom unit, and keeps the objections and what changed', async () => {
    const res = await h.call('POST', '/api/v1/rankings/publish', {
      token: await tok('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: GROUP },
    });
    expect(res.status).toBe(201);
    const pub = (await res.json()) as { snapshot: { id: string }; cards: { unitId: string }[] };
    expect(pub.cards.map((c) => c.unitId)).toEqual(['ds-c']);
    const snap = (await (
      await h.call('GET', `/api/v1/rankings/snapshots/${pub.snapshot.id}`, {
        token: await tok('supervisor', 'ds'),
      })
    ).json()) as RankingSnapshot;
    expect(snap.notice?.objections.map((o) => [o.unitId, o.state])).toEqual([
      ['ds-b', 'upheld'],
      ['ds-c', 'rejected'],
    ]);
    expect(snap.notice?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: 'ds-b', cardedBefore: true, cardedAfter: false }),
        expect.objectContaining({ unitId: 'ds-c', cardedBefore: false, cardedAfter: true }),
      ]),
    );
    const frozenB = snap.inputs.find((i) => i.unitId === 'ds-b') as { findings: { grave: number } };
    expect(frozenB.findings.grave).toBe(0);
    // the notice is published, and a second publication is refused
    const n = (await (
      await h.call('GET', `/api/v1/rankings/notices/${noticeId}`, { token: await tok('supervisor', 'ds') })
    ).json()) as View;
    expect(n.notice).toMatchObject({ state: 'published', publishedSnapshotId: pub.snapshot.id });
    const again = await h.call('POST', '/api/v1/rankings/publish', {
      token: await tok('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: GROUP },
    });
    expect(again.status).toBe(409);
  });

  it('recorded every step as an event of a verifying chain', async () => {
    const events = await h.deps.store.history('notice', noticeId);
    expect(events.map((e) => e.action)).toEqual([
      'ranking.notice',
      'notice.objectionFiled',
      'notice.objectionFiled',
      'notice.correct',
      'notice.objectionRejected',
      'notice.publish',
    ]);
    expect(events[3]).toMatchObject({
      before: expect.objectContaining({ input: 'findings.grave', value: 1 }),
      after: expect.objectContaining({ input: 'findings.grave', value: 0 }),
    });
    expect(verifyChain(events).ok).toBe(true);
  });
});
