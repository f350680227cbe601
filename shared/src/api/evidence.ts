/** 佐证材料: the signed URLs that carry evidence bytes to and from storage. */
import { z } from 'zod';
import { evidenceSchema } from '../schemas/rectification.js';

export const signedUrlSchema = z
  .object({
    url: z.string(),
    method: z.enum(['PUT', 'GET']),
    headers: z
      .record(z.string(), z.string())
      .meta({ description: 'Headers the request must carry exactly (they are part of the signature)' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'SignedUrl' });
export type SignedUrl = z.infer<typeof signedUrlSchema>;

export const evidenceUploadRequestSchema = evidenceSchema
  .pick({ sha256: true, size: true, contentType: true })
  .strict()
  .meta({ id: 'EvidenceUploadRequest' });
export type EvidenceUploadRequest = z.input<typeof evidenceUploadRequestSchema>;

export const evidenceDownloadParamsSchema = z.object({
  id: z.string().min(1).max(100),
  evidenceId: z.string().min(1).max(100),
});

/** How a download answers: as a file to save (the default), or shown in place where the type allows it. */
export const evidenceDownloadQuerySchema = z.strictObject({
  disposition: z.enum(['attachment', 'inline']).default('attachment').meta({
    description:
      '`inline` shows an image or a PDF in the browser (预览); any other type is still an attachment',
  }),
});
export type EvidenceDisposition = z.infer<typeof evidenceDownloadQuerySchema>['disposition'];

/** GET /findings/{id}/photos/{photoId}. */
export const findingPhotoParamsSchema = z.object({
  id: z.string().min(1).max(100),
  photoId: z.string().min(1).max(100),
});
