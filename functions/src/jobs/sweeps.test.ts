import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { type DailyDigest, localDigestWriter } from './digest-writer.js';
import { runJob } from './index.js';

let h: Harness;
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  h = await startHarness({ now: at('2025-02-01T02:00:00Z') });
});
afterAll(() => h.close());

/** A token signed at the harness's current time (tokens last 8 h; these tests move the clock by months). */
async function fresh(role: 'supervisor' | 'unit_officer', unitId = 'ds'): Promise<string> {
  await h.token(role, unitId);
  const res = await h.call('POST', '/api/v1/auth/sign-in', {
    body: { username: `${role}-${unitId}`, password: 'pass-word-1' },
  });
  return ((await res.json()) as { token: string }).token;
}

async function alertsByRule(prefix: string): Promise<Alert[]> {
  const res = await h.call('GET', '/api/v1/alerts?limit=200', { token: await fresh('supervisor', 'city') });
  return ((await res.json()) as { items: Alert[] }).items.filter((a) => a.rule.startsWith(prefix));
}

let seq = 0;
async function petition(receivedAt: string): Promise<{ id: string }> {
  const res = await h.call('POST', '/api/v1/petitions', {
    token: await fresh('supervisor'),
    body: {
      petitioner: { name: `王${++seq}`, phone: `1390000${String(seq).padStart(4, '0')}` },
      channel: 'letter',
      levelReceived: 'county',
      unitId: 'ds-b',
      category: 'embezzling',
      matter: `反映危房改造补助${seq}`,
      receivedAt,
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

async function act(id: string, action: string, body: Record<string, unknown>) {
  const res = await h.call('POST', `/api/v1/petitions/${id}/${action}`, {
    token: await fresh('supervisor'),
    body,
  });
  expect(res.status).toBe(200);
}

describe('the petition SLA sweep', () => {
  it('raises one alert per missed acceptance, handling and extended handling, and nothing on a second run', async () => {
    const unaccepted = await petition('2025-01-20T09:00:00+08:00');
    const slow = await petition('2025-01-25T09:00:00+08:00');
    await act(slow.id, 'accept', { expectedVersion: 1 });
    const extended = await petition('2025-01-26T09:00:00+08:00');
    await act(extended.id, 'accept', { expectedVersion: 1 });
    await act(extended.id, 'extend', { expectedVersion: 2, days: 10 });
    const onTime = await petition('2025-01-30T09:00:00+08:00');
    await act(onTime.id, 'accept', { expectedVersion: 1 });
    await act(onTime.id, 'handle', { expectedVersion: 2 });

    h.setNow(at('2025-05-15T02:00:00Z'));
    const first = await runJob(h.deps, 'petition-sla-sweep');
    expect(first.counts).toMatchObject({ scanned: 3, missed: 3, alertsRaised: 3 });
    const raised = await alertsByRule('petition.');
    expect(raised.map((a) => [a.rule, a.subject.id, a.severity]).sort()).toEqual(
      [
        ['petition.acceptOverdue', unaccepted.id, 'warning'],
        ['petition.extensionOverdue', extended.id, 'critical'],
        ['petition.handleOverdue', slow.id, 'warning'],
      ].sort(),
    );
    expect(raised.every((a) => a.notifyUnitId === 'ds-b')).toBe(true);
    // What it says is kept as facts for the reader's language, and its text never names a record by id.
    const accept = raised.find((a) => a.rule === 'petition.acceptOverdue')!;
    expect(accept.facts).toMatchObject({ kind: 'petition.accept', due: expect.any(String) });
    expect(accept.facts!.days).toBeGreaterThan(0);
    const extension = raised.find((a) => a.rule === 'petition.extensionOverdue')!;
    expect(extension.facts).toMatchObject({ kind: 'petition.extension', extensionDays: 10 });
    for (const a of raised) {
      expect(a.message).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
      expect(a.message).toContain('信访件');
    }

    const again = await runJob(h.deps, 'petition-sla-sweep');
    // Nothing is left to do with them (their SLA alerts raised, no ladder): the next run reads none.
    expect(again.counts).toMatchObject({ scanned: 0, alertsRaised: 0 });
    expect(await alertsByRule('petition.')).toHaveLength(3);
  });
});

describe('the first-response sweep of major negative opinion', () => {
  it('alerts the unit above once when nobody started the handling task by its first-response deadline', async () => {
    h.setNow(at('2025-06-02T02:00:00Z'));
    const sup = await fresh('supervisor');
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const res = await h.call('POST', '/api/v1/signals', {
        token: sup,
        body: {
          platform: '微博',
          url: `https://weibo.com/u/major-${n}`,
          title: `红岭镇低保资金被挪用${n}`,
          excerpt: '网友反映',
          publishedAt: '2025-06-02T08:00:00+08:00',
          reach: { reads: 90000, reposts: 800, comments: 300 },
          polarity: 'negative',
          severity: 'major',
          unitId: 'ds-c',
        },
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // The second signal's task is started the same day: that is its first response.
    const officer = await fresh('unit_officer', 'ds-c');
    const list = await h.call('GET', '/api/v1/rectifications?unitId=ds-c&limit=50', { token: officer });
    const tasks = (
      (await list.json()) as { items: { id: string; source: { id: string }; version: number }[] }
    ).items;
    const second = tasks.find((t) => t.source.id === ids[1])!;
    const started = await h.call('POST', `/api/v1/rectifications/${second.id}/actions`, {
      token: officer,
      body: { action: { type: 'start' }, expectedVersion: second.version },
    });
    expect(started.status).toBe(200);

    // Before the end of the deadline day nothing is due; the day after, one alert for the first signal.
    h.setNow(at('2025-06-03T08:00:00Z'));
    expect((await runJob(h.deps, 'signal-response-sweep')).counts).toMatchObject({ missed: 0 });
    h.setNow(at('2025-06-03T17:00:00Z'));
    expect((await runJob(h.deps, 'signal-response-sweep')).counts).toMatchObject({
      scanned: 2,
      missed: 1,
      alertsRaised: 1,
    });
    const raised = await alertsByRule('signal.firstResponseMissed');
    expect(raised.map((a) => [a.subject.id, a.unitId, a.notifyUnitId, a.severity])).toEqual([
      [ids[0], 'ds-c', 'ds', 'critical'],
    ]);
    expect((await runJob(h.deps, 'signal-response-sweep')).counts).toMatchObject({ alertsRaised: 0 });
  });
});

describe('the daily digest of chain heads', () => {
  it('keeps one digest per day, and a second run the same day leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiandu-digest-'));
    h.deps.digests = localDigestWriter(dir);
    h.setNow(at('2025-06-04T19:00:00Z'));
    const first = await runJob(h.deps, 'daily-digest');
    expect(first.counts).toMatchObject({ brokenChains: 0, written: 1 });
    const file = join(dir, '2025-06-05.json');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as DailyDigest;
    expect(kept).toMatchObject({ date: '2025-06-05', broken: 0 });
    expect(kept.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.heads).toBe(first.counts.heads);
    h.setNow(at('2025-06-05T10:00:00Z'));
    const second = await runJob(h.deps, 'daily-digest');
    expect(second.counts).toMatchObject({ written: 0, alreadyWritten: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(kept);
  });
});
