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

  it('gives upload tickets to those who attach files (not a supervisor), and validates the request', async () => {
    const body = { sha256: 'a'.repeat(64), size: 1, contentType: 'text/plain' };
    expect((await h.call('POST', '/api/v1/evidence/uploads', { token: supervisor, body })).status).toBe(403);
    const bad = await h.call('POST', '/api/v1/evidence/uploads', {
      token: officer,
      body: { ...body, sha256: 'not-a-hash' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('sha256');
  });

  it('shows an image or a PDF in place when asked (预览), sandboxed, and keeps every other type a download', async () => {
    const png = await uploadEvidence(h, officer, bytes('PNG 整改现场'), '现场.png', 'image/png');
    const html = await uploadEvidence(h, officer, bytes('<script>alert(1)</script>'), 'x.html', 'text/html');
    await addEvidence(png);
    const rect = (await (await addEvidence(html)).json()) as Rect;
    const idOf = (sha256: string) => rect.evidence.find((e) => e.sha256 === sha256)?.id;
    const open = async (evidenceId: string | undefined, q: string) => {
      const link = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${evidenceId}${q}`, {
        token: supervisor,
      });
      expect(link.status).toBe(200);
      return h.app.request(((await link.json()) as { url: string }).url);
    };
    const inline = await open(idOf(png.sha256), '?disposition=inline');
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('content-security-policy')).toContain('sandbox');
    expect(inline.headers.get('content-security-policy')).toContain("default-src 'none'");
    // Without asking, the same file is a download; a type that could run script never shows in place.
    expect((await open(idOf(png.sha256), '')).headers.get('content-disposition')).toMatch(/^attachment; /);
    const script = await open(idOf(html.sha256), '?disposition=inline');
    expect(script.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(script.headers.get('content-security-policy')).toBeNull();
    // A download URL cannot be turned into a preview by editing it: the disposition is signed.
    const link = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/${idOf(png.sha256)}`, {
      token: supervisor,
    });
    const { url } = (await link.json()) as { url: string };
    expect((await h.app.request(url.replace('disp=attachment', 'disp=inline'))).status).toBe(403);
    const bad = await h.call('GET', `/api/v1/rectifications/${rectId}/evidence/x?disposition=embed`, {
      token: supervisor,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('disposition');
  });

  it('carries an inspector’s photos on the finding they log, shown to those who see the finding', async () => {
    const inspector = await h.token('inspector');
    const shot = bytes('JPEG 现场照片：危房未改造');
    const photo = await uploadEvidence(h, inspector, shot, '现场照片.jpg', 'image/jpeg');
    const finding = (over: Record<string, unknown>) => ({
      unitId: 'ds-a',
      category: 'inaction',
      severity: 'serious',
      source: 'inspection',
      description: '危房改造不到位',
      discoveredOn: '2025-05-10',
      ...over,
    });
    // A photo the inspector never uploaded (someone else's hash) is refused, naming it, and nothing is logged.
    const other = await uploadEvidence(h, officer, bytes('别人的照片'), '别人的.jpg', 'image/jpeg');
    const before = (await (
      await h.call('GET', '/api/v1/findings?limit=100', { token: inspector })
    ).json()) as {
      items: unknown[];
    };
    const refused = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: finding({ photos: [photo, other] }),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { field: string }).field).toBe('photos/1/sha256');
    const after = (await (
      await h.call('GET', '/api/v1/findings?limit=100', { token: inspector })
    ).json()) as {
      items: unknown[];
    };
    expect(after.items.length).toBe(before.items.length);

    const res = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: finding({ photos: [photo] }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: string;
      photos: { id: string; fileName: string; by: string }[];
    };
    expect(created.photos.map((p) => p.fileName)).toEqual(['现场照片.jpg']);
    const photoId = created.photos[0]!.id;
    const link = await h.call('GET', `/api/v1/findings/${created.id}/photos/${photoId}?disposition=inline`, {
      token: supervisor,
    });
    expect(link.status).toBe(200);
    const got = await h.app.request(((await link.json()) as { url: string }).url);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(shot);
    expect(got.headers.get('content-disposition')).toMatch(/^inline; /);
    // Another county's officer cannot see the finding, so not its photo either; an unknown photo is 404.
    const hidden = await h.call('GET', `/api/v1/findings/${created.id}/photos/${photoId}`, {
      token: otherOfficer,
    });
    expect(hidden.status).toBe(404);
    const none = await h.call('GET', `/api/v1/findings/${created.id}/photos/nope`, { token: supervisor });
    expect(none.status).toBe(404);
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
