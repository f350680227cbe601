/**
 * Evidence in a local folder (development, tests): the same contract as S3 — files under their
 * uploader's folder and their hash (`<owner>/<sha256>`, never the bare hash), short-lived URLs signed
 * with HMAC-SHA256 over method, owner, hash, size, type, expiry and name — served by
 * `evidenceBlobRoutes` on the app's own origin (outside /api/v1: the signature is the authorization, as
 * a presigned S3 URL carries its own). An upload is streamed to a temporary file while it is hashed and
 * counted; bytes of another hash or size are refused and nothing is kept.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Context, Hono } from 'hono';
import type { EdgeCode } from '../app/edge-error.js';
import { problemResponse } from '../app/errors.js';
import { problem } from '../app/problem.js';
import {
  dispositionOf,
  type EvidenceStore,
  expiresAt,
  previewPolicy,
  type StoredFile,
  URL_TTL_SECONDS,
} from './evidence-store.js';

export const BLOB_PATH = '/blobs/evidence';
const SHA256 = /^[0-9a-f]{64}$/;
const OWNER = /^[0-9a-f]{32}$/;

export interface LocalEvidence extends EvidenceStore {
  /** The routes that take and give the bytes, mounted on the local app. */
  routes(clock: () => number): Hono;
}

export const isLocalEvidence = (e: EvidenceStore): e is LocalEvidence =>
  typeof (e as Partial<LocalEvidence>).routes === 'function';

export function localEvidence(dir: string, key: Uint8Array): LocalEvidence {
  const sign = (parts: (string | number)[]) =>
    createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
  const verify = (parts: (string | number)[], sig: string | undefined) => {
    if (!sig) return false;
    const want = Buffer.from(sign(parts));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got);
  };
  const valid = (f: StoredFile) => OWNER.test(f.owner) && SHA256.test(f.sha256);
  const fileOf = (f: StoredFile) => join(dir, f.owner, f.sha256);
  const has = async (f: StoredFile, size: number) => {
    if (!valid(f)) return false;
    const s = await stat(fileOf(f)).catch(() => null);
    return s !== null && s.size === size;
  };

  const refuse = (c: Context, code: EdgeCode, detail: string) => problemResponse(c, problem(code, detail));

  return {
    async signUpload(req, now) {
      const exp = Math.floor(now / 1000) + URL_TTL_SECONDS;
      const sig = sign(['PUT', req.owner, req.sha256, req.size, req.contentType, exp]);
      const q = new URLSearchParams({ size: String(req.size), exp: String(exp), sig });
      return {
        url: `${BLOB_PATH}/${req.owner}/${req.sha256}?${q}`,
        method: 'PUT',
        headers: { 'content-type': req.contentType },
        expiresAt: expiresAt(now),
      };
    },
    async signDownload(file, now) {
      const exp = Math.floor(now / 1000) + URL_TTL_SECONDS;
      // The disposition is signed with the rest: a download URL cannot be turned into a preview.
      const disposition = dispositionOf(file);
      const sig = sign(['GET', file.owner, file.sha256, file.fileName, file.contentType, disposition, exp]);
      const q = new URLSearchParams({
        name: file.fileName,
        type: file.contentType,
        disp: disposition.startsWith('inline') ? 'inline' : 'attachment',
        exp: String(exp),
        sig,
      });
      return {
        url: `${BLOB_PATH}/${file.owner}/${file.sha256}?${q}`,
        method: 'GET',
        headers: {},
        expiresAt: expiresAt(now),
      };
    },
    has,
    routes(clock) {
      const app = new Hono();
      const expired = (exp: string | undefined) => !exp || !/^\d+$/.test(exp) || Number(exp) * 1000 < clock();

      app.put(`${BLOB_PATH}/:owner/:sha256`, async (c) => {
        const f = { owner: c.req.param('owner'), sha256: c.req.param('sha256') };
        const { sha256 } = f;
        const { size, exp, sig } = c.req.query();
        const contentType = c.req.header('content-type') ?? '';
        if (
          !valid(f) ||
          !size ||
          !/^\d+$/.test(size) ||
          expired(exp) ||
          !verify(['PUT', f.owner, sha256, size, contentType, exp ?? ''], sig)
        ) {
          return refuse(c, 'evidence.badSignature', 'the upload URL is invalid or has expired');
        }
        const declared = Number(size);
        const target = fileOf(f);
        if (await has(f, declared)) return c.body(null, 200);
        await mkdir(join(dir, f.owner), { recursive: true, mode: 0o700 });
        const tmp = `${target}.${process.pid}.${Date.now()}.part`;
        const hash = createHash('sha256');
        let seen = 0;
        const count = new Transform({
          transform(chunk: Buffer, _enc, done) {
            seen += chunk.length;
            if (seen > declared) return done(new Error('too large'));
            hash.update(chunk);
            done(null, chunk);
          },
        });
        try {
          const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as never) : Readable.from([]);
          await pipeline(body, count, createWriteStream(tmp, { mode: 0o600 }));
        } catch {
          await rm(tmp, { force: true });
          return refuse(c, 'evidence.sizeMismatch', `the file is larger than the ${declared} bytes declared`);
        }
        if (seen !== declared || hash.digest('hex') !== sha256) {
          await rm(tmp, { force: true });
          return refuse(c, 'evidence.hashMismatch', 'the bytes do not match the declared SHA-256 and size');
        }
        await rename(tmp, target);
        return c.body(null, 201);
      });

      app.get(`${BLOB_PATH}/:owner/:sha256`, async (c) => {
        const f = { owner: c.req.param('owner'), sha256: c.req.param('sha256') };
        const { name, type, disp, exp, sig } = c.req.query();
        const disposition =
          name === undefined || type === undefined
            ? ''
            : dispositionOf({ fileName: name, contentType: type, inline: disp === 'inline' });
        if (
          !valid(f) ||
          name === undefined ||
          type === undefined ||
          expired(exp) ||
          !verify(['GET', f.owner, f.sha256, name, type, disposition, exp ?? ''], sig)
        ) {
          return refuse(c, 'evidence.badSignature', 'the download URL is invalid or has expired');
        }
        const s = await stat(fileOf(f)).catch(() => null);
        if (!s) return refuse(c, 'evidence.notFound', 'no such file');
        const stream = Readable.toWeb(createReadStream(fileOf(f))) as ReadableStream;
        return new Response(stream, {
          headers: {
            'content-type': type,
            'content-length': String(s.size),
            'content-disposition': disposition,
            'x-content-type-options': 'nosniff',
            ...(disposition.startsWith('inline') ? { 'content-security-policy': previewPolicy(type) } : {}),
            'cache-control': 'private, max-age=300',
          },
        });
      });
      return app;
    },
  };
}
