/** 佐证材料: the signed URLs that carry evidence bytes to and from storage. */

import { evidenceSchema } from '../schemas/evidence.js';
import * as z from '../zod.js';

export const signedUrlSchema = z
  .object({
    url: z.string(),
    method: z.enum(['PUT', 'GET']),
    headers: z.record(z.string(), z.string()).apply(z.withMeta, {
      description: 'Headers the request must carry exactly (they are part of the signature)',
    }),
    expiresAt: z.string(),
  })
  .apply(z.withMeta, { id: 'SignedUrl' });
export type SignedUrl = z.infer<typeof signedUrlSchema>;

export const evidenceUploadRequestSchema = z
  .strictObject(z.pick(evidenceSchema, { sha256: true, size: true, contentType: true }).shape)
  .apply(z.withMeta, { id: 'EvidenceUploadRequest' });
export type EvidenceUploadRequest = z.input<typeof evidenceUploadRequestSchema>;

export const evidenceDownloadParamsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  evidenceId: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** How a download answers: as a file to save (the default), or shown in place where the type allows it. */
export const evidenceDownloadQuerySchema = z.strictObject({
  disposition: z._default(z.enum(['attachment', 'inline']), 'attachment').apply(z.withMeta, {
    description:
      '`inline` shows an image or a PDF in the browser (预览); any other type is still an attachment',
  }),
});
export type EvidenceDisposition = z.infer<typeof evidenceDownloadQuerySchema>['disposition'];

/** GET /findings/{id}/photos/{photoId}. */
export const findingPhotoParamsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  photoId: z.string().check(z.minLength(1), z.maxLength(100)),
});
