import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceOwner } from '../evidence/evidence-store.js';
import { uploadEvidence } from '../testing/evidence.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let supervisor: string;
let officer: string;
let otherOfficer: string;
let rectId: string;

interface Rect {
  id: string;
  version: number;
  evidence: { id: string; sha256: string; fileName: string }[];
}

beforeAll(async () => {
  h = await startHarness();
  [supervisor, officer, otherOfficer] = await Promise.all([
    h.token('supervisor'),
    h.token('unit_officer', 'ds-a'),
    h.token('unit_officer', 'xs'),
  ]);
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: supervisor,
    body: {
      source: { kind: 'import', id: null },
      unitId: 'ds-a',
      title: '佐证材料测试',
      deadline: '2025-06-30',
    },
  });
  rectId = ((await res.json()) as Rect).id;
  officerOwner = evidenceOwner((await h.deps.verify(officer)).id);
});
afterAll(() => h.close());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);
/** Where the officer's uploads are kept. */
let officerOwner: string;
const own = (sha256: string) => ({ owner: officerOwner, sha256 });

async function addEvidence(file: { sha256: string; size: number }, token = officer) {
  const cur = (await (await h.call('GET', `/api/v1/rectifications/${rectId}`, { token })).json()) as Rect;
  return h.call('POST', `/api/v1/rectifications/${rectId}/actions`, {
    token,
    body: {
      action: { type: 'addEvidence', fileName: '整改照片.jpg', contentType: 'image/jpeg', ...file },
      expectedVersion: cur.version,
    },
  });
}

describe('evidence files', () => {
  it('are uploaded on a signed URL, attached by hash, and downloaded with their name by those who see the record', async () => {
    const content = bytes('东山县甲乡 危房改造 整改后照片');
    const file = await uploadEvidence(h, officer, content, '整改照片.jpg', 'image/jpeg');
    const res = await addEvidence(file);
    expect(res.status).toBe(200);
    const rect = (await res.json()) as Rect;
    const ev = rect.evidence.find((e) => e.sha256 === file.sha256);
    expect(ev).toBeDefined();

    const link = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${ev?.id}`, {
      token: supervisor,
    });
    expect(link.status).toBe(200);
    const { url } = (await link.json()) as { url: string };
    const got = await h.app.request(url);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(content);
    expect(got.headers.get('content-disposition')).toContain(encodeURIComponent('整改照片.jpg'));

    // Someone of another county cannot learn the file exists.
    const hidden = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${ev?.id}`, {
      token: otherOfficer,
    });
    expect(hidden.status).toBe(404);
  });

  it('refuses an evidence entry whose bytes were never uploaded, naming the field, and stores nothing', async () => {
    const before = (await (
      await h.call('GET', `/api/v1/rectifications/${rectId}`, { token: officer })
    ).json()) as Rect;
    const res = await addEvidence({ sha256: 'c'.repeat(64), size: 10 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'evidence.notUploaded', field: 'action/sha256' });
    const after = (await (
      await h.call('GET', `/api/v1/rectifications/${rectId}`, { token: officer })
    ).json()) as Rect;
    expect(after.version).toBe(before.version);
  });

  it('refuses bytes that do not match the declared hash or size, and keeps none of them', async () => {
    const declared = bytes('the declared file');
    const ticket = await h.call('POST', '/api/v1/evidence/uploads', {
      token: officer,
      body: { sha256: sha(declared), size: declared.length, contentType: 'text/plain' },
    });
    const { url, headers } = (await ticket.json()) as { url: string; headers: Record<string, string> };
    const wrong = bytes('the declared fil3'); // the same size, another hash
    const put = await h.app.request(url, { method: 'PUT', headers, body: wrong });
    expect(put.status).toBe(400);
    expect(await h.deps.evidence.has(own(sha(declared)), declared.length)).toBe(false);
    const tooBig = await h.app.request(url, {
      method: 'PUT',
      headers,
      body: bytes('the declared file, and more'),
    });
    expect(tooBig.status).toBe(413);
    expect(await h.deps.evidence.has(own(sha(declared)), declared.length)).toBe(false);
  });

  it('refuses a tampered or expired URL', async () => {
    const content = bytes('signed');
    const ticket = await h.call('POST', '/api/v1/evidence/uploads', {
      token: officer,
      body: { sha256: sha(content), size: content.length, contentType: 'text/plain' },
    });
    const { url, headers } = (await ticket.json()) as { url: string; headers: Record<string, string> };
    const tampered = url.replace(/size=\d+/, 'size=999');
    expect((await h.app.request(tampered, { method: 'PUT', headers, body: content })).status).toBe(403);
    const otherType = await h.app.request(url, {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: content,
    });
    expect(otherType.status).toBe(403);
    const now = h.deps.clock();
    h.setNow(now + 16 * 60 * 1000);
    try {
      expect((await h.app.request(url, { method: 'PUT', headers, body: content })).status).toBe(403);
    } finally {
      h.setNow(now);
    }
  });

  it('gives upload tickets to unit officers only, and validates the request', async () => {
    const body = { sha256: 'a'.repeat(64), size: 1, contentType: 'text/plain' };
    expect((await h.call('POST', '/api/v1/evidence/uploads', { token: supervisor, body })).status).toBe(403);
    const bad = await h.call('POST', '/api/v1/evidence/uploads', {
      token: officer,
      body: { ...body, sha256: 'not-a-hash' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('sha256');
  });

  it('need the bytes, not the hash: another county’s officer who knows a file’s SHA-256 and size can neither attach it, nor download it, nor learn it exists', async () => {
    const secret = bytes('东山县 青松镇 低保名单（含身份证号）');
    const file = await uploadEvidence(h, officer, secret, '低保名单.xlsx', 'application/vnd.ms-excel');
    const attached = (await (await addEvidence(file)).json()) as Rect;
    const ev = attached.evidence.find((e) => e.sha256 === file.sha256)!;

    // The other county's officer, on a rectification of their own unit.
    const theirs = (await (
      await h.call('POST', '/api/v1/rectifications', {
        token: await h.token('supervisor', 'xs'),
        body: {
          source: { kind: 'import', id: null },
          unitId: 'xs',
          title: '外县整改',
          deadline: '2025-06-30',
        },
      })
    ).json()) as Rect;
    const attach = async (f: { sha256: string; size: number }) =>
      h.call('POST', `/api/v1/rectifications/${theirs.id}/actions`, {
        token: otherOfficer,
        body: {
          action: { type: 'addEvidence', fileName: 'x.xlsx', contentType: 'application/vnd.ms-excel', ...f },
          expectedVersion: theirs.version,
        },
      });
    // Attaching by hash: the same answer as for a hash no one ever uploaded (existence is not revealed).
    const known = await attach({ sha256: file.sha256, size: file.size });
    const unknown = await attach({ sha256: 'd'.repeat(64), size: file.size });
    expect([known.status, unknown.status]).toEqual([422, 422]);
    const [a, b] = [
      (await known.json()) as Record<string, unknown>,
      (await unknown.json()) as Record<string, unknown>,
    ];
    expect({ ...a, detail: undefined }).toEqual({ ...b, detail: undefined });
    expect(a).toMatchObject({ code: 'evidence.notUploaded', field: 'action/sha256' });

    // Downloading: only through a record they can see that references the file — none.
    const link = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${ev.id}`, {
      token: otherOfficer,
    });
    expect(link.status).toBe(404);
    // An upload ticket of their own for the same hash is a folder of their own: nothing to read there.
    const ticket = await h.call('POST', '/api/v1/evidence/uploads', {
      token: otherOfficer,
      body: { sha256: file.sha256, size: file.size, contentType: 'application/vnd.ms-excel' },
    });
    expect(ticket.status).toBe(200);
    const { url } = (await ticket.json()) as { url: string };
    expect(url).not.toContain(officerOwner);
    const asGet = await h.app.request(url);
    expect(asGet.status).toBeGreaterThanOrEqual(400);
    // Their PUT of other bytes under that hash is refused; the officer's file is untouched.
    const put = await h.app.request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.ms-excel' },
      body: bytes('x'.repeat(file.size)),
    });
    expect(put.status).toBe(400);
    const mine = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${ev.id}`, {
      token: supervisor,
    });
    const got = await h.app.request(((await mine.json()) as { url: string }).url);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(secret);
  });

  it('keeps each uploader’s bytes in their own folder, so the same hash from two people is two files', async () => {
    const same = bytes('同一份文件');
    await uploadEvidence(h, officer, same);
    const other = evidenceOwner((await h.deps.verify(otherOfficer)).id);
    expect(await h.deps.evidence.has(own(sha(same)), same.length)).toBe(true);
    expect(await h.deps.evidence.has({ owner: other, sha256: sha(same) }, same.length)).toBe(false);
  });
});
