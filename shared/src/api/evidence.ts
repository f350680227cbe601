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
