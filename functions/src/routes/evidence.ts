/**
 * 佐证材料: the API signs, storage carries the bytes (evidence/evidence-store.ts). An upload ticket is
 * for whoever may add evidence to a rectification or to an objection, and puts the bytes in the uploader's own folder; they
 * are attached to nothing until an `addEvidence` action by the same person names their hash, which the
 * workflow accepts only once that person stored them (proof of possession: a hash alone is not enough).
 * A download URL is given only for a file a rectification the caller can see references — anything
 * else is 404, whether or not the bytes exist anywhere.
 */
import type { Finding } from '@jiandu/shared';
import {
  evidenceDownloadParamsSchema,
  evidenceDownloadQuerySchema,
  evidenceUploadRequestSchema,
  findingPhotoParamsSchema,
  signedUrlSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { evidenceOwner } from '../evidence/evidence-store.js';
import { signedDownload } from '../evidence/uploaded.js';
import { readVisible } from '../services/org/jurisdiction.js';
import { getRectification } from '../services/rectifications/rectifications.js';
import { json } from './common.js';

/**
 * Who may upload: whoever may attach a file somewhere — a unit officer to a rectification
 * (`rectification.work`), a unit's officers and leaders to an objection against their unit's score
 * on notice (`ranking.object`; issue 16: a leader filing an objection must be able to attach evidence),
 * and an inspector photos to the finding they log (`finding.create`; issue 17).
 * The bytes are attached to nothing until that same person names them in an action the core accepts, so
 * a leader's upload gives them no way to add evidence to a rectification (`rectification.work` still
 * guards that action). Everyone else (a supervisor, a reviewer, an administrator) is refused as before.
 */
const upload = defineRoute(['rectification.work', 'ranking.object', 'finding.create'], {
  method: 'post',
  path: '/api/v1/evidence/uploads',
  tags: ['evidence'],
  summary: 'A short-lived URL to PUT one evidence file to, named by its SHA-256',
  description:
    'Send the bytes with the returned method, URL and headers; storage refuses bytes of another hash or size. Then add the file to a rectification with an `addEvidence` action, or to an objection, naming the same sha256 and size: only the person who uploaded the bytes can attach them.',
  request: { body: { required: true, content: json(evidenceUploadRequestSchema) } },
  responses: { 200: { description: 'Where to upload', content: json(signedUrlSchema) } },
});

const download = defineRoute('evidence.read', {
  method: 'get',
  path: '/api/v1/rectifications/{id}/evidence/{evidenceId}',
  tags: ['evidence'],
  summary: 'A short-lived URL to download one evidence file of a rectification you can see',
  request: { params: evidenceDownloadParamsSchema, query: evidenceDownloadQuerySchema },
  responses: {
    200: { description: 'Where to download', content: json(signedUrlSchema) },
  },
});

const photo = defineRoute('finding.read', {
  method: 'get',
  path: '/api/v1/findings/{id}/photos/{photoId}',
  tags: ['evidence'],
  summary: 'A short-lived URL to download, or show in place, one photo of a finding you can see',
  request: { params: findingPhotoParamsSchema, query: evidenceDownloadQuerySchema },
  responses: { 200: { description: 'Where to download', content: json(signedUrlSchema) } },
});

export function evidenceRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(upload, async (c) => {
    const body = c.req.valid('json');
    const owner = evidenceOwner(c.get('principal').id);
    return c.json(await deps.evidence.signUpload({ ...body, owner }, deps.clock()), 200);
  });
  r.openapi(download, async (c) => {
    const { id, evidenceId } = c.req.valid('param');
    const rect = await getRectification(deps, c.get('principal'), id);
    const { disposition } = c.req.valid('query');
    return c.json(await signedDownload(deps, rect.evidence, evidenceId, disposition), 200);
  });
  r.openapi(photo, async (c) => {
    const { id, photoId } = c.req.valid('param');
    const finding = await readVisible<Finding>(deps, c.get('principal'), 'finding', id);
    const { disposition } = c.req.valid('query');
    return c.json(await signedDownload(deps, finding.data.photos, photoId, disposition), 200);
  });
  return r;
}
